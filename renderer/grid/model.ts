import type { BudgetSession } from '../../shared/engine/session';
import type { CellMarks } from '../../shared/views/cell-marks';
import { type TableView, type TableViewCell, type TableViewRow, tableRowViewer, tableView } from '../../shared/views/table-view';
import type { FixedTableTemplate } from '../../shared/templates/types';
import { lineLabel, twoSidedLines } from '../../shared/views/two-sided';

/**
 * A table of tableView() shaped for the grid: rows with cells keyed by grid column id, the
 * header tree, and the mapping between grid cells and (row key, printed column). Tables 1 and 4
 * print income and expenditure side by side, so one grid row there holds two table rows.
 */
export type Mark = 'error' | 'warning';

export interface SideLine {
  key: string;
  name: string;
  depth: number;
  /** A heading line of its side (一、本年收入, 二、上年结转结余): bold on its own side only. */
  strong?: boolean;
}

export interface GridRow {
  id: string;
  level: string;
  depth: number;
  /** Row key of hier and single-sided rows (undefined on side-by-side rows). */
  key?: string;
  code: string[];
  name: string;
  project?: string;
  left?: SideLine;
  right?: SideLine;
  cells: Record<string, TableViewCell>;
  marks: Record<string, Mark>;
}

export type TextField = 'code0' | 'code1' | 'code2' | 'name' | 'project' | 'leftName' | 'rightName';

export type ColSpec =
  | { kind: 'group'; header: string; children: ColSpec[] }
  | { kind: 'text'; field: TextField; header: string; width: number }
  | { kind: 'amount'; colId: string; header: string; width: number };

export interface CellAddr {
  rowKey: string;
  col: string;
}

export interface GridModel {
  table: number;
  title: string;
  sided: boolean;
  rows: GridRow[];
  columns: ColSpec[];
  /** Amount column ids in display order. */
  amountCols: string[];
  /** All column ids in display order (text and amount), for selections and paste. */
  allCols: string[];
  /** Grid cell → table cell. */
  addr(row: GridRow, colId: string): CellAddr | null;
  /** Table cell → grid cell. */
  locate(rowKey: string, col: string): { rowId: string; colId: string } | null;
  /** Table row key → grid row id. */
  rowIdOf(rowKey: string): string | undefined;
}

const amountId = (side: 'c' | 'in' | 'out', no: string) => `${side}${no}`;

function columnsOf(view: TableView, side: 'income' | 'expenditure'): string[] {
  const t = view.template;
  if (t.kind !== 'fixed') return [];
  const used = new Set<string>();
  for (const r of t.rows) if (r.side === side) for (const c of Object.keys(r.cells)) used.add(c);
  return view.columns.filter((c) => used.has(c.no)).map((c) => c.no);
}

/** Nest amount columns under their printed header groups, with the column number as the bottom header row. */
function amountTree(view: TableView, nos: string[], side: 'c' | 'in' | 'out', depth: number, numbered: boolean): ColSpec[] {
  const cols = view.columns.filter((c) => nos.includes(c.no));
  const out: ColSpec[] = [];
  let i = 0;
  while (i < cols.length) {
    const c = cols[i]!;
    const g = c.group?.[depth];
    if (g === undefined) {
      const leaf: ColSpec = { kind: 'amount', colId: amountId(side, c.no), header: numbered ? c.no : c.name, width: 118 };
      out.push(numbered ? { kind: 'group', header: c.name, children: [leaf] } : leaf);
      i++;
      continue;
    }
    const run: string[] = [];
    while (i < cols.length && cols[i]!.group?.[depth] === g) run.push(cols[i++]!.no);
    out.push({ kind: 'group', header: g, children: amountTree(view, run, side, depth + 1, numbered) });
  }
  return out;
}

export function buildGridModel(view: TableView, cellMarks: CellMarks): GridModel {
  return sidedTable(view) ? sidedModel(view, cellMarks) : plainModel(view, cellMarks);
}

