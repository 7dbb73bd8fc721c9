import type { BudgetSession } from '../../engine/session';
import { amountToFen, type Fen } from '../../money';
import { tableViewCell } from '../../views/table-view';
import type { CellPlaces } from './table-sheet';
import type { LayoutCell, SheetLayout } from './types';

/**
 * Totals and subtotals as Excel formulas (导出时“合计写成公式”), so the workbook stays live in
 * Excel/WPS. Each derived cell gets the definition the engine computes it by (engine/build.ts):
 * a derived column sums its columns across the row, an entered column on a 类/款/总计 row sums the
 * rows below, a fixed line sums its declared terms (other tables by sheet name). The cached
 * result is the value we show; a formula is written only where the shown values of its terms
 * add up to it exactly (checked in 分), so Excel's recalculation shows the same numbers. Where
 * they do not (a printed figure of an imported packet that does not add up, terms in another
 * unit, a term not printed), the value stays a plain number.
 */

export interface SignedTerm {
  table: number;
  row: string;
  col: string;
  coef: 1 | -1;
}

/** The terms a derived cell sums, as the engine defines it; undefined for an entered cell. */
export function cellDefinition(session: BudgetSession, table: number, rowKey: string, col: string): SignedTerm[] | undefined {
  const layout = session.layout(table);
  const t = layout.template;
  if (t.kind === 'fixed') {
    const def = t.rows.find((r) => r.key === rowKey)?.cells[col];
    return def && 'terms' in def ? def.terms.map((x) => ({ table: x.table ?? table, row: x.row, col: x.col, coef: x.coef ?? 1 })) : undefined;
  }
  const c = t.columns.find((x) => x.no === col);
  if (c?.role === 'derived') return (c.sum ?? []).map((s) => ({ table, row: rowKey, col: s, coef: 1 as const }));
  const row = layout.byKey.get(rowKey);
  if (!row || row.level === 'leaf') return undefined;
  return (row.children ?? []).map((k) => ({ table, row: k, col, coef: 1 as const }));
}

export interface TableSheetPlaces {
  table: number;
  sheet: SheetLayout;
  places: CellPlaces;
}

/** Excel allows 255 arguments to a function and 8,192 characters in a formula. */
const MAX_ARGS = 255;
const MAX_FORMULA = 8000;

/**
 * Adds `f` to every derived amount cell that can be written as a formula; `values`: derived cells
 * showing an amount that stay plain numbers (a blank cell whose terms are all absent has neither).
 */
export function addFormulas(session: BudgetSession, sheets: readonly TableSheetPlaces[]): { formulas: number; values: number } {
  const byTable = new Map(sheets.map((s) => [s.table, s]));
  let formulas = 0;
  let values = 0;
  for (const s of sheets) {
    for (const [key, [r, c]] of s.places) {
      const bar = key.lastIndexOf('|');
      const terms = cellDefinition(session, s.table, key.slice(0, bar), key.slice(bar + 1));
      if (!terms || terms.length === 0) continue;
      const cell = s.sheet.rows[r]![c]!;
      const f = formulaFor(session, s, cell, terms, byTable);
      if (f) {
        // A new cell object: layout cells without an amount may be one shared object.
        s.sheet.rows[r]![c] = { ...cell, f };
        formulas++;
      } else if (typeof cell.v === 'number') values++;
    }
  }
  return { formulas, values };
}

interface Ref {
  sheet: string | null;
  row: number;
  col: number;
  coef: 1 | -1;
}

function formulaFor(session: BudgetSession, own: TableSheetPlaces, cell: LayoutCell, terms: SignedTerm[], byTable: Map<number, TableSheetPlaces>): string | undefined {
  const refs: Ref[] = [];
  let total: Fen = 0;
  for (const x of terms) {
    const target = byTable.get(x.table);
    const p = target?.places.get(`${x.row}|${x.col}`);
    if (!target || !p) {
      // Not in the workbook (a line printed only when it has an amount): fine while it is blank.
      if (tableViewCell(session, x.table, x.row, x.col)?.text) return undefined;
      continue;
    }
    total += x.coef * fenOf(target.sheet.rows[p[0]]![p[1]]!);
    refs.push({ sheet: target === own ? null : target.sheet.name, row: p[0], col: p[1], coef: x.coef });
  }
  if (refs.length === 0 || total !== fenOf(cell)) return undefined;
  const text = formulaText(refs);
  return text.length <= MAX_FORMULA ? text : undefined;
}

/** A shown amount in 分 of the printed unit (exact: parsed from its decimal text, never added as floats). */
function fenOf(cell: LayoutCell): Fen {
  return typeof cell.v === 'number' ? amountToFen(String(cell.v), '万元') : 0;
}

/** `SUM(E7:E9,E12)` for the positive terms (runs of neighbouring cells as ranges), then `-E14` for each negative one. */
export function formulaText(refs: readonly Ref[]): string {
  const args: string[] = [];
  const pos = refs.filter((r) => r.coef === 1);
  for (let i = 0; i < pos.length; ) {
    let j = i;
    while (j + 1 < pos.length && follows(pos[j]!, pos[j + 1]!, pos[i]!)) j++;
    args.push(j === i ? address(pos[i]!) : `${address(pos[i]!)}:${cellName(pos[j]!.row, pos[j]!.col)}`);
    i = j + 1;
  }
  let sum = '';
  if (args.length > 0) {
    const chunks: string[] = [];
    for (let i = 0; i < args.length; i += MAX_ARGS) chunks.push(`SUM(${args.slice(i, i + MAX_ARGS).join(',')})`);
    sum = chunks.length === 1 ? chunks[0]! : `SUM(${chunks.join(',')})`;
  }
  const neg = refs.filter((r) => r.coef === -1).map((r) => `-${address(r)}`);
  return sum === '' ? `0${neg.join('')}` : `${sum}${neg.join('')}`;
}

/** `b` continues the run started at `first` that `a` ends: the next cell down one column, or along one row. */
function follows(a: Ref, b: Ref, first: Ref): boolean {
  if (a.sheet !== b.sheet) return false;
  const down = b.col === a.col && b.row === a.row + 1 && first.col === a.col;
  const across = b.row === a.row && b.col === a.col + 1 && first.row === a.row;
  return down || across;
}

function address(r: Ref): string {
  const cell = cellName(r.row, r.col);
  return r.sheet === null ? cell : `'${r.sheet.replace(/'/g, "''")}'!${cell}`;
}

/** 0-based (row, column) → `A1`. */
export function cellName(row: number, col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const k = (n - 1) % 26;
    out = String.fromCharCode(65 + k) + out;
    n = Math.floor((n - 1) / 26);
  }
  return `${out}${row + 1}`;
}
