import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { importAnyPacketText } from '../../shared/importers/detect-format';
import type { PacketImportResult } from '../../shared/importers/packet/import-text';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { pdfToText } from './pdf-text';

/** Largest file the importer will read (packets are a few hundred KB, scanned PDFs a few MB). */
const MAX_BYTES = INPUT_BOUNDS.maxFileBytes;

/** Where a packet import is: reading (PDF pages, 0–1) or recognising the tables. */
export type PacketStep = (step: 'read' | 'recognize', fraction: number) => void;

/** Read a published packet (.txt text or .pdf with a text layer) and import it. */
export async function importPacketFile(file: string, onStep: PacketStep = () => {}): Promise<PacketImportResult> {
  onStep('read', 0);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(e)}）` };
  }
  if (bytes.length > MAX_BYTES) return { ok: false, error: `文件过大（${Math.round(bytes.length / 1048576)} MB），不像是部门预算公开文件。` };
  const ext = extname(file).toLowerCase();
  const isPdf = ext === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  if (isPdf) {
    const text = await pdfToText(new Uint8Array(bytes), (page, pages) => onStep('read', page / pages));
    if (!text.ok) return text;
    onStep('recognize', 0);
    return importAnyPacketText(text.text);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  onStep('recognize', 0);
  return importAnyPacketText(text);
}