/** This table's marked cells, keyed `row|col`. */
export function marksFor(cellMarks: CellMarks, table: number): Map<string, Mark> {
  const m = new Map<string, Mark>();
  const prefix = `${table}|`;
  for (const [k, v] of cellMarks) if (k.startsWith(prefix)) m.set(k.slice(prefix.length), v.severity);
  return m;
}

function plainModel(view: TableView, cellMarks: CellMarks): GridModel {
  const { shape, nos, byRow } = plainShape(view, cellMarks);
  const rows: GridRow[] = view.rows.map((r) => plainRow(r, nos, shape.amountCols, byRow.get(r.key)));
  return withRows(shape, rows);
}

/** Rows built per task by `buildGridModelInSlices`: a few ms of 表7 at any size. */
const SLICE_ROWS = 4000;

/**
 * `buildGridModel(tableView(session, no), cellMarks)` built a slice of rows per task (`pause`
 * between them): a 100,000-item 表7 built whole held the window ~0.5 s when it was opened. The
 * rows are only good while the session stays as it was: `current` is asked after each slice, and
 * null is the answer once it says no. Side-by-side tables (a few dozen lines) are built at once.
 */
export async function buildGridModelInSlices(
  session: BudgetSession,
  no: number,
  cellMarks: CellMarks,
  current: () => boolean,
  pause: () => Promise<void>,
): Promise<GridModel | null> {
  const head = tableView(session, no, 0);
  if (sidedTable(head)) return buildGridModel(tableView(session, no), cellMarks);
  const { shape, nos, byRow } = plainShape(head, cellMarks);
  const layoutRows = session.layout(no).rows;
  const viewRow = tableRowViewer(session, no);
  const rows: GridRow[] = new Array(layoutRows.length);
  for (let i = 0; i < layoutRows.length; i++) {
    if (i > 0 && i % SLICE_ROWS === 0) {
      await pause();
      if (!current()) return null;
    }
    const r = layoutRows[i]!;
    rows[i] = plainRow(viewRow(r), nos, shape.amountCols, byRow.get(r.key));
  }
  return withRows(shape, rows);
}

const sidedTable = (view: TableView) => view.template.kind === 'fixed' && view.template.rows.some((r) => r.side === 'expenditure');

/** A single-sided table's columns, and what its rows are built with. */
function plainShape(view: TableView, cellMarks: CellMarks) {
  const t = view.template;
  const marks = marksFor(cellMarks, view.no);
  const columns: ColSpec[] = [];
  if (t.kind === 'hier') {
    if (t.codeColumns.length > 0) {
      const codes: ColSpec[] = t.codeColumns.map((h, i) => ({ kind: 'text', field: `code${i}` as TextField, header: h, width: i === 0 ? 62 : 50 }));
      columns.push({ kind: 'group', header: t.codeHeader ?? '科目编码', children: codes });
    }
    // With a project column (表7) both names are narrowed, long ones truncated with the full text on
    // hover, so six amount columns fit beside them at 1366×768 with the nav collapsed.
    const nameWidth = t.projectHeader ? 200 : t.rowSet === 'carryover' ? 280 : 260;
    columns.push({ kind: 'text', field: 'name', header: t.nameHeader, width: nameWidth });
    if (t.projectHeader) columns.push({ kind: 'text', field: 'project', header: t.projectHeader, width: 170 });
  } else {
    columns.push({ kind: 'text', field: 'name', header: t.lineHeader, width: 300 });
  }
  const nos = view.columns.map((c) => c.no);
  columns.push(...amountTree(view, nos, 'c', 0, true));
  const amountCols = nos.map((n) => amountId('c', n));
  const byRow = marksByRow(marks);
  const textCols = collectText(columns);
  return { shape: { table: view.no, title: view.title, columns, amountCols, allCols: [...textCols, ...amountCols] }, nos, byRow };
}

