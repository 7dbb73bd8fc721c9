import { docxBodyText } from '../../shared/importers/docx-text';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { readZipDirectory } from '../xlsx/zip/zip-directory';
import { entryBytes } from '../xlsx/zip/zip-entry';

export type DocxText = { ok: true; text: string } | { ok: false; error: string };

/**
 * The text of a .docx packet: its body, paragraphs and table rows as lines (shared/importers/docx-text.ts);
 * undefined when the bytes are no zip (a .docx, whatever its name ends with); a zip that is no whole
 * Word document (its directory cut off, no word/document.xml) is refused as damaged, saying why.
 * The body's declared size is checked before it is inflated, and inflating stops at it.
 */
export function docxText(bytes: Uint8Array): DocxText | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  const dir = readZipDirectory(bytes, INPUT_BOUNDS.maxWorkbookParts);
  // A zip's first part (`PK\3\4`) begins no text: a zip that is not a whole Word document is a damaged one.
  const zip = bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!dir.ok) return zip ? { ok: false, error: `文件已损坏：不是完整的 Word 文档（.docx）（${dir.reason}），请重新取得完整的文件，或在 Word、WPS 中另存为 .docx 后再导入。` } : undefined;
  const body = dir.entries.find((e) => e.name === 'word/document.xml');
  if (!body && dir.entries.some((e) => e.name === 'xl/workbook.xml')) {
    return { ok: false, error: '文件不是 Word 文档，而是 Excel 工作簿（.xlsx）：请把扩展名改为 .xlsx 后再导入。' };
  }
  if (!body) return { ok: false, error: '文件已损坏：不是完整的 Word 文档（.docx）（压缩包中没有正文部件 word/document.xml），请在 Word、WPS 中另存为 .docx 后再导入。' };
  if (body.uncompressedSize > INPUT_BOUNDS.maxWorkbookXmlBytes) {
    return { ok: false, error: `无法读取 Word 文件：正文 ${(body.uncompressedSize / 2 ** 20).toFixed(0)} MB，超过上限 ${INPUT_BOUNDS.maxWorkbookXmlBytes / 2 ** 20} MB` };
  }
  const data = entryBytes(bytes, body);
  if (!data.ok) return { ok: false, error: `无法读取 Word 文件：${data.reason}` };
  return { ok: true, text: docxBodyText(new TextDecoder('utf-8').decode(data.data)) };
}
