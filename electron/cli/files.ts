import { constants, promises as fs } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';
import { describeFsError } from '../files/errors';
import { checkRegularFile, readRegularFile } from '../files/regular-file';
import { InputError } from './input-error';

/**
 * The CLI's file access: inputs must be regular files within the size bound (a FIFO or device
 * never blocks the command), outputs go to an existing folder, and every failure the user can
 * fix becomes an InputError: one Chinese line, exit 2.
 */

/** An errno the user's files or system caused (not a bug of ours). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function inputError(e: unknown, file: string): InputError {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new InputError(`找不到文件：${file}`);
  return new InputError(describeFsError(e, '读取', file));
}

/** Refuse an input that is missing, unreadable, not a regular file or too large. */
export async function checkInput(file: string): Promise<void> {
  try {
    await checkRegularFile(file);
  } catch (e) {
    if (isFsError(e)) throw inputError(e, file);
    throw e;
  }
}

export async function readInputText(file: string): Promise<string> {
  try {
    return (await readRegularFile(file)).toString('utf8');
  } catch (e) {
    if (isFsError(e)) throw inputError(e, file);
    throw e;
  }
}

/** Before any work: the output's folder exists and may be written, and the output is not a folder or device. */
export async function checkOutput(out: string): Promise<void> {
  const dir = dirname(resolve(out));
  const name = `“${basename(out)}”`;
  const folder = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => e);
  if (folder instanceof Error) {
    if (folder.code === 'ENOENT' || folder.code === 'ENOTDIR') throw new InputError(`无法写入${name}：文件夹不存在（${dir}）`);
    throw new InputError(describeFsError(folder, '写入', out));
  }
  if (!folder.isDirectory()) throw new InputError(`无法写入${name}：“${dir}”不是文件夹`);
  const target = await fs.stat(out).catch(() => undefined);
  if (target?.isDirectory()) throw new InputError(`无法写入${name}：这是一个文件夹，请给出输出文件名（${out}）`);
  if (target && !target.isFile()) throw new InputError(`无法写入${name}：这不是普通文件（是设备、管道或其他特殊文件）`);
  try {
    await fs.access(dir, constants.W_OK);
  } catch (e) {
    throw new InputError(`无法写入${name}：${(e as NodeJS.ErrnoException).code === 'EROFS' ? '磁盘或文件夹是只读的' : '没有权限写入文件夹'}（${dir}）`);
  }
}

/** Write an output atomically; a failure the user can fix is one Chinese line naming the file. */
export async function writeOutput(out: string, data: string | Uint8Array): Promise<void> {
  await checkOutput(out);
  try {
    await writeFileAtomic(out, data);
  } catch (e) {
    if (isFsError(e)) throw new InputError(describeFsError(e, '写入', out));
    throw e;
  }
}
