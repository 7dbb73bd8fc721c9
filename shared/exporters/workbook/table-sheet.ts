import type { FixedTableTemplate } from '../../templates/types';
import type { TableView, TableViewRow } from '../../views/table-view';
import { isClassLine, lineLabel, twoSidedLines } from '../../views/two-sided';
import { fixedColumns, hierColumns, isTwoSided, type SheetColumn } from './columns';
import { headerGrid } from './header';
import { sheetName } from './sheet-name';
import { displayWidth, fitWidth } from './text-width';
import { type CellStyle, type LayoutCell, type Merge, PAGE_FOOTER, type SheetLayout } from './types';

/** Rows above the header: `表N`, the title, then `编制部门：… 单位：万元`. */
const TITLE_ROW = 1;
const META_ROW = 2;
const HEADER_TOP = 3;
/** Wider than this (in Excel width units) prints landscape. */
const PORTRAIT_MAX_WIDTH = 120;
const LINE_POINTS = 15;

/** The 批注 on a cell of this table (row key, column number), if any. */
type NoteOf = (rowKey: string, col: string) => string | undefined;

/**
 * One of the 11 tables as a sheet, in the layout of the printed packet. Every amount comes
 * from the table view (the value the app shows, printed value first), never re-added here.
 * `comments` (the document's 批注, keyed `表|行|栏`) become Excel notes on their amount cells.
 */
/** Where each amount cell of a table went: `rowKey|col` → [sheet row, sheet column], 0-based. */
export type CellPlaces = Map<string, [number, number]>;

/** `places`, when given, is filled with where each amount cell went (for formulas; the plain export skips this work). */
export function tableSheet(view: TableView, department: string, comments: Readonly<Record<string, string>> = {}, places?: CellPlaces): SheetLayout {
  const noteOf = notesOf(view.no, comments);
  const t = view.template;
  const columns = t.kind === 'hier' ? hierColumns(t) : fixedColumns(t);
  const width = columns.length;
  const twoSided = t.kind === 'fixed' && isTwoSided(t);
  const header = headerGrid(
    columns.map((c) => c.path),
    t.kind === 'hier' && t.codeColumns.length > 0 ? 2 : 1,
  );

  const rows: LayoutCell[][] = [];
  const merges: Merge[] = [];
  const heights: Record<number, number> = {};
  const blankRow = (s: CellStyle = 'blank'): LayoutCell[] => Array.from({ length: width }, () => ({ s }));

  const tableNo = blankRow();
  tableNo[0] = { v: `表${view.no}`, s: 'tableNo' };
  rows.push(tableNo);
  const title = blankRow();
  title[0] = { v: view.title, s: 'title' };
  rows.push(title);
  merges.push({ top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: width - 1 });
  heights[TITLE_ROW] = 30;
  const meta = blankRow();
  meta[0] = { v: `编制部门：${department}`, s: 'meta' };
  meta[width - 1] = { v: `单位：${t.printUnit ?? '万元'}`, s: 'metaRight' };
  rows.push(meta);
  if (width > 2) merges.push({ top: META_ROW, left: 0, bottom: META_ROW, right: width - 2 });

  for (let r = 0; r < header.height; r++) {
    rows.push(header.labels[r]!.map((v) => (v ? { v, s: 'header' as const } : { s: 'header' as const })));
  }
  for (const m of header.merges) merges.push({ ...m, top: m.top + HEADER_TOP, bottom: m.bottom + HEADER_TOP });
  if (!twoSided) rows.push(columns.map((c) => ({ v: c.kind === 'amount' ? c.col : '※', s: 'numbering' as const })));
  const headerBottom = rows.length - 1;

  const widths = columnWidths(columns, view);
  headerHeights(header.labels, header.merges, widths, heights);

  const dataStart = rows.length;
  if (view.empty && view.emptySentence) {
    rows.push(blankRow('sentence'));
    const s = blankRow('sentence');
    s[0] = { v: view.emptySentence, s: 'sentence' };
    rows.push(s);
    merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: width - 1 });
    heights[rows.length - 1] = LINE_POINTS * Math.max(1, Math.ceil(displayWidth(view.emptySentence) / (sum(widths) - 2)));
  } else if (twoSided) {
    rows.push(...twoSidedRows(view, columns, noteOf, places, rows.length));
  } else {
    for (const r of view.rows) {
      if (places) columns.forEach((c, i) => void (c.kind === 'amount' && places.set(`${r.key}|${c.col}`, [rows.length, i])));
      rows.push(columns.map((c) => cellFor(c, r, noteOf)));
    }
  }
  wrapHeights(rows, dataStart, columns, widths, heights);

  if (view.note) {
    const n = blankRow('note');
    n[0] = { v: view.note, s: 'note' };
    rows.push(n);
    merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: width - 1 });
  }

  return {
    name: sheetName(view.no, view.title),
    table: view.no,
    widths,
    rows,
    heights,
    merges,
    frozenRows: headerBottom + 1,
    print: {
      paper: 'A4',
      orientation: sum(widths) > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: [META_ROW, headerBottom],
      footer: PAGE_FOOTER,
    },
  };
}

/** Without a 批注 on the table (the usual case) no cell looks one up. */
function notesOf(no: number, comments: Readonly<Record<string, string>>): NoteOf {
  const prefix = `${no}|`;
  if (!Object.keys(comments).some((k) => k.startsWith(prefix))) return () => undefined;
  return (rowKey, col) => comments[`${no}|${rowKey}|${col}`];
}

/**
 * One shared cell per style for the empty cells of data rows (most cells of a long table): a
 * layout is read, never changed, and an export of 10,000 lines makes ~100,000 of them.
 */
