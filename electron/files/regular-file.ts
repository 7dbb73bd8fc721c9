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
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(size, 1) + 1, 1 << 20));
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw fileTooLarge(path, total, maxBytes);
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Check a file is readable as a regular file within bounds, before handing its path to a reader. */
export async function checkRegularFile(path: string, maxBytes: number = INPUT_BOUNDS.maxFileBytes): Promise<void> {
  const { handle } = await openRegularFile(path, maxBytes);
  await handle.close().catch(() => {});
}
