import type { BudgetDocument } from '../model';
import type { FixedTableTemplate, HierTableTemplate, Level, RowSetKind, TableTemplate } from '../templates/types';
import type { NameLookup } from '../classification/names';
import { amountIsZero } from './amount';
import { valueKey } from './cell-id';
import { runSteps, type Steps } from './steps';

export interface LayoutRow {
  key: string;
  level: Level | 'line';
  /** Full code: 3 digits for a 类, 5 for a 款, 7 for a 项 (function) or 5 for an economic 款. */
  code?: string;
  name: string;
  project?: string;
  unit?: string;
  side?: 'income' | 'expenditure';
  depth: number;
  /** Leaf rows: the row of the document that holds the entered values. */
  source?: { set: RowSetKind; index: number };
  /** Aggregate rows: keys of the rows they sum. */
  children?: string[];
}

export interface TableLayout {
  no: number;
  template: TableTemplate;
  rows: LayoutRow[];
  byKey: Map<string, LayoutRow>;
}

/** Split a code into the printed 类 | 款 | 项 parts. */
export function codeParts(code: string | undefined, width: number): string[] {
  const parts = ['', '', ''].slice(0, width);
  if (!code) return parts;
  if (width >= 1) parts[0] = code.slice(0, 3);
  if (width >= 2) parts[1] = code.slice(3, 5);
  if (width >= 3) parts[2] = code.slice(5, 7);
  return parts;
}

export interface Leaf {
  code?: string;
  name?: string;
  project?: string;
  unit?: string;
  values: Record<string, string>;
  key: string;
  source: { set: RowSetKind; index: number };
  /** Its layout row, made by the first table that showed it: tables of one row set at one depth share it. */
  shown?: LayoutRow;
}

/** One row of a row set as a leaf, without building the others. */
export function leafAt(doc: BudgetDocument, set: RowSetKind, index: number): Leaf {
  const rows = { function: doc.functionRows, economic: doc.economicRows, project: doc.projectRows, carryover: doc.carryoverRows }[set];
  const r = rows[index]!;
  const key = set === 'project' ? `p:${(r as { id: string }).id}` : set === 'carryover' ? `c:${(r as { id: string }).id}` : (r as { code: string }).code;
  return { ...r, key, source: { set, index } };
}

export function leavesOf(doc: BudgetDocument, set: RowSetKind): Leaf[] {
  // Written out field by field (not spread): a large department has tens of thousands of leaves.
  switch (set) {
    case 'function':
      return doc.functionRows.map((r, index) => ({ code: r.code, name: r.name, project: undefined, unit: undefined, values: r.values, key: r.code, source: { set, index }, shown: undefined }));
    case 'economic':
      return doc.economicRows.map((r, index) => ({ code: r.code, name: r.name, project: undefined, unit: undefined, values: r.values, key: r.code, source: { set, index }, shown: undefined }));
    case 'project':
      return doc.projectRows.map((r, index) => ({ code: r.code, name: r.name, project: r.project, unit: r.unit, values: r.values, key: `p:${r.id}`, source: { set, index }, shown: undefined }));
    case 'carryover':
      return doc.carryoverRows.map((r, index) => ({ code: undefined, name: undefined, project: r.project, unit: r.unit, values: r.values, key: `c:${r.id}`, source: { set, index }, shown: undefined }));
  }
}

function hasAny(values: Record<string, string>, keys: readonly string[]): boolean {
  for (const k of keys) {
    const v = values[k];
    if (v !== undefined && !amountIsZero(v)) return true;
  }
  return false;
}

/** The value keys that put a function 项 into a table: its own entered columns, then the `includeWhen` ones. */
const INCLUDE_KEYS = new WeakMap<HierTableTemplate, string[]>();
function includeKeys(t: HierTableTemplate): string[] {
  let keys = INCLUDE_KEYS.get(t);
  if (!keys) {
    keys = t.columns.filter((c) => c.role === 'entered').map((c) => valueKey(t.no, c.no));
    for (const w of t.includeWhen ?? []) for (const c of w.cols) keys.push(valueKey(w.table, c));
    INCLUDE_KEYS.set(t, keys);
  }
  return keys;
}

/** A table that shows every leaf of its row set: economic, project and carry-over rows are added explicitly; table 2 is where function 项 live. */
export function showsEveryLeaf(t: HierTableTemplate): boolean {
  return t.rowSet !== 'function' || !t.includeWhen;
}

