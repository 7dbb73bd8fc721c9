import ExcelJS from 'exceljs';
import type { GridError, GridMerge, GridNote, GridValue, SheetGrid, WorkbookGrid } from '../../shared/importers/workbook';
import { EXCEL_MAX_COLS, parseRange } from '../../shared/importers/workbook/cell-address';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';

/** Cells past these bounds are not a budget table; they are dropped so a stray far cell cannot blow up memory. */
const MAX_ROWS = INPUT_BOUNDS.maxSheetRows;
const MAX_COLS = INPUT_BOUNDS.maxSheetCols;

/**
 * Plain cells of a loaded exceljs workbook: formulas give their cached results, rich text its text,
 * error values a blank plus an entry in `errors`. `checkedMerges` (by sheet name) are the merges the
 * preflight took out of the sheets before exceljs loaded them; without it exceljs's own are used.
 * `notes` (by sheet name) are the cell notes the preflight read from the comments parts.
 */
export function gridFromWorkbook(wb: ExcelJS.Workbook, checkedMerges?: Map<string, GridMerge[]>, notes?: Map<string, GridNote[]>): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => sheets.push(sheetGrid(ws, checkedMerges ? (checkedMerges.get(ws.name) ?? []) : undefined, notes?.get(ws.name))));
  const grid: WorkbookGrid = { sheets };
  if (wb.title) grid.title = wb.title;
  return grid;
}

function sheetGrid(ws: ExcelJS.Worksheet, given: GridMerge[] | undefined, notes: GridNote[] | undefined): SheetGrid {
  const rows: GridValue[][] = [];
  const errors = new Map<number, GridError>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > MAX_ROWS) return;
    const out: GridValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A covered cell of a merged range reads as the master's value in exceljs: skip it.
      if (c > MAX_COLS || cell.type === ExcelJS.ValueType.Merge) return;
      const code = errorCode(cell.value);
      if (code) errors.set(cellKey(r - 1, c - 1), { row: r - 1, col: c - 1, code });
      const v = plain(cell.value);
      if (v !== null) out[c - 1] = v;
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  if (given) blankCovered(rows, given, errors);
  const sheet: SheetGrid = { name: ws.name, rows, merges: given ?? merges(ws) };
  if (ws.state !== 'visible') sheet.hidden = true;
  if (errors.size > 0) sheet.errors = [...errors.values()];
  if (notes && notes.length > 0) sheet.notes = notes;
  return sheet;
}

const cellKey = (r: number, c: number) => r * EXCEL_MAX_COLS + c;

/**
 * What exceljs does for merges it knows: every cell of a merge but its top-left one reads as absent
 * (Excel shows only the top-left value). Work is bounded by the merges' clipped area.
 */
function blankCovered(rows: GridValue[][], merges: GridMerge[], errors: Map<number, GridError>): void {
  const touched = new Set<GridValue[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = m.left; c <= m.right && c < row.length; c++) {
        if (r === m.top && c === m.left) continue;
        row[c] = null;
        errors.delete(cellKey(r, c));
        touched.add(row);
      }
    }
  }
  for (const row of touched) while (row.length > 0 && row[row.length - 1] === null) row.pop();
}

/** `#REF!` and the like, whether the cell holds the error or a formula evaluated to it. */
function errorCode(v: ExcelJS.CellValue): string | null {
  if (!v || typeof v !== 'object' || v instanceof Date) return null;
  if ('error' in v && typeof v.error === 'string') return v.error;
  const r = 'result' in v ? (v as { result?: unknown }).result : undefined;
  if (r && typeof r === 'object' && 'error' in r && typeof r.error === 'string') return r.error;
  return null;
}

function plain(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return null;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((x) => x.text ?? '').join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (typeof r === 'number' || typeof r === 'string') return r;
      if (r && typeof r === 'object' && 'richText' in r) return plain(r as ExcelJS.CellValue);
      // A formula saved without its result (some generators do this): keep the formula text so
      // the importer can say so instead of silently reading a blank.
      const f = (v as { formula?: unknown }).formula;
      return r === undefined && typeof f === 'string' ? `=${f}` : null;
    }
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

function merges(ws: ExcelJS.Worksheet): GridMerge[] {
  const list = (ws.model as { merges?: string[] }).merges ?? [];
  return list.map(parseRange).filter((m): m is GridMerge => m !== null);
}
