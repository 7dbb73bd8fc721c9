import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { notRegularFile } from './errors';
import { SaveQueue } from './save-queue';
import { tempPathIn } from './temp-names';

/** Low-level file operations, injectable so tests can make them fail at any step. */
export interface FileOps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  link: typeof fs.link;
  copyFile: typeof fs.copyFile;
  unlink: typeof fs.unlink;
  stat: typeof fs.stat;
}

export const realFileOps: FileOps = { open: fs.open, rename: fs.rename, link: fs.link, copyFile: fs.copyFile, unlink: fs.unlink, stat: fs.stat };

/** Every write and removal of a file in this process goes through one queue per file. */
export const fileQueue = new SaveQueue();

/** Temp files this process is writing right now: the stale-temp sweep must never take them. */
const inFlight = new Set<string>();
export const isTempInFlight = (path: string): boolean => inFlight.has(resolve(path));

/**
 * The queue key of a file: its absolute path, computed without waiting, so requests join the
 * queue in the order they arrive (the later of two saves is the one that stays on disk).
 */
export function fileKey(path: string): string {
  const abs = resolve(path);
  return process.platform === 'win32' ? abs.toLowerCase() : abs;
}

/** Run `job` in the queue of `path` (e.g. deleting a recovery draft after its autosave). */
export function queuedOnFile(path: string, fingerprint: string, job: () => Promise<void>): Promise<void> {
  return fileQueue.run(fileKey(path), fingerprint, job);
}

/**
 * Atomic save: write a uniquely named temp file beside the target, fsync it, keep the previous
 * version as `<name>.bak` (made by hard link + rename, or copy + fsync + rename where links are
 * not supported), rename the temp over the target and fsync the folder. A crash at any point
 * leaves the old file or the new one, and a `.bak` that is a whole earlier version.
 * Saves of one file run one after another; an identical save already queued is joined.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, opts: { backup?: boolean; mkdir?: boolean; ops?: FileOps } = {}): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fingerprint = writeFingerprint(opts.backup === true, createHash('sha256').update(bytes).digest('hex'));
  return fileQueue.run(fileKey(target), fingerprint, writeJob(target, bytes, opts));
}

/** The queued part of an atomic write. */
function writeJob(target: string, bytes: Uint8Array, opts: { backup?: boolean; mkdir?: boolean; ops?: FileOps }): () => Promise<void> {
  return async () => {
    // `mkdir`: the app's own folders (settings, recovery) are created inside the queued job.
    if (opts.mkdir) await fs.mkdir(dirname(resolve(target)), { recursive: true });
    // Through a symlink, the file it points to is replaced (the link stays a link).
    const real = await fs.realpath(resolve(target)).catch(() => resolve(target));
    await writeNow(real, bytes, opts.ops ?? realFileOps, opts.backup === true);
  };
}

/** The fingerprint `writeFileAtomic` joins identical writes by: the backup mode and the bytes' SHA-256 (hex). */
function writeFingerprint(backup: boolean, sha256: string): string {
  return `${backup ? 'b' : 'n'}:${sha256}`;
}

/**
 * `writeFileAtomic` of data still being made (`ready`: its bytes and their SHA-256, or undefined
 * to write nothing): queued now, in the order requests arrive, written when both its turn and
 * its data have come.
 */
export function writeFileAtomicWhenReady(
  target: string,
  ready: Promise<{ bytes: Uint8Array; sha256: string } | undefined>,
  opts: { backup?: boolean; mkdir?: boolean; ops?: FileOps } = {},
): Promise<void> {
  return fileQueue.runWhenReady(
    fileKey(target),
    ready.then((r) =>
      r
        ? {
            fingerprint: writeFingerprint(opts.backup === true, r.sha256),
            job: writeJob(target, r.bytes, opts),
          }
        : undefined,
    ),
  );
}

async function writeNow(target: string, bytes: Uint8Array, ops: FileOps, backup: boolean): Promise<void> {
  const dir = dirname(target);
  const existing = await ops.stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (existing && !existing.isFile()) throw notRegularFile(target, existing.isDirectory());
  const tmp = tempPathIn(dir);
  inFlight.add(tmp);
  try {
    // `wx`: the temp name is new; never follow something placed there in the meantime.
    const handle = await ops.open(tmp, 'wx', existing ? existing.mode & 0o777 : 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close().catch(() => {});
    }
    if (backup && existing) await makeBackup(ops, target, `${target}.bak`);
    await ops.rename(tmp, target);
  } catch (e) {
    await ops.unlink(tmp).catch(() => {});
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
  await syncFolder(dir);
}

/** `<target>.bak` replaced in one rename by a whole copy of the current file: never empty or partial. */
async function makeBackup(ops: FileOps, target: string, bak: string): Promise<void> {
  const tmp = tempPathIn(dirname(target));
  inFlight.add(tmp);
  try {
    try {
      await ops.link(target, tmp);
    } catch {
      // FAT/exFAT and some network shares have no hard links: copy, then make the copy durable.
      await ops.copyFile(target, tmp, constants.COPYFILE_EXCL);
      const h = await ops.open(tmp, 'r+');
      try {
        await h.sync();
      } finally {
        await h.close().catch(() => {});
      }
    }
    await ops.rename(tmp, bak);
  } catch (e) {
    await ops.unlink(tmp).catch(() => {});
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}

/** fsync the folder so the renames themselves survive a power cut (not possible on Windows; skipped). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close().catch(() => {});
}