const EMPTY = new Map<CellStyle, LayoutCell>();
function empty(s: CellStyle): LayoutCell {
  const cell = EMPTY.get(s) ?? { s };
  EMPTY.set(s, cell);
  return cell;
}

function cellFor(c: SheetColumn, r: TableViewRow, noteOf: NoteOf): LayoutCell {
  const bold = r.level === 'total';
  // 类 rows stand out in bold, as the published tables print them.
  const cls = r.level === 'class';
  switch (c.kind) {
    case 'code': {
      const v = r.codeParts[c.part ?? 0];
      return v ? { v, s: 'code' } : empty('code');
    }
    case 'name':
    case 'label':
      return { v: r.name, s: bold ? 'nameTotal' : cls ? 'nameClass' : nameStyle(r) };
    case 'project':
      return r.level === 'leaf' && r.project ? { v: r.project, s: 'name' } : empty('name');
    case 'amount': {
      const text = r.cells[c.col!]?.text;
      const s = bold ? 'amountTotal' : cls ? 'amountClass' : 'amount';
      const note = noteOf(r.key, c.col!);
      if (note) return text ? { v: Number(text), s, note } : { s, note };
      return text ? { v: Number(text), s } : empty(s);
    }
  }
}

function nameStyle(r: TableViewRow): CellStyle {
  const indent = r.level === 'line' ? r.depth : r.depth - 1;
  return indent <= 0 ? 'name' : indent === 1 ? 'name1' : indent === 2 ? 'name2' : 'name3';
}

/** Two-sided tables (1, 4): income lines on the left, expenditure lines on the right, totals on the last row. */
function twoSidedRows(view: TableView, columns: SheetColumn[], noteOf: NoteOf, places: CellPlaces | undefined, top: number): LayoutCell[][] {
  const t = view.template as FixedTableTemplate;
  const { lines, totals } = twoSidedLines(t, view.rows);
  const out: LayoutCell[][] = [];
  const line = (inc: TableViewRow | undefined, exp: TableViewRow | undefined, total: boolean): LayoutCell[] =>
    columns.map((c, i) => {
      const r = c.side === 'income' ? inc : exp;
      if (!r) return empty(c.kind === 'amount' ? 'amount' : 'name');
      if (places && c.kind === 'amount') places.set(`${r.key}|${c.col}`, [top + out.length, i]);
      // A 类 line (决算 表6: 301, 302 …) in bold on its side, as the printed packet has it; the line beside it may be a 款.
      const shown = { ...r, name: lineLabel(r), ...(isClassLine(r) ? { level: 'class' as const } : {}) };
      return cellFor(c, total ? { ...shown, level: 'total' } : shown, noteOf);
    });
  for (const [l, r] of lines) out.push(line(l, r, false));
  out.push(line(totals[0], totals[1], true));
  return out;
}

function columnWidths(columns: SheetColumn[], view: TableView): number[] {
  const amountWidth = (col: string) => {
    let w = 0;
    for (const r of view.rows) {
      const t = r.cells[col]?.text;
      if (t) w = Math.max(w, shownAmountWidth(t));
    }
    return w;
  };
  return columns.map((c) => {
    const label = c.path[c.path.length - 1] ?? '';
    switch (c.kind) {
      case 'code':
        return 6;
      case 'name':
      case 'label': {
        const texts = view.rows.filter((r) => !c.side || r.side === c.side).map(lineLabel);
        return fitWidth([...texts, label], 14, 44);
      }
      case 'project':
        return fitWidth([...view.rows.map((r) => r.project ?? ''), label], 14, 40);
      default:
        // Amounts. Headers wrap; the amounts themselves must never show as ####.
        return Math.max(12, Math.min(16, Math.ceil(displayWidth(label) / 2) + 2), Math.min(amountWidth(c.col ?? '') + 4, 30));
    }
  });
}

/** Width of `1234567.50` as `#,##0.00` shows it (`1,234,567.50`), without building the text. */
function shownAmountWidth(text: string): number {
  const dot = text.indexOf('.');
  const digits = (dot < 0 ? text.length : dot) - (text.startsWith('-') ? 1 : 0);
  return text.length + Math.max(0, Math.floor((digits - 1) / 3));
}

function lines(text: string, width: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, width - 1.5)));
}

/** Merged or wrapped header cells do not grow on their own: give each header row its lines. */
function headerHeights(labels: string[][], merges: Merge[], widths: number[], heights: Record<number, number>): void {
  labels.forEach((row, r) => {
    let need = 1;
    row.forEach((label, c) => {
      if (!label) return;
      const m = merges.find((x) => x.top === r && x.left === c);
      const w = m ? sum(widths.slice(m.left, m.right + 1)) : widths[c]!;
      const span = m ? m.bottom - m.top + 1 : 1;
      need = Math.max(need, Math.ceil(lines(label, w) / span));
    });
    heights[HEADER_TOP + r] = LINE_POINTS * need + 4;
  });
}

/** Data rows whose name is longer than its column wrap onto more lines. */
function wrapHeights(rows: LayoutCell[][], from: number, columns: SheetColumn[], widths: number[], heights: Record<number, number>): void {
  const textCols = columns.map((c, i) => (c.kind === 'name' || c.kind === 'label' || c.kind === 'project' ? i : -1)).filter((i) => i >= 0);
  for (let r = from; r < rows.length; r++) {
    let need = 1;
    for (const i of textCols) {
      const v = rows[r]![i]!.v;
      if (typeof v === 'string') need = Math.max(need, lines(v, widths[i]!));
    }
    if (need > 1) heights[r] = LINE_POINTS * need;
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
