import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { fileTooLarge, notRegularFile } from './errors';

/** O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Open a file for reading only if it is a regular file of at most `maxBytes`, judged on the
 * opened handle (fstat), so a symlink to a device, a FIFO or a folder is refused without
 * reading and a swap between check and read cannot slip past.
 */
export async function openRegularFile(path: string, maxBytes: number = INPUT_BOUNDS.maxFileBytes): Promise<{ handle: FileHandle; size: number }> {
  const handle = await fs.open(path, READ_FLAGS);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notRegularFile(path, st.isDirectory());
    if (st.size > maxBytes) throw fileTooLarge(path, st.size, maxBytes);
    return { handle, size: st.size };
  } catch (e) {
    await handle.close().catch(() => {});
    throw e;
  }
}

/** The bytes of a regular file of at most `maxBytes` (a file that grows while read past the bound is refused). */
export async function readRegularFile(path: string, maxBytes: number = INPUT_BOUNDS.maxFileBytes): Promise<Buffer> {
  const { handle, size } = await openRegularFile(path, maxBytes);
  try {
    // Read straight into one buffer of the size fstat gave (and one byte more, to see a file
    // that grew); it doubles, up to the bound, only for a file still growing.
    let buf = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw fileTooLarge(path, total, maxBytes);
    }
    return buf.subarray(0, total);
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Check a file is readable as a regular file within bounds, before handing its path to a reader. */
export async function checkRegularFile(path: string, maxBytes: number = INPUT_BOUNDS.maxFileBytes): Promise<void> {
  const { handle } = await openRegularFile(path, maxBytes);
  await handle.close().catch(() => {});
}
