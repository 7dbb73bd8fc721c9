import { docxBodyText } from '../../shared/importers/docx-text';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { readZipDirectory } from '../xlsx/zip/zip-directory';
import { entryBytes } from '../xlsx/zip/zip-entry';

export type DocxText = { ok: true; text: string } | { ok: false; error: string };

/** True when the bytes are a zip holding a Word body (a .docx, whatever its name ends with). */
export function isDocx(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const dir = readZipDirectory(bytes, INPUT_BOUNDS.maxWorkbookParts);
  return dir.ok && dir.entries.some((e) => e.name === 'word/document.xml');
}

/**
 * The text of a .docx packet: its body, paragraphs and table rows as lines (shared/importers/docx-text.ts).
 * The body's declared size is checked before it is inflated, and inflating stops at it.
 */
export function docxText(bytes: Uint8Array): DocxText {
  const dir = readZipDirectory(bytes, INPUT_BOUNDS.maxWorkbookParts);
  if (!dir.ok) return { ok: false, error: `无法读取 Word 文件：${dir.reason}` };
  const body = dir.entries.find((e) => e.name === 'word/document.xml');
  if (!body) return { ok: false, error: '无法读取 Word 文件：其中没有正文（word/document.xml）' };
  if (body.uncompressedSize > INPUT_BOUNDS.maxWorkbookXmlBytes) {
    return { ok: false, error: `无法读取 Word 文件：正文 ${(body.uncompressedSize / 2 ** 20).toFixed(0)} MB，超过上限 ${INPUT_BOUNDS.maxWorkbookXmlBytes / 2 ** 20} MB` };
  }
  const data = entryBytes(bytes, body);
  if (!data.ok) return { ok: false, error: `无法读取 Word 文件：${data.reason}` };
  return { ok: true, text: docxBodyText(new TextDecoder('utf-8').decode(data.data)) };
}