/** A single-sided table's model of these rows (its columns as given). */
function withRows(shape: Pick<GridModel, 'table' | 'title' | 'columns' | 'amountCols' | 'allCols'>, rows: GridRow[]): GridModel {
  // Made on first use: a change of rows at 100,000 items need not pay for it before the grid paints.
  let keys: Set<string> | null = null;
  const byKey = () => {
    if (!keys) {
      keys = new Set();
      for (const r of rows) keys.add(r.id);
    }
    return keys;
  };
  return {
    table: shape.table,
    title: shape.title,
    sided: false,
    rows,
    columns: shape.columns,
    amountCols: shape.amountCols,
    allCols: shape.allCols,
    addr: (row, colId) => (row.key && colId.startsWith('c') && !colId.startsWith('code') ? { rowKey: row.key, col: colId.slice(1) } : null),
    locate: (rowKey, col) => (byKey().has(rowKey) ? { rowId: rowKey, colId: col ? amountId('c', col) : 'name' } : null),
    rowIdOf: (rowKey) => (byKey().has(rowKey) ? rowKey : undefined),
  };
}

/**
 * `prev` after a change of rows laid out in place (`Change.rows`): the rows of `touched` are built
 * again from the session, the others kept (the same objects, so the grid skips them), with their
 * marks brought up to date (`marks` now, `prevMarks` those `prev` was made with, both `row|col`).
 * Equal to a model built afresh; a 100,000-row 表7 rebuilt whole for one deleted project held the
 * window ~0.7 s. Null for side-by-side tables (a few dozen lines: built again).
 */
export function patchModel(
  prev: GridModel,
  session: BudgetSession,
  touched: ReadonlySet<string>,
  marks: ReadonlyMap<string, Mark>,
  prevMarks: ReadonlyMap<string, Mark>,
): GridModel | null {
  if (prev.sided) return null;
  const layout = session.layout(prev.table);
  const nos = layout.template.columns.map((c) => c.no);
  const ids = prev.amountCols;
  if (ids.length !== nos.length) return null;
  const was = keptRows(prev.rows);
  const viewRow = tableRowViewer(session, prev.table);
  const byRow = marksByRow(marks);
  // Rows kept whose marks may differ: marked before or now.
  const marked = new Set<string>(byRow.keys());
  for (const k of prevMarks.keys()) marked.add(k.slice(0, k.lastIndexOf('|')));
  const rows: GridRow[] = new Array(layout.rows.length);
  for (let i = 0; i < layout.rows.length; i++) {
    const r = layout.rows[i]!;
    const kept = touched.has(r.key) ? undefined : was(r.key);
    if (!kept) {
      rows[i] = plainRow(viewRow(r), nos, ids, byRow.get(r.key));
      continue;
    }
    if (!marked.has(r.key)) {
      rows[i] = kept;
      continue;
    }
    const m = rowMarks(kept.cells, byRow.get(r.key));
    rows[i] = sameRecord(m, kept.marks, (x, y) => x === y) ? kept : { ...kept, marks: m };
  }
  // Nothing of this table changed: the model as it was (the grid is not handed its rows again).
  if (rows.length === prev.rows.length && rows.every((r, i) => r === prev.rows[i])) return prev;
  return withRows(prev, rows);
}

/**
 * Marks (`row|col` → mark) by row: col → mark. A table has a few marked cells among its hundreds of
 * thousands, so a row asks once, not once per cell (at 100,000 items 表7 has ~900,000 cells).
 */
function marksByRow(marks: ReadonlyMap<string, Mark>): Map<string, Map<string, Mark>> {
  const out = new Map<string, Map<string, Mark>>();
  for (const [k, mark] of marks) {
    const bar = k.lastIndexOf('|');
    const row = k.slice(0, bar);
    const cols = out.get(row);
    if (cols) cols.set(k.slice(bar + 1), mark);
    else out.set(row, new Map([[k.slice(bar + 1), mark]]));
  }
  return out;
}