/** Which leaves of the row set a table shows: rows follow the data. */
export function includeLeaf(t: HierTableTemplate, leaf: Leaf, printedRows: Set<string>, keys?: readonly string[]): boolean {
  if (showsEveryLeaf(t)) return true;
  if (hasAny(leaf.values, keys ?? includeKeys(t))) return true;
  return printedRows.size > 0 && printedRows.has(`${t.no}|${leaf.key}`);
}

/**
 * The layout row of a leaf at `depth`. The tables showing one row set show its leaves alike, so
 * one object serves them all (a 10,000-line department's function 项 are in three tables); a leaf
 * row is never changed once laid out, and its `source` is shifted once for all of them.
 */
export function leafRow(t: HierTableTemplate, l: Leaf, depth: number, names: NameLookup): LayoutRow {
  if (l.shown?.depth === depth) return l.shown;
  const kind = t.rowSet === 'economic' ? 'economic' : 'function';
  const name = l.code ? (l.name ?? names(l.code, kind)) : (l.project ?? '');
  l.shown = {
    key: l.key,
    level: 'leaf',
    code: l.code,
    name: t.rowSet === 'carryover' ? (l.project ?? '') : name,
    project: l.project,
    unit: l.unit,
    depth,
    // The leaf's own: one object for the row in every table that shows it (a row-set splice shifts each once).
    source: l.source,
  };
  return l.shown;
}

/** The sub-unit a leaf is grouped under in a table with a unit level ('' for the department itself). */
export function unitOf(t: HierTableTemplate, unit: string | undefined, doc: BudgetDocument): string {
  return t.levels.includes('unit') && unit && unit !== doc.department ? unit : '';
}

/** Key of the unit row of a sub-unit ('' for the department). */
export function unitKey(u: string): string {
  return u === '' ? 'unit' : `unit:${u}`;
}

export function compareCodes(a: { code?: string; source?: { index: number } }, b: { code?: string; source?: { index: number } }): number {
  const ca = a.code ?? '';
  const cb = b.code ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : (a.source?.index ?? 0) - (b.source?.index ?? 0);
}

/** Leaves of a table laid out per step of `layoutSteps` (a 100,000-item table's rows and their map by key are 100–300 ms here). */
const LEAVES_PER_STEP = 25_000;

/**
 * `all`: the row set's leaves as entered; `byCode`: the same sorted by `compareCodes`, made once
 * for all the tables that list them by 类 (five tables of function 项 sorted each its own copy).
 */
