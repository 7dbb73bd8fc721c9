import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isTempInFlight } from './atomic-write';
import { HOST_TAG, parseTempName } from './temp-names';

/** A temp of another live process (or machine) older than this is a leftover, not a save in progress. */
export const STALE_TEMP_MS = 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temp files our saves left in `dir` after a crash: only names of our own pattern, never
 * one this process is writing, and another process's only once it is gone (same machine) or
 * the file is older than a minute. Returns the names removed. Never throws.
 */
export async function cleanStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const writer = parseTempName(name);
    if (!writer) continue;
    const path = join(dir, name);
    if (isTempInFlight(path)) continue;
    const st = await fs.lstat(path).catch(() => undefined);
    if (!st?.isFile()) continue;
    const old = now - st.mtimeMs > STALE_TEMP_MS;
    const writerGone = writer !== 'legacy' && writer.host === HOST_TAG && (writer.pid === process.pid || !processAlive(writer.pid));
    if (!old && !writerGone) continue;
    await fs.unlink(path).then(
      () => removed.push(name),
      () => {},
    );
  }
  return removed;
}
