import { promises as fs } from 'node:fs';
import { parseFormat } from '../../shared/formats/validate';
import type { FormatTemplate } from '../../shared/templates/types';
import { describeFsError } from '../files/errors';
import { readRegularFile } from '../files/regular-file';

/** Read and validate a format file (JSON, shared/formats/schema.ts); a Chinese reason when it is not one. */
export async function readFormatFile(path: string): Promise<{ ok: true; format: FormatTemplate } | { ok: false; error: string }> {
  let text: string;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) return { ok: false, error: `无法读取格式文件“${path}”：这是一个文件夹` };
    if (st.size > 16 * 1024 * 1024) return { ok: false, error: `无法读取格式文件“${path}”：文件过大，不是表格格式文件` };
    // A regular file only, judged on the opened handle: a FIFO or device never blocks.
    text = (await readRegularFile(path, 16 * 1024 * 1024)).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    return { ok: false, error: describeFsError(e, '读取格式文件', path) };
  }
  const r = parseFormat(text);
  return r.ok ? r : { ok: false, error: `${path}：${r.error}` };
}