/** A row of a single-sided table: its cells under the grid's column ids (`ids[k]` is column `nos[k]`'s, made once per table). */
function plainRow(r: TableViewRow, nos: readonly string[], ids: readonly string[], marks: Map<string, Mark> | undefined): GridRow {
  const cells: Record<string, TableViewCell> = {};
  for (let k = 0; k < nos.length; k++) {
    const cell = r.cells[nos[k]!];
    if (cell !== undefined) cells[ids[k]!] = cell;
  }
  const m = rowMarks(cells, marks);
  const level = r.level === 'line' && r.key === 'total' ? 'total' : r.level;
  const row: GridRow = { id: r.key, key: r.key, level, depth: r.depth, code: r.codeParts, name: r.name, cells, marks: m };
  if (r.project !== undefined && r.level === 'leaf') row.project = r.project;
  return row;
}

/**
 * The old row of a key, asked in the new layout's order: rows keep their order across a change of
 * rows, so each is found a few places after the last one found (a map of 100,000 rows cost more
 * than the rest of a patch); a map is made only if one is not.
 */
function keptRows(prev: readonly GridRow[]): (key: string) => GridRow | undefined {
  let next = 0;
  let byId: Map<string, number> | null = null;
  return (key) => {
    for (let k = next; k < prev.length && k < next + 64; k++) {
      if (prev[k]!.id !== key) continue;
      next = k + 1;
      return prev[k];
    }
    if (!byId) {
      byId = new Map();
      for (let k = 0; k < prev.length; k++) byId.set(prev[k]!.id, k);
    }
    const at = byId.get(key);
    if (at === undefined) return undefined;
    next = at + 1;
    return prev[at];
  };
}

/** A single-sided row's marks: on its name, and on the amount cells it has (`cells` by grid column id). */
function rowMarks(cells: Record<string, TableViewCell>, marks: ReadonlyMap<string, Mark> | undefined): Record<string, Mark> {
  const m: Record<string, Mark> = {};
  if (marks) {
    for (const [no, mark] of marks) {
      if (no === '') m.name = mark;
      else if (cells[amountId('c', no)] !== undefined) m[amountId('c', no)] = mark;
    }
  }
  return m;
}

function sidedModel(view: TableView, cellMarks: CellMarks): GridModel {
  const marks = marksFor(cellMarks, view.no);
  const inCols = columnsOf(view, 'income');
  const outCols = columnsOf(view, 'expenditure');
  const col = (no: string) => view.columns.find((c) => c.no === no)!;
  const t = view.template as FixedTableTemplate;
  const headerOf = (nos: string[], fallback: string) => col(nos[0]!).group?.[0] ?? fallback;
  const columns: ColSpec[] = [
    {
      kind: 'group',
      header: headerOf(inCols, '收入'),
      children: [
        { kind: 'text', field: 'leftName', header: t.lineHeader, width: 270 },
        ...inCols.map((no): ColSpec => ({ kind: 'amount', colId: amountId('in', no), header: col(no).name.replace(/^(收入|支出)/, ''), width: 120 })),
      ],
    },
    {
      kind: 'group',
      header: headerOf(outCols, '支出'),
      children: [
        { kind: 'text', field: 'rightName', header: t.expenditureLineHeader ?? '项目', width: 270 },
        ...outCols.map((no): ColSpec => ({ kind: 'amount', colId: amountId('out', no), header: col(no).name.replace(/^(收入|支出)/, ''), width: 120 })),
      ],
    },
  ];
  // The totals print on the last line, side by side; the other lines pair up as the packet prints them.
  const { lines, totals } = twoSidedLines(t, view.rows);
  const pairs: Array<[TableViewRow | undefined, TableViewRow | undefined]> = [...lines, totals];
  const sideOf = new Map(view.rows.map((r) => [r.key, r.side]));
  const where = new Map<string, string>();
  const rows = pairs.map(([l, r], i): GridRow => {
    const id = i === pairs.length - 1 ? 'pair:total' : `pair:${i}`;
    const cells: Record<string, TableViewCell> = {};
    const m: Record<string, Mark> = {};
    const row: GridRow = { id, level: i === pairs.length - 1 ? 'total' : 'line', depth: 0, code: [], name: '', cells, marks: m };
    for (const [side, src, nos] of [
      ['in', l, inCols],
      ['out', r, outCols],
    ] as const) {
      if (!src) continue;
      where.set(src.key, id);
      const line: SideLine = { key: src.key, name: lineLabel(src), depth: src.depth };
      if (src.depth === 0 && /^[一二]、/.test(src.name)) line.strong = true;
      if (side === 'in') row.left = line;
      else row.right = line;
      for (const no of nos) {
        const cell = src.cells[no];
        if (cell) cells[amountId(side, no)] = cell;
        const mk = marks.get(`${src.key}|${no}`);
        if (mk) m[amountId(side, no)] = mk;
      }
    }
    return row;
  });
  const amountCols = [...inCols.map((n) => amountId('in', n)), ...outCols.map((n) => amountId('out', n))];
  return {
    table: view.no,
    title: view.title,
    sided: true,
    rows,
    columns,
    amountCols,
    allCols: ['leftName', ...inCols.map((n) => amountId('in', n)), 'rightName', ...outCols.map((n) => amountId('out', n))],
    addr: (row, colId) => {
      if (colId.startsWith('in') && row.left) return { rowKey: row.left.key, col: colId.slice(2) };
      if (colId.startsWith('out') && row.right) return { rowKey: row.right.key, col: colId.slice(3) };
      return null;
    },
    locate: (rowKey, c) => {
      const rowId = where.get(rowKey);
      if (!rowId) return null;
      const side = sideOf.get(rowKey) === 'expenditure' ? 'out' : 'in';
      return { rowId, colId: c ? amountId(side, c) : side === 'in' ? 'leftName' : 'rightName' };
    },
    rowIdOf: (rowKey) => where.get(rowKey),
  };
}

