import type { BudgetDocument } from '../model';
import { amountToFen, type Fen } from '../money';
import type { RuleId } from '../rules/catalog';
import { type CheckFamily, type CheckSpec, type CrossChecks, specOf } from '../rules/checks';
import type { FixedTableTemplate, HierTableTemplate } from '../templates/types';
import { storedToFen } from './amount';
import { BuiltCheck, CheckIndex } from './check-index';
import { cellId, parseCellId, valueKey } from './cell-id';
import { CellGraph, type Ref, refId } from './graph';
import type { LayoutRow, TableLayout } from './layout';
import { runSteps, type Steps } from './steps';

/** One way a derived cell is defined: the rule that names it and the cells it sums. */
interface Identity {
  rule: RuleId;
  refs: Ref[];
}

function leafValues(doc: BudgetDocument, row: LayoutRow): Record<string, string> {
  const s = row.source!;
  switch (s.set) {
    case 'function':
      return doc.functionRows[s.index]!.values;
    case 'economic':
      return doc.economicRows[s.index]!.values;
    case 'project':
      return doc.projectRows[s.index]!.values;
    case 'carryover':
      return doc.carryoverRows[s.index]!.values;
  }
}

const NONE: readonly number[] = [];

const refsTo = (table: number, row: string, cols: readonly string[]): Ref[] => cols.map((col) => ({ table, row, col, coef: 1 }));

/**
 * Adds a table's cells. Derived columns are computed across the row (合计 = its parts); entered
 * columns on 类/款/总计 rows down the hierarchy. A printed aggregate cell is checked against
 * both definitions, so `identities` collects them for the cells that have printed values.
 */
/** Amounts the build read and the sum of their magnitudes (the document's AMOUNT_BOUND total, when it read them all). */
interface Tally {
  amounts: number;
  magnitude: number;
}

/** An entered amount read from the document, tallied. */
function read(text: string | undefined, unit: BudgetDocument['unit'], tally: Tally): Fen {
  if (text === undefined) return 0;
  const fen = storedToFen(text, unit);
  tally.amounts++;
  tally.magnitude += Math.abs(fen);
  return fen;
}

/**
 * Rows of a table wired, or checks added, per step of `graphSteps`: a few ms each. (20,000 rows made
 * steps of 0.3–0.5 s in a block edit at 100,000 items, the session being built beside the open one;
 * the window's slices join steps up to ~40 ms, so small steps cost no more pauses.)
 */
const ROWS_PER_STEP = 2_500;
const CHECKS_PER_STEP = 5_000;

/**
 * Each row's children as row indices (row r's are `list[start[r]]` … `list[start[r + 1] - 1]`),
 * read from the layout's order: rows are laid out in pre-order (a row's children follow it, one
 * level deeper), so a stack of the rows above finds each row's parent without a look-up by key (at
 * 100,000 items those look-ups were ~85 ms of 打开). Checked against the rows' own `children`:
 * undefined where the order says otherwise.
 */
export function childRows(rows: readonly LayoutRow[]): { start: Int32Array; list: Int32Array } | undefined {
  const n = rows.length;
  const start = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) start[r + 1] = start[r]! + (rows[r]!.children?.length ?? 0);
  const list = new Int32Array(start[n]!);
  const filled = new Int32Array(n);
  const open: number[] = [];
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    while (open.length > 0 && rows[open[open.length - 1]!]!.depth >= row.depth) open.pop();
    const p = open[open.length - 1];
    if (p !== undefined) {
      const k = filled[p]!;
      if (rows[p]!.children![k] !== row.key) return undefined;
      list[start[p]! + k] = r;
      filled[p] = k + 1;
    } else if (r > 0) return undefined;
    if (row.children) open.push(r);
  }
  for (let r = 0; r < n; r++) if (filled[r] !== start[r + 1]! - start[r]!) return undefined;
  return { start, list };
}

