import { docxBodyText } from '../../shared/importers/docx-text';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { readZipDirectory } from '../xlsx/zip/zip-directory';
import { entryBytes } from '../xlsx/zip/zip-entry';

export type DocxText = { ok: true; text: string } | { ok: false; error: string };

/**
 * The text of a .docx packet: its body, paragraphs and table rows as lines (shared/importers/docx-text.ts);
 * undefined when the bytes are no zip holding a Word body (a .docx, whatever its name ends with).
 * The body's declared size is checked before it is inflated, and inflating stops at it.
 */
export function docxText(bytes: Uint8Array): DocxText | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  const dir = readZipDirectory(bytes, INPUT_BOUNDS.maxWorkbookParts);
  const body = dir.ok ? dir.entries.find((e) => e.name === 'word/document.xml') : undefined;
  if (!body) return undefined;
  if (body.uncompressedSize > INPUT_BOUNDS.maxWorkbookXmlBytes) {
    return { ok: false, error: `无法读取 Word 文件：正文 ${(body.uncompressedSize / 2 ** 20).toFixed(0)} MB，超过上限 ${INPUT_BOUNDS.maxWorkbookXmlBytes / 2 ** 20} MB` };
  }
  const data = entryBytes(bytes, body);
  if (!data.ok) return { ok: false, error: `无法读取 Word 文件：${data.reason}` };
  return { ok: true, text: docxBodyText(new TextDecoder('utf-8').decode(data.data)) };
}
