import { TagCursor } from '../xml/tag-cursor';

export interface SheetEntry {
  name: string;
  /** Relationship id (`r:id`, the attribute exceljs reads). */
  rId: string;
}

export type WorkbookPart = { ok: true; kept: Buffer; sheets: SheetEntry[] } | { ok: false };

/** Children of `<workbook>` exceljs gets: the sheet list and its date system. Defined names go
 * (exceljs expands each defined range cell by cell, so a whole-sheet print area would hang it). */
const KEEP = ['workbookPr', 'sheets'];

/** `xl/workbook.xml`: its sheets in order, and the part cut down to what the import reads. */
export function scanWorkbookPart(b: Buffer): WorkbookPart {
  const t = new TagCursor(b);
  let found = false;
  while (t.next()) {
    if (t.special) continue;
    found = !t.close && t.is('workbook');
    break;
  }
  if (!found || t.selfClose) return { ok: false };
  const kept: Buffer[] = [b.subarray(0, t.end)];
  const sheets: SheetEntry[] = [];
  let depth = 1;
  let keepFrom = -1;
  while (t.next()) {
    if (t.special) continue;
    if (t.close) {
      depth--;
      if (depth === 1 && keepFrom >= 0) {
        kept.push(b.subarray(keepFrom, t.end));
        keepFrom = -1;
      }
      if (depth === 0) {
        kept.push(b.subarray(t.start, t.end));
        return { ok: true, kept: Buffer.concat(kept), sheets };
      }
      continue;
    }
    if (depth === 1 && KEEP.some((k) => t.is(k))) {
      if (t.selfClose) kept.push(b.subarray(t.start, t.end));
      else keepFrom = t.start;
    }
    if (depth === 2 && keepFrom >= 0 && t.is('sheet') && t.attr('name')) {
      const name = t.value();
      if (t.attr('r:id')) sheets.push({ name, rId: t.value() });
    }
    if (!t.selfClose) depth++;
  }
  return { ok: false };
}

/** `Id → Target` of a relationships part. */
export function readRelationships(b: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const t = new TagCursor(b);
  while (t.next()) {
    if (t.special || t.close || !t.is('Relationship') || !t.attr('Id')) continue;
    const id = t.value();
    if (t.attr('Target')) out.set(id, t.value());
  }
  return out;
}

/** The zip path exceljs looks a sheet up by (it strips leading spaces and `/xl/`, then prefixes `xl/`). */
export function sheetPartPath(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
}