function* buildHier(t: HierTableTemplate, doc: BudgetDocument, names: NameLookup, printedRows: Set<string>, all: Leaf[], byCode: () => Leaf[]): Steps<TableLayout> {
  const keys = includeKeys(t);
  const include = (l: Leaf) => includeLeaf(t, l, printedRows, keys);
  const hasUnit = t.levels.includes('unit');
  const hasClass = t.levels.includes('class');
  const hasKuan = t.levels.includes('kuan');
  const kind = t.rowSet === 'economic' ? 'economic' : 'function';
  const leaves = (hasClass ? byCode() : all).filter(include);

  // Group by unit (department first), sub-units in the order the document first has them.
  const unitOrder: string[] = [];
  const byUnit = new Map<string, Leaf[]>();
  const group = (l: Leaf) => {
    const u = unitOf(t, l.unit, doc);
    let list = byUnit.get(u);
    if (!list) {
      list = [];
      byUnit.set(u, list);
      unitOrder.push(u);
    }
    return list;
  };
  if (hasUnit && hasClass) for (const l of all) if (include(l)) group(l);
  for (const l of leaves) group(l).push(l);
  unitOrder.sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  if (leaves.length > LEAVES_PER_STEP) yield;

  const rows: LayoutRow[] = [];
  let laid = 0;
  const total: LayoutRow = { key: 'total', level: 'total', name: t.totalLabel ?? '总计', depth: 0, children: [] };
  rows.push(total);
  if (hasUnit && unitOrder.length === 0) unitOrder.push('');
  for (const u of unitOrder) {
    const inUnit = byUnit.get(u) ?? [];
    let parentOfClasses = total;
    let prefix = '';
    if (hasUnit) {
      const unitRow: LayoutRow = {
        key: unitKey(u),
        level: 'unit',
        name: u === '' ? doc.department : u,
        unit: u === '' ? undefined : u,
        depth: 1,
        children: [],
      };
      total.children!.push(unitRow.key);
      rows.push(unitRow);
      parentOfClasses = unitRow;
      prefix = u === '' ? '' : `${u}/`;
    }
    if (!hasClass) {
      for (const l of inUnit) {
        rows.push(leafRow(t, l, parentOfClasses.depth + 1, names));
        parentOfClasses.children!.push(l.key);
      }
      continue;
    }
    let classRow: LayoutRow | undefined;
    let kuanRow: LayoutRow | undefined;
    for (const l of inUnit) {
      if (++laid % LEAVES_PER_STEP === 0) yield;
      const code = l.code ?? '';
      const c = code.slice(0, 3);
      if (!classRow || classRow.code !== c) {
        classRow = { key: prefix + c, level: 'class', code: c, name: names(c, kind), depth: parentOfClasses.depth + 1, children: [] };
        parentOfClasses.children!.push(classRow.key);
        rows.push(classRow);
        kuanRow = undefined;
      }
      let parent = classRow;
      if (hasKuan) {
        const k = code.slice(0, 5);
        if (!kuanRow || kuanRow.code !== k) {
          kuanRow = { key: prefix + k, level: 'kuan', code: k, name: names(k, kind), depth: classRow.depth + 1, children: [] };
          classRow.children!.push(kuanRow.key);
          rows.push(kuanRow);
        }
        parent = kuanRow;
      }
      parent.children!.push(l.key);
      rows.push(leafRow(t, l, parent.depth + 1, names));
    }
  }

  if (rows.length > LEAVES_PER_STEP) yield;
  return { no: t.no, template: t, rows, byKey: byKeyOf(rows) };
}

function buildFixed(t: FixedTableTemplate): TableLayout {
  const rows: LayoutRow[] = t.rows.map((r) => {
    const row: LayoutRow = { key: r.key, level: 'line', name: r.label, side: r.side, depth: r.depth ?? 0 };
    if (r.code) row.code = r.code;
    return row;
  });
  return { no: t.no, template: t, rows, byKey: byKeyOf(rows) };
}

/** Each row by its key (filled in a loop: a pair array per row is garbage on every open). */
function byKeyOf(rows: readonly LayoutRow[]): Map<string, LayoutRow> {
  const m = new Map<string, LayoutRow>();
  for (const r of rows) m.set(r.key, r);
  return m;
}

/** Rows (`table|rowKey`) that carry printed figures of an imported packet: shown even when empty. */
export function printedRowsOf(doc: BudgetDocument): Set<string> {
  const printedRows = new Set<string>();
  for (const id of Object.keys(doc.printed)) printedRows.add(id.slice(0, id.lastIndexOf('|')));
  return printedRows;
}

/** Lay out every table of the format for this document. */
export function buildLayouts(tables: readonly TableTemplate[], doc: BudgetDocument, names: NameLookup): TableLayout[] {
  return runSteps(layoutSteps(tables, doc, names));
}

/** `buildLayouts` a table per step. */
export function* layoutSteps(tables: readonly TableTemplate[], doc: BudgetDocument, names: NameLookup): Steps<TableLayout[]> {
  const printedRows = printedRowsOf(doc);
  // Each row set's leaves once, for all the tables that show it (leaves are read, never changed).
  const leaves = new Map<RowSetKind, Leaf[]>();
  const leavesFor = (set: RowSetKind) => {
    let l = leaves.get(set);
    if (!l) {
      l = leavesOf(doc, set);
      leaves.set(set, l);
    }
    return l;
  };
  const sorted = new Map<RowSetKind, Leaf[]>();
  const byCodeFor = (set: RowSetKind) => () => {
    let l = sorted.get(set);
    if (!l) {
      l = leavesFor(set).slice().sort(compareCodes);
      sorted.set(set, l);
    }
    return l;
  };
  const out: TableLayout[] = [];
  for (const t of tables) {
    if (t.kind === 'fixed') out.push(buildFixed(t));
    else {
      out.push(yield* buildHier(t, doc, names, printedRows, leavesFor(t.rowSet), byCodeFor(t.rowSet)));
      yield;
    }
  }
  return out;
}
