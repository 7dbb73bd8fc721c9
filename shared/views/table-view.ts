import { codeParts, type LayoutRow } from '../engine/layout';
import type { BudgetSession } from '../engine/session';
import { chineseNumeral } from '../narrative/sections/common';
import { roundToWanCent } from '../money/fen';
import { formatIn } from '../money/format-unit';
import type { ColumnDef, TableTemplate } from '../templates/types';

/**
 * One table as every view prints it (CLI, grid, workbook, packet): rows in order, code parts,
 * names, and each amount as the 万元 text to print. The printed value of an imported packet
 * wins where the document states one, so a packet is reproduced cell for cell.
 */
export interface TableViewCell {
  /** Amount to print, 2 decimals, no thousands separators; absent when zero/blank. */
  text?: string;
  /** The recomputed amount (分), for grids that mark disagreements. */
  computed: number;
  role: 'entered' | 'derived';
  /** Set when the packet printed something other than the recomputed value. */
  printedDiffers?: boolean;
}

export interface TableViewRow {
  key: string;
  level: LayoutRow['level'];
  /** Printed 类 | 款 | 项 parts (empty strings where the row has none). */
  codeParts: string[];
  code?: string;
  name: string;
  project?: string;
  side?: 'income' | 'expenditure';
  depth: number;
  cells: Record<string, TableViewCell>;
}

export interface TableView {
  no: number;
  title: string;
  template: TableTemplate;
  columns: ColumnDef[];
  rows: TableViewRow[];
  /** True when no row has an amount: print the header and the empty-table sentence. */
  empty: boolean;
  emptySentence?: string;
  /** The note printed under the table: as the imported packet printed it, else the template's. */
  note?: string;
  /** True when the note is the imported packet's own (`narrative.printed['note.tN']`). */
  notePrinted?: boolean;
}

/** `firstRows`: only the table's first rows (a grid paints those before building the rest). */
export function tableView(session: BudgetSession, no: number, firstRows?: number): TableView {
  const layout = session.layout(no);
  const t = layout.template;
  const doc = session.document;
  const viewRow = tableRowViewer(session, no);
  let any = false;
  const rows: TableViewRow[] = (firstRows === undefined ? layout.rows : layout.rows.slice(0, firstRows)).map((r) => {
    const row = viewRow(r);
    if (!any) for (const col in row.cells) if (row.cells[col]!.text) any = true;
    return row;
  });
  const view: TableView = { no, title: t.title, template: t, columns: t.columns, rows, empty: !any };
  const printedNote = doc.narrative.printed[`note.t${no}`];
  if (printedNote) {
    view.note = printedNote;
    view.notePrinted = true;
  } else if (t.note) view.note = t.note;
  if (t.kind === 'hier' && t.emptySentence) {
    view.emptySentence = t.emptySentence.replace('{dept}', doc.department).replace('{year}', String(doc.year));
  }
  return view;
}

/**
 * Rows of table `no` as tableView shows them, the table's columns and unit looked up once (a view
 * kept across a change of rows builds the rows it touched alone).
 */
export function tableRowViewer(session: BudgetSession, no: number): (r: LayoutRow) => TableViewRow {
  const t = session.layout(no).template;
  const cols = t.columns.map((c) => c.no);
  // Tables print in their format's unit: 万元 unless the table says 元.
  const unit = t.printUnit ?? '万元';
  const codeWidth = t.kind === 'hier' ? t.codeColumns.length : 0;
  return (r) => {
    const cells: Record<string, TableViewCell> = {};
    for (const col of cols) {
      const cell = viewCell(session, no, r.key, col, unit);
      if (cell) cells[col] = cell;
    }
    const row: TableViewRow = { key: r.key, level: r.level, codeParts: codeParts(r.code, codeWidth), name: r.name, depth: r.depth, cells };
    if (r.code) row.code = r.code;
    if (r.project) row.project = r.project;
    if (r.side) row.side = r.side;
    return row;
  };
}

/** One cell as tableView shows it (undefined where the table has no such cell): lets a grid refresh only changed cells. */
export function tableViewCell(session: BudgetSession, no: number, rowKey: string, col: string): TableViewCell | undefined {
  // Tables print in their format's unit: 万元 unless the table says 元.
  return viewCell(session, no, rowKey, col, session.layout(no).template.printUnit ?? '万元');
}

/**
 * tableViewCell with the table's unit already looked up. A view reads every cell of every table
 * (an export of 10,000 lines: ~150,000), so the common cell — no printed figure — goes straight
 * from 分 to its canonical text (formatIn's output needs no normalising) with no further strings.
 */
function viewCell(session: BudgetSession, no: number, rowKey: string, col: string, unit: '万元' | '元'): TableViewCell | undefined {
  const at = session.cellShown(no, rowKey, col);
  if (!at) return undefined;
  const { role, display: computed, printed } = at;
  if (printed === undefined) {
    // formatIn prints a nonzero digit exactly when the amount rounds to something other than 0.00.
    return computed !== 0 && (unit === '元' || roundToWanCent(computed) !== 0) ? { computed, role, text: formatIn(computed, unit) } : { computed, role };
  }
  const cell: TableViewCell = { computed, role };
  const text = /[1-9]/.test(printed) ? normalise(printed) : undefined;
  if (text) cell.text = text;
  if (normalise(printed) !== formatIn(computed, unit)) cell.printedDiffers = true;
  return cell;
}

/** Printed text in canonical form: `1234.50` (no separators, 2 decimals). */
function normalise(text: string): string {
  const t = text.replace(/,/g, '');
  const [i = '0', f = ''] = t.split('.');
  return `${i}.${f.padEnd(2, '0').slice(0, 2)}`;
}

/**
 * Every table; `print` gives them as the packet prints them: a fixed table's `listed` lines
 * (Shanghai 表1/表4: one line per function 类) only when they have an amount, numbered 一、二…
 * in the order printed. The grid shows every line, so each can be entered.
 */
export function allTableViews(session: BudgetSession, opts: { print?: boolean } = {}): TableView[] {
  return session.template.tables.map((t) => (opts.print ? printedView(tableView(session, t.no)) : tableView(session, t.no)));
}

/** One table as the packet prints it (see allTableViews). */
export function printedTableView(session: BudgetSession, no: number): TableView {
  return printedView(tableView(session, no));
}

function printedView(v: TableView): TableView {
  if (v.template.kind === 'hier' && v.template.totalLast) return { ...v, rows: [...v.rows.filter((r) => r.level !== 'total'), ...v.rows.filter((r) => r.level === 'total')] };
  if (v.template.kind !== 'fixed') return v;
  const listed = new Set(v.template.rows.filter((r) => r.listed).map((r) => r.key));
  if (!listed.size) return v;
  const counter = new Map<string, number>();
  const rows = v.rows.flatMap((r) => {
    if (!listed.has(r.key)) return [r];
    if (!Object.values(r.cells).some((c) => c.text)) return [];
    const n = (counter.get(r.side ?? '') ?? 0) + 1;
    counter.set(r.side ?? '', n);
    return [{ ...r, name: `${chineseNumeral(n)}、${r.name}` }];
  });
  return { ...v, rows };
}
