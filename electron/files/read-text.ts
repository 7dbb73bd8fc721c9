import { promises as fs } from 'node:fs';
import { MAX_DOCUMENT_CHARS } from '../../shared/model';
import { describeFsError } from './errors';

/** Read a document file as UTF-8 text; refuses folders and files too large to be a document. */
export async function readDocumentText(path: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) return { ok: false, error: `无法打开“${path}”：这是一个文件夹，不是文件` };
    // UTF-8 Chinese text takes up to 3 bytes per character.
    if (st.size > MAX_DOCUMENT_CHARS * 3) return { ok: false, error: `无法打开“${path}”：文件过大（${Math.round(st.size / 1048576)} MB），不是本程序保存的预算文档` };
    const buf = await fs.readFile(path);
    if (buf.includes(0)) return { ok: false, error: `无法打开“${path}”：这不是本程序保存的预算文档（文件含二进制内容）` };
    return { ok: true, text: buf.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { ok: false, error: describeFsError(e, '打开', path) };
  }
}
