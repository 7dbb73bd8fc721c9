import { entryBytes } from '../../../electron/xlsx/zip/zip-entry';
import { readZipDirectory } from '../../../electron/xlsx/zip/zip-directory';
import { writeZip } from '../../../electron/xlsx/zip/write-zip';

/** The parts of an .xlsx as text, in zip order: the fuzz and bound tests edit its XML directly. */
export function readParts(bytes: Uint8Array): Map<string, string> {
  const dir = readZipDirectory(bytes, 1000);
  if (!dir.ok) throw new Error(dir.reason);
  const out = new Map<string, string>();
  for (const e of dir.entries) {
    const r = entryBytes(bytes, e);
    if (!r.ok) throw new Error(r.reason);
    out.set(e.name, Buffer.from(r.data).toString('utf8'));
  }
  return out;
}

/** The parts deflated into an .xlsx again (as Excel would write them). */
export function writeParts(parts: Map<string, string>): Uint8Array {
  return writeZip([...parts].map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })), { deflate: true });
}

/** Zip path of the sheet named `表<no> …` (via workbook.xml and its relationships). */
export function sheetPath(parts: Map<string, string>, no: number): string {
  const book = parts.get('xl/workbook.xml') ?? '';
  const rid = new RegExp(`<sheet [^>]*name="表${no} [^"]*"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels) : null;
  const t = target?.[1] ?? target?.[2];
  if (!t) throw new Error(`no sheet 表${no}`);
  return `xl/${t.replace(/^\/?xl\//, '')}`;
}
