import ExcelJS from 'exceljs';
import type { GridMerge, GridValue, SheetGrid, WorkbookGrid } from '../../shared/importers/workbook';

/** Cells past these bounds are not a budget table; they are dropped so a stray far cell cannot blow up memory. */
const MAX_ROWS = 200_000;
const MAX_COLS = 200;

/** Plain cells of a loaded exceljs workbook: formulas give their cached results, rich text its text. */
export function gridFromWorkbook(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => sheets.push(sheetGrid(ws)));
  const grid: WorkbookGrid = { sheets };
  if (wb.title) grid.title = wb.title;
  return grid;
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: GridValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > MAX_ROWS) return;
    const out: GridValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A covered cell of a merged range reads as the master's value in exceljs: skip it.
      if (c > MAX_COLS || cell.type === ExcelJS.ValueType.Merge) return;
      const v = plain(cell.value);
      if (v !== null) out[c - 1] = v;
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  const sheet: SheetGrid = { name: ws.name, rows, merges: merges(ws) };
  if (ws.state !== 'visible') sheet.hidden = true;
  return sheet;
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
  const out: GridMerge[] = [];
  const list = (ws.model as { merges?: string[] }).merges ?? [];
  for (const ref of list) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    out.push({ top: Number(m[2]) - 1, left: colIndex(m[1]!), bottom: Number(m[4]) - 1, right: colIndex(m[3]!) });
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
