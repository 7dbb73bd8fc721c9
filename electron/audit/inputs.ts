import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../cli/io';

/** What a folder may hold that `check` reads: packet text or PDF, workbooks, saved documents. */
const EXTENSIONS = new Set(['.txt', '.pdf', '.docx', '.xlsx', '.budget', '.json']);

/**
 * The files to audit: each FILE as given, each DIR's files of a readable kind (sub-folders too),
 * in name order so reports are stable.
 */
export async function auditInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      throw new InputError(`找不到文件或文件夹：${p}`);
    }
    if (s.isDirectory()) out.push(...(await folderFiles(p)));
    else out.push(p);
  }
  return out;
}

/**
 * `seen`: the real paths of the folders read, so a link back up the tree is read once. A link is
 * followed: a linked file is audited like a file, a linked folder read like a folder; a broken
 * link to a packet or to what may be a folder is reported unreadable, not skipped in silence.
 */
async function folderFiles(dir: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
    const p = join(dir, e.name);
    const target = e.isSymbolicLink() ? await stat(p).catch(() => null) : undefined;
    if (e.isDirectory() || target?.isDirectory()) out.push(...(await folderFiles(p, seen)));
    else if ((e.isFile() || e.isSymbolicLink()) && EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
    // A broken link that could have been a folder (a share not mounted): reported, not passed over.
    else if (target === null && extname(e.name) === '') out.push(p);
  }
  return out;
}
