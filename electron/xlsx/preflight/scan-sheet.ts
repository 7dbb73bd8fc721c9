import { columnName, parseRange } from '../../../shared/importers/workbook/cell-address';
import type { GridMerge } from '../../../shared/importers/workbook/grid';
import { ByteEdits } from '../xml/byte-edits';
import { TagCursor } from '../xml/tag-cursor';

export interface SheetLimits {
  /** Row elements of this sheet. */
  maxRows: number;
  /** Cell elements still allowed in the workbook. */
  maxCells: number;
  /** Rows / columns read into the grid (1-based counts): merges are clipped to these too. */
  clipRows: number;
  clipCols: number;
  /** Cells covered by this sheet's merges once clipped. */
  maxMergeArea: number;
}

export interface SheetFacts {
  /** The part as exceljs gets it: the root element holding only its `sheetData`. */
  kept: Buffer;
  /** `<dimension ref>` as written: a claim, not used for sizing (some writers declare the whole sheet). */
  dimension?: string;
  rows: number;
  cells: number;
  /** 1-based extent of the cells present (0 when none). */
  lastRow: number;
  lastCol: number;
  /** Merges clipped to the cells present; single cells and empty ones dropped. */
  merges: GridMerge[];
  mergeArea: number;
  /** Highest shared-string index a cell uses (-1 when none): strings past it are never read. */
  maxSharedString: number;
}

export type SheetScan =
  | ({ ok: true } & SheetFacts)
  | { ok: false; over: 'rows' | 'cells' | 'merges'; count: number }
  | { ok: false; over: 'malformed' };

/**
 * One linear pass over a worksheet part's bytes: counts rows and cells, reads the dimension and
 * every merge, and cuts the part down to its cells. Everything exceljs would expand cell by cell
 * (merges, data validations, column ranges, hyperlinks, print settings) stays behind; the merges
 * are handed to the grid separately, already clipped.
 */
export function scanSheet(b: Buffer, lim: SheetLimits): SheetScan {
  const t = new TagCursor(b);
  let found = false;
  while (t.next()) {
    if (t.special) continue;
    found = !t.close && t.is('worksheet');
    break;
  }
  if (!found) return { ok: false, over: 'malformed' };
  const facts: SheetFacts = { kept: b.subarray(0, t.end), rows: 0, cells: 0, lastRow: 0, lastCol: 0, merges: [], mergeArea: 0, maxSharedString: -1 };
  if (t.selfClose) return { ok: true, ...facts };
  const head = b.subarray(0, t.end);
  let body: Buffer | undefined;
  const pending: GridMerge[] = [];
  let dataDone = false;
  let depth = 1;
  for (;;) {
    if (!t.next()) return { ok: false, over: 'malformed' };
    if (t.special) continue;
    if (t.close) {
      if (--depth === 0) break;
      continue;
    }
    if (depth === 1 && t.is('dimension') && t.attr('ref')) facts.dimension = t.value();
    if (t.selfClose) continue;
    if (depth === 1 && t.is('sheetData')) {
      // The `r` references a sheet left out, written in: rows and cells without one follow the one
      // before (as Excel reads them), but exceljs refuses a row without its number (“Invalid row number in model”).
      const refs = new ByteEdits(b, t.start);
      const over = scanCells(t, facts, lim, refs);
      if (over) return over;
      body = refs.result(t.end);
      dataDone = true;
      for (const m of pending.splice(0)) if (!addMerge(facts, m, lim)) return { ok: false, over: 'merges', count: facts.mergeArea };
    } else if (depth === 1 && t.is('mergeCells')) {
      while (t.next()) {
        if (t.special) continue;
        if (t.close && t.is('mergeCells')) break;
        if (t.close || !t.is('mergeCell') || !t.attr('ref')) continue;
        const m = parseRange(t.value());
        if (!m) continue;
        if (!dataDone) pending.push(m);
        else if (!addMerge(facts, m, lim)) return { ok: false, over: 'merges', count: facts.mergeArea };
      }
    } else depth++;
  }
  const tail = b.subarray(t.start, t.end);
  facts.kept = Buffer.concat(body ? [head, body, tail] : [head, tail]);
  return { ok: true, ...facts };
}

