import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Low-level file operations, injectable so tests can make them fail at any step. */
export interface FileOps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  copyFile: typeof fs.copyFile;
  unlink: typeof fs.unlink;
  stat: typeof fs.stat;
}

export const realFileOps: FileOps = { open: fs.open, rename: fs.rename, copyFile: fs.copyFile, unlink: fs.unlink, stat: fs.stat };

/**
 * Atomic save: write a temporary file beside the target, fsync it, keep the previous version
 * as `<name>.bak`, then rename over the target (and fsync the folder). A crash at any point
 * leaves either the old file or the new one, never a torn one.
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array, opts: { backup?: boolean; ops?: FileOps } = {}): Promise<void> {
  const ops = opts.ops ?? realFileOps;
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await ops.open(tmp, 'w', 0o644);
  try {
    await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => {});
    await ops.unlink(tmp).catch(() => {});
    throw e;
  }
  await handle.close();
  try {
    if (opts.backup) {
      const exists = await ops.stat(target).then(
        () => true,
        () => false,
      );
      if (exists) await ops.copyFile(target, `${target}.bak`);
    }
    await ops.rename(tmp, target);
  } catch (e) {
    await ops.unlink(tmp).catch(() => {});
    throw e;
  }
  const dirHandle = await fs.open(dir, 'r').catch(() => null);
  if (dirHandle) {
    await dirHandle.sync().catch(() => {});
    await dirHandle.close();
  }
}
