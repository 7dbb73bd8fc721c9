import type { GridNote } from '../../../shared/importers/workbook/grid';
import { parseRange } from '../../../shared/importers/workbook/cell-address';
import { entryBytes } from '../zip/zip-entry';
import type { ZipEntry } from '../zip/zip-directory';
import { decodeXmlText, TagCursor } from '../xml/tag-cursor';

/** Most notes read from one sheet: 批注 are remarks on a few cells, not data. */
const MAX_NOTES = 10_000;

/**
 * A sheet's cell notes (Excel 批注, the app's own export writes them), read from its comments part
 * here because exceljs never sees that part (the preflight passes on only what it checked). The
 * part must fit `maxBytes`; anything unreadable gives no notes rather than a refused import.
 */
export function readSheetNotes(bytes: Uint8Array, byName: Map<string, ZipEntry>, sheetPath: string, maxBytes: number): { notes: GridNote[]; bytes: number } {
  const none = { notes: [], bytes: 0 };
  const slash = sheetPath.lastIndexOf('/');
  const rels = byName.get(`${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`);
  if (!rels || rels.uncompressedSize > maxBytes) return none;
  const relsData = entryBytes(bytes, rels);
  if (!relsData.ok) return none;
  const target = commentsTarget(Buffer.from(relsData.data.buffer, relsData.data.byteOffset, relsData.data.byteLength));
  const part = target === undefined ? undefined : byName.get(resolve(sheetPath.slice(0, slash), target));
  if (!part || rels.uncompressedSize + part.uncompressedSize > maxBytes) return none;
  const data = entryBytes(bytes, part);
  if (!data.ok) return none;
  return { notes: parseComments(Buffer.from(data.data.buffer, data.data.byteOffset, data.data.byteLength)), bytes: rels.uncompressedSize + part.uncompressedSize };
}

/** The Target of the sheet's `…/comments` relationship. */
function commentsTarget(b: Buffer): string | undefined {
  const t = new TagCursor(b);
  while (t.next()) {
    if (t.special || t.close || !t.is('Relationship') || !t.attr('Type') || !t.value().endsWith('/comments')) continue;
    return t.attr('Target') ? t.value() : undefined;
  }
  return undefined;
}

/** `../comments1.xml` from `xl/worksheets` → `xl/comments1.xml`; an absolute `/xl/…` as is. */
function resolve(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = dir.split('/');
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** `<comment ref="C5">…<t>text</t>…</comment>`: each note's cell and its text runs joined. */
export function parseComments(b: Buffer): GridNote[] {
  const out: GridNote[] = [];
  const t = new TagCursor(b);
  let at: { row: number; col: number } | null = null;
  let text = '';
  while (t.next() && out.length < MAX_NOTES) {
    if (t.special) continue;
    if (t.is('comment')) {
      if (t.close && at) {
        const note = text.trim();
        if (note) out.push({ ...at, text: note });
        at = null;
      } else if (!t.close) {
        const r = t.attr('ref') ? parseRange(t.value()) : null;
        at = r ? { row: r.top, col: r.left } : null;
        text = '';
      }
    } else if (at && !t.close && !t.selfClose && t.is('t')) {
      const end = b.indexOf('</', t.end, 'latin1');
      if (end < 0) break;
      text += decodeXmlText(b.toString('utf8', t.end, end));
    }
  }
  return out;
}