function* addHier(g: CellGraph, l: TableLayout, t: HierTableTemplate, doc: BudgetDocument, identities: Map<string, Identity[]>, tally: Tally): Steps<void> {
  const hasPrinted = Object.keys(doc.printed).length > 0;
  // Every row gets a node for every column, in layout order: cell (row r, column c) is node
  // base + r·width + c, so sums within the table are wired by index, without id look-ups.
  const base = g.slots;
  const width = t.columns.length;
  const cols = t.columns.map((c) => c.no);
  // Rows named first: the graph's map of them finds each child's cells (no second map of keys).
  for (let r = 0; r < l.rows.length; r++) {
    if (r > 0 && r % (ROWS_PER_STEP * 4) === 0) yield;
    g.nameRow(t.no, l.rows[r]!.key, cols, base + r * width);
  }
  const colAt = new Map(t.columns.map((c, i) => [c.no, i]));
  const across = t.columns.map((c) => (c.role === 'derived' ? (c.sum ?? []).map((s) => colAt.get(s)!) : null));
  // A leaf's amounts are found from the keys its values hold (a row has a few of a table's many
  // columns: looking each column up would mostly miss, on objects of many shapes).
  const enteredAt = new Map<string, number>();
  t.columns.forEach((c, ci) => {
    if (!across[ci]) enteredAt.set(valueKey(t.no, c.no), ci);
  });
  const kids: number[] = [];
  const tree = childRows(l.rows);
  for (let r = 0; r < l.rows.length; r++) {
    if (r > 0 && r % ROWS_PER_STEP === 0) yield;
    const row = l.rows[r]!;
    const leaf = row.level === 'leaf';
    const values = leaf ? leafValues(doc, row) : undefined;
    const at = base + r * width;
    // The children's first cells, once per row (not once per column).
    kids.length = 0;
    const children = row.children;
    if (!values && children) {
      if (tree) for (let k = tree.start[r]!; k < tree.start[r + 1]!; k++) kids.push(base + tree.list[k]! * width);
      else for (let c = 0; c < children.length; c++) kids.push(g.rowBaseOf(t.no, children[c]!)!);
    }
    for (let ci = 0; ci < width; ci++) {
      const parts = across[ci];
      let node: number;
      if (parts) {
        node = g.addDerivedSum(NONE);
        for (let p = 0; p < parts.length; p++) g.addTerm(node, at + parts[p]!, 1);
      } else if (values) node = g.addEntered(0);
      else {
        node = g.addDerivedSum(NONE);
        for (let k = 0; k < kids.length; k++) g.addTerm(node, kids[k]! + ci, 1);
      }
      if (node !== at + ci) throw new Error(`cell ${cellId(t.no, row.key, cols[ci]!)} out of layout order`);
    }
    if (values) {
      for (const k in values) {
        const ci = enteredAt.get(k);
        if (ci !== undefined) g.enter(at + ci, read(values[k], doc.unit, tally));
      }
    }
    if (!hasPrinted) continue;
    for (let ci = 0; ci < width; ci++) {
      const c = t.columns[ci]!;
      const id = cellId(t.no, row.key, c.no);
      if (doc.printed[id] === undefined) continue;
      const list: Identity[] = [];
      if (across[ci]) list.push({ rule: 'sum.columns', refs: refsTo(t.no, row.key, c.sum ?? []) });
      if (!leaf) list.push({ rule: 'sum.rows', refs: (row.children ?? []).map((k) => ({ table: t.no, row: k, col: c.no, coef: 1 as const })) });
      identities.set(id, list);
    }
  }
}

function addFixed(g: CellGraph, t: FixedTableTemplate, doc: BudgetDocument, identities: Map<string, Identity[]>, tally: Tally): void {
  const entered = doc.fixed[String(t.no)] ?? {};
  for (const row of t.rows) {
    const base = g.slots;
    const cols = Object.keys(row.cells);
    for (const col of cols) {
      const cell = row.cells[col]!;
      if ('entered' in cell) {
        g.addEntered(read(entered[row.key]?.[col], doc.unit, tally));
        continue;
      }
      const refs = cell.terms.map((x) => ({ table: x.table ?? t.no, row: x.row, col: x.col, coef: x.coef ?? 1 }));
      g.addDerived(refs);
      const id = cellId(t.no, row.key, col);
      if (doc.printed[id] !== undefined) identities.set(id, [{ rule: 'sum.lines', refs }]);
    }
    g.nameRow(t.no, row.key, cols, base);
  }
}

/** A check node holds actual − expected; a finding exists when that breaks `op`. */
export function addCheck(g: CellGraph, spec: CheckSpec): number {
  const node = g.addDerived(spec.actual, (spec.actualConst ?? 0) - (spec.expectedConst ?? 0));
  g.refer(node, spec.expected, -1);
  return node;
}

const NO_REFS: readonly Ref[] = [];

