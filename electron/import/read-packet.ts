import { extname } from 'node:path';
import { decodeTextChecked, undecodableWarning } from '../../shared/importers/decode-text';
import { importAnyPacketText } from '../../shared/importers/detect-format';
import type { PacketImportResult } from '../../shared/importers/packet/import-text';
import { describeFsError } from '../files/errors';
import { readRegularFile } from '../files/regular-file';
import { docxText } from './docx-text';
import { pdfToText } from './pdf-text';

/** Where a packet import is: reading (PDF pages, 0–1) or recognising the tables. */
export type PacketStep = (step: 'read' | 'recognize', fraction: number) => void;

/** Read a published packet (.txt text, .docx, or .pdf with a text layer) and import it. */
export async function importPacketFile(file: string, onStep: PacketStep = () => {}): Promise<PacketImportResult> {
  onStep('read', 0);
  let bytes: Buffer;
  try {
    // A regular file within the size bound (checked on the opened handle; a FIFO never blocks).
    bytes = await readRegularFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? `找不到文件：${file}` : describeFsError(e, '读取', file) };
  }
  const ext = extname(file).toLowerCase();
  const isPdf = ext === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  if (isPdf) {
    const text = await pdfToText(new Uint8Array(bytes), (page, pages) => onStep('read', page / pages));
    if (!text.ok) return text;
    onStep('recognize', 0);
    return importAnyPacketText(text.text, text.layout);
  }
  // Word 97–2003 / Excel 97–2003 (an OLE compound file): no reader here; say what to save it as.
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    return { ok: false, error: '这是旧版 Word 或 Excel 文件（.doc / .xls），本程序不能直接读取：请在 Word、WPS 或 Excel 中另存为 .docx、.xlsx 或 PDF 后再导入。' };
  }
  // A Word packet (.docx): its paragraphs and table rows as lines, as a text packet has them.
  const docx = docxText(bytes);
  if (docx) {
    if (!docx.ok) return docx;
    onStep('recognize', 0);
    return importAnyPacketText(docx.text);
  }
  const decoded = decodeTextChecked(bytes);
  onStep('recognize', 0);
  const r = importAnyPacketText(decoded.text);
  // Bytes the encoding could not read became “�”, perhaps inside a name: said first, with the line.
  const undecodable = undecodableWarning(decoded);
  return r.ok && undecodable ? { ...r, warnings: [undecodable, ...r.warnings] } : r;
}
