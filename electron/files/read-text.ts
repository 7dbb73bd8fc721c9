import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { describeFsError } from './errors';
import { readRegularFile } from './regular-file';

/**
 * Read a document file as UTF-8 text: regular files only (no folders, devices or FIFOs), within
 * the file-size bound. The reason never quotes the file's content.
 */
export async function readDocumentText(path: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    const buf = await readRegularFile(path, INPUT_BOUNDS.maxFileBytes);
    if (buf.includes(0)) return { ok: false, error: `无法打开“${path}”：这不是本程序保存的预算文档（文件含二进制内容）` };
    return { ok: true, text: buf.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { ok: false, error: describeFsError(e, '打开', path) };
  }
}