/** Check `k` of `checks` as a node wired by its family (no spec made), added to `index` unless its id is there; the check, or undefined. */
export function addCrossCheck(g: CellGraph, index: CheckIndex, checks: CrossChecks, k: number): BuiltCheck | undefined {
  const family = checks.family[k]!;
  const row = checks.row[k]!;
  if (index.hasAt(family, row)) return undefined;
  const rows = checks.rows[k];
  let node: number;
  if (family.spec) node = addCheck(g, family.spec);
  else {
    node = g.addDerived(NO_REFS);
    g.referCell(node, family.table, row, family.col, 1);
    const { table, cols } = family.expected;
    if (rows) for (let r = 0; r < rows.length; r++) for (let c = 0; c < cols.length; c++) g.referCell(node, table, rows[r]!, cols[c]!, -1);
    else for (let c = 0; c < cols.length; c++) g.referCell(node, table, row, cols[c]!, -1);
  }
  const built = new BuiltCheck(node, family, row, rows);
  index.add(built, true);
  return built;
}

/** References a check of `checks` has: its cell and its expected cells. */
function termsOf(family: CheckFamily, rows: readonly string[] | undefined): number {
  if (family.spec) return family.spec.actual.length + family.spec.expected.length;
  return 1 + (rows ? rows.length : 1) * family.expected.cols.length;
}

/**
 * As the packet shows it: a cell with a printed value counts as that value, so each broken
 * identity of a published packet is reported once, where it breaks, not at every total above.
 * A drafted document has no printed values and every check uses the computed cells.
 */
function asShown(refs: readonly Ref[], printed: ReadonlyMap<string, Fen>): { refs: Ref[]; constant: Fen; used: Ref[] } {
  const out: Ref[] = [];
  const used: Ref[] = [];
  let constant = 0;
  for (const r of refs) {
    const p = printed.get(refId(r));
    if (p === undefined) out.push(r);
    else {
      constant += r.coef * p;
      used.push(r);
    }
  }
  return { refs: out, constant, used };
}

/** A printed figure a check counts as a constant (`asShown`): where, so dropping the figure can turn it back into the cell. */
export interface PrintedUse {
  check: BuiltCheck;
  side: 'actual' | 'expected';
  coef: 1 | -1;
}

export interface BuiltGraph {
  graph: CellGraph;
  checks: BuiltCheck[];
  /** The checks by id and by node (one per id: a repeated declaration is built once). */
  index: CheckIndex;
  /** Printed amounts for cells the layout does not have (a row or column the table should not print). */
  orphans: Array<{ id: string; fen: number }>;
  /** For each printed cell, the checks that count its printed figure instead of the cell. */
  printedUses: Map<string, PrintedUse[]>;
  /** How many amounts of the document the build read, and their magnitudes summed. */
  tally: Tally;
}

/** How many nodes and terms `buildGraph` will add (printed identities aside) and room for edits after, to size the graph once. */
function graphSize(layouts: readonly TableLayout[], checks: CrossChecks): { nodes: number; edges: number; rows: number } {
  let nodes = checks.family.length;
  let edges = 0;
  let rows = 0;
  for (let k = 0; k < nodes; k++) edges += termsOf(checks.family[k]!, checks.rows[k]);
  for (const l of layouts) {
    const t = l.template;
    if (t.kind === 'fixed') {
      rows += t.rows.length;
      for (const row of t.rows) {
        for (const cell of Object.values(row.cells)) {
          nodes++;
          if ('terms' in cell) edges += cell.terms.length;
        }
      }
      continue;
    }
    rows += l.rows.length;
    nodes += l.rows.length * t.columns.length;
    let across = 0;
    let down = 0;
    for (const c of t.columns) {
      if (c.role === 'derived') across += c.sum?.length ?? 0;
      else down++;
    }
    for (let r = 0; r < l.rows.length; r++) edges += across + (l.rows[r]!.children?.length ?? 0) * down;
  }
  // Headroom for the rows added after opening (an undo of a deletion, a row typed in): without it
  // the first one copies every array of the graph (200 ms at 100,000 lines) in the middle of an edit.
  return { nodes: nodes + 1024 + (nodes >> 3), edges: edges + 4096 + (edges >> 3), rows };
}

export function buildGraph(doc: BudgetDocument, layouts: readonly TableLayout[], cross: CrossChecks): BuiltGraph {
  return runSteps(graphSteps(doc, layouts, cross));
}