/** Inside `<sheetData>`: count rows and cells and track their extent, up to `</sheetData>`. */
function scanCells(t: TagCursor, f: SheetFacts, lim: SheetLimits, refs: ByteEdits): SheetScan | null {
  const b = t.b;
  let row = 0;
  let col = 0;
  let shared = false;
  while (t.next()) {
    if (t.special) continue;
    if (t.close) {
      if (t.is('sheetData')) return null;
      continue;
    }
    const len = t.nameEnd - t.localStart;
    if (len === 1 && b[t.localStart] === 0x76 && shared) {
      // <v>index</v> of a shared-string cell
      shared = false;
      const index = digits(b, t.end, b.indexOf(0x3c, t.end));
      // Anything but plain digits: keep every string rather than guess.
      f.maxSharedString = index < 0 ? Number.POSITIVE_INFINITY : Math.max(f.maxSharedString, index);
    } else if (len === 1 && b[t.localStart] === 0x63) {
      if (++f.cells > lim.maxCells) return { ok: false, over: 'cells', count: f.cells };
      shared = t.attr('t') && t.valueEnd - t.valueStart === 1 && b[t.valueStart] === 0x73;
      col++;
      if (t.attr('r')) {
        const ref = cellRef(b, t.valueStart, t.valueEnd);
        if (ref.col > 0) col = ref.col;
        if (ref.row > f.lastRow) f.lastRow = ref.row;
      } else if (col <= MAX_REF_COL) refs.replace(t.nameEnd, t.nameEnd, ` r="${columnName(col - 1)}${row}"`);
      if (col > f.lastCol) f.lastCol = col;
    } else if (len === 3 && t.is('row')) {
      if (++f.rows > lim.maxRows) return { ok: false, over: 'rows', count: f.rows };
      if (t.attr('r')) row = cellRef(b, t.valueStart, t.valueEnd).row || row + 1;
      else refs.replace(t.nameEnd, t.nameEnd, ` r="${++row}"`);
      if (row > f.lastRow) f.lastRow = row;
      col = 0;
    }
  }
  return { ok: false, over: 'malformed' };
}

/** Past Excel's last column (XFD) a reference cannot be written; such cells lie beyond what is read anyway. */
const MAX_REF_COL = 16_384;

/** Letters and digits of a cell reference, both 1-based; 0 where absent. */
function cellRef(b: Buffer, from: number, to: number): { col: number; row: number } {
  let col = 0;
  let row = 0;
  let p = from;
  for (; p < to; p++) {
    const x = b[p]! | 0x20; // lower case
    if (x < 0x61 || x > 0x7a || col > 1e6) break;
    col = col * 26 + (x - 0x60);
  }
  for (; p < to; p++) {
    const x = b[p]!;
    if (x < 0x30 || x > 0x39 || row > 1e9) break;
    row = row * 10 + (x - 0x30);
  }
  return { col, row };
}

/** The plain decimal number at from..to, or -1. */
function digits(b: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let p = from; p < to; p++) {
    const x = b[p]!;
    if (x < 0x30 || x > 0x39) return -1;
    n = n * 10 + (x - 0x30);
  }
  return n;
}

/** Keeps the part of a merge that lies over cells the grid reads; false once the area is over the bound. */
function addMerge(f: SheetFacts, m: GridMerge, lim: SheetLimits): boolean {
  const bottom = Math.min(m.bottom, Math.min(f.lastRow, lim.clipRows) - 1);
  const right = Math.min(m.right, Math.min(f.lastCol, lim.clipCols) - 1);
  if (m.top > bottom || m.left > right) return true;
  const area = (bottom - m.top + 1) * (right - m.left + 1);
  if (area < 2) return true;
  f.merges.push({ top: m.top, left: m.left, bottom, right });
  f.mergeArea += area;
  return f.mergeArea <= lim.maxMergeArea;
}