function collectText(cols: ColSpec[]): string[] {
  const out: string[] = [];
  for (const c of cols) {
    if (c.kind === 'group') out.push(...collectText(c.children));
    else if (c.kind === 'text') out.push(c.field);
  }
  return out;
}

/** Amount text with thousands separators: `1234.50` → `1,234.50`; blank stays blank. */
export function withThousands(text: string | undefined): string {
  if (!text) return '';
  const neg = text.startsWith('-');
  const [i = '', f] = (neg ? text.slice(1) : text).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${f !== undefined ? `.${f}` : ''}`;
}

/**
 * `next` with each row equal to one of `prev` (by id, content and marks) replaced by that very
 * object. After rows are added or removed the model is built again; handing the grid its old row
 * objects where nothing changed lets it skip them (at 100,000 items it otherwise set the data of
 * every row node again: ~300 ms of a row deletion in 表7). Side-by-side tables (a few dozen lines) are left as built.
 */
export function reuseRows(next: GridModel, prev: GridModel): GridModel {
  if (next.sided || prev.sided || next.table !== prev.table) return next;
  const old = new Map<string, GridRow>();
  for (const r of prev.rows) old.set(r.id, r);
  const rows = next.rows;
  for (let i = 0; i < rows.length; i++) {
    const was = old.get(rows[i]!.id);
    if (was && sameRow(rows[i]!, was)) rows[i] = was;
  }
  return next;
}

function sameRow(a: GridRow, b: GridRow): boolean {
  if (a.key !== b.key || a.level !== b.level || a.depth !== b.depth || a.name !== b.name || a.project !== b.project) return false;
  if (a.code.length !== b.code.length || a.code.some((c, i) => c !== b.code[i])) return false;
  return sameRecord(a.cells, b.cells, sameCell) && sameRecord(a.marks, b.marks, (x, y) => x === y);
}

function sameCell(a: TableViewCell, b: TableViewCell): boolean {
  return a.computed === b.computed && a.role === b.role && a.text === b.text && a.printedDiffers === b.printedDiffers;
}

function sameRecord<T>(a: Record<string, T>, b: Record<string, T>, same: (x: T, y: T) => boolean): boolean {
  let n = 0;
  for (const k in a) {
    const y = b[k];
    if (y === undefined || !same(a[k]!, y)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}