/** `buildGraph` in steps: the graph's arrays, a table's rows or the checks some thousands at a time, the seal. */
export function* graphSteps(doc: BudgetDocument, layouts: readonly TableLayout[], cross: CrossChecks): Steps<BuiltGraph> {
  const g = new CellGraph(graphSize(layouts, cross));
  const identities = new Map<string, Identity[]>();
  const tally: Tally = { amounts: 0, magnitude: 0 };
  yield;
  for (const l of layouts) {
    if (l.template.kind === 'hier') {
      yield* addHier(g, l, l.template, doc, identities, tally);
      yield;
    } else addFixed(g, l.template, doc, identities, tally);
  }
  const printed = new Map<string, Fen>();
  const orphans: BuiltGraph['orphans'] = [];
  for (const [id, text] of Object.entries(doc.printed)) {
    const fen = amountToFen(text, '万元');
    tally.amounts++;
    tally.magnitude += Math.abs(fen);
    if (g.has(id)) printed.set(id, fen);
    else if (fen !== 0) orphans.push({ id, fen });
  }

  const checks: BuiltCheck[] = [];
  const index = new CheckIndex();
  const printedUses = new Map<string, PrintedUse[]>();
  const add = (spec: CheckSpec, used: { actual: Ref[]; expected: Ref[] }) => {
    const c = BuiltCheck.of(g.slots, spec);
    if (!index.add(c)) return;
    if (addCheck(g, spec) !== c.node) throw new Error(`check ${c.id} out of order`);
    checks.push(c);
    for (const side of ['actual', 'expected'] as const) {
      for (const r of used[side]) {
        const list = printedUses.get(refId(r)) ?? [];
        list.push({ check: c, side, coef: r.coef });
        printedUses.set(refId(r), list);
      }
    }
  };
  for (let k = 0; k < cross.family.length; k++) {
    if (k > 0 && k % CHECKS_PER_STEP === 0) yield;
    // A drafted document has no printed figures: every check counts its cells as they are.
    if (printed.size === 0) {
      const c = addCrossCheck(g, index, cross, k);
      if (c) checks.push(c);
      continue;
    }
    const spec = specOf(cross.family[k]!, cross.row[k]!, cross.rows[k]);
    const actual = asShown(spec.actual, printed);
    const expected = asShown(spec.expected, printed);
    add(
      {
        ...spec,
        actual: actual.refs,
        actualConst: (spec.actualConst ?? 0) + actual.constant,
        expected: expected.refs,
        expectedConst: (spec.expectedConst ?? 0) + expected.constant,
      },
      { actual: actual.used, expected: expected.used },
    );
  }
  for (const [id, list] of identities) {
    const at = parseCellId(id)!;
    for (const identity of list) {
      const expected = asShown(identity.refs, printed);
      add(
        {
          rule: identity.rule,
          table: at.table,
          row: at.row,
          col: at.col,
          actual: [],
          actualConst: printed.get(id)!,
          expected: expected.refs,
          expectedConst: expected.constant,
          op: 'eq',
        },
        { actual: [], expected: expected.used },
      );
    }
  }
  yield;
  yield* g.sealSteps();
  return { graph: g, checks, index, orphans, printedUses, tally };
}

/**
 * The cells of a row placed into a table of a sealed graph (`layout-edit`): entered cells of a
 * leaf hold the document's values, a 类/款 row's sums its children (each child, placed after its
 * parent, adds itself), derived columns sum across the row. Returns the entered nodes added.
 */
export function addRowCells(g: CellGraph, t: HierTableTemplate, row: LayoutRow, parent: LayoutRow, doc: BudgetDocument): number[] {
  const values = row.level === 'leaf' ? leafValues(doc, row) : undefined;
  const base = g.slots;
  const nodes = t.columns.map((c) =>
    c.role !== 'derived' && values ? g.addEntered(storedToFen(values[valueKey(t.no, c.no)], doc.unit)) : g.addDerivedSum([]),
  );
  g.nameRow(
    t.no,
    row.key,
    t.columns.map((c) => c.no),
    base,
  );
  const colAt = new Map(t.columns.map((c, i) => [c.no, i]));
  const entered: number[] = [];
  t.columns.forEach((c, ci) => {
    const node = nodes[ci]!;
    if (c.role === 'derived') {
      for (const s of c.sum ?? []) g.addTerm(node, nodes[colAt.get(s)!]!, 1);
      return;
    }
    if (values) entered.push(node);
    g.addTerm(g.cell(t.no, parent.key, c.no)!, node, 1);
  });
  return entered;
}

/** Removes a row's cells from the graph; returns the values of its entered cells. */
export function removeRowCells(g: CellGraph, t: HierTableTemplate, row: LayoutRow): Fen[] {
  const entered: Fen[] = [];
  for (const c of t.columns) {
    const i = g.cell(t.no, row.key, c.no);
    if (i === undefined) continue;
    if (g.isEntered(i)) entered.push(g.valueAt(i));
    g.remove(i);
  }
  return entered;
}
