import { type Fen, FEN_PER_WAN_CENT, roundToWanCent } from '../money';
import { cellId } from './cell-id';
import type { CellGraph } from './graph';
import type { HierTableTemplate } from '../templates/types';
import type { LayoutRow, TableLayout } from './layout';
import { runSteps, type Steps } from './steps';

/**
 * Rows shared out, or rows' cells checked for an adjustment, per step of `TieOut.steps`; entered
 * nodes rounded per step. Worked out at once, the tie-out of a department of 100,000 items entered
 * in 元 held the window 0.45–0.6 s in the middle of 打开.
 */
const ROWS_PER_STEP = 2_500;
const NODES_PER_STEP = 200_000;

/**
 * Tie-out for amounts entered in 元: the tables print 万元 with 2 decimals and must still add up.
 *
 * Method (largest remainder down the hierarchy), per entered column of each table:
 * the 总计 is rounded half-up from its exact value; each level's rounded amount is then shared
 * among its children by giving each child its amount rounded down to 0.01 万元 and handing the
 * cents left over, one each, to the children with the largest remainders (ties: first row first).
 * Every leaf ends within 0.01 万元 of its exact amount and every printed sum adds up. Entered
 * cells of the fixed tables are rounded half-up. All derived cells are then summed from the
 * rounded leaves, so they add up too. Cells whose printed amount differs from their own
 * half-up rounding are reported (rule `rounding.adjusted`).
 */
export interface TieOutResult {
  /** Values to print, indexed like the graph nodes. */
  display: ArrayLike<Fen>;
  /** Cells whose printed value differs from rounding their exact value on its own. */
  adjusted: Iterable<{ id: string; exact: Fen; shown: Fen }>;
  /** How many cells are adjusted. */
  adjustedCount: number;
}

function floorCent(v: Fen): Fen {
  return Math.floor(v / FEN_PER_WAN_CENT) * FEN_PER_WAN_CENT;
}

/**
 * Largest remainder: `target` shared among `m` amounts (`exact[0..m)`), each child its amount
 * rounded down to 0.01 万元 and the cents left over one each to the largest remainders, ties to the
 * first. Only children with a remainder are sorted: the cents left never outnumber them (each
 * remainder is under a cent and the target is at most a cent above the sum rounded down), so the
 * rest, taken in row order as a sort would put them, is a guard that does not run.
 */
function shareOut(exact: ArrayLike<Fen>, m: number, target: Fen, shares: Float64Array, withRemainder: number[]): void {
  let floors = 0;
  withRemainder.length = 0;
  for (let j = 0; j < m; j++) {
    const e = exact[j]!;
    const f = floorCent(e);
    shares[j] = f;
    floors += f;
    if (e !== f) withRemainder.push(j);
  }
  let left = Math.round((target - floors) / FEN_PER_WAN_CENT);
  if (left <= 0) return;
  if (withRemainder.length > 1) withRemainder.sort((a, b) => exact[b]! - shares[b]! - (exact[a]! - shares[a]!) || a - b);
  for (let k = 0; k < withRemainder.length && left > 0; k++, left--) shares[withRemainder[k]!]! += FEN_PER_WAN_CENT;
  for (let j = 0; j < m && left > 0; j++) {
    if (exact[j] === shares[j]) {
      shares[j]! += FEN_PER_WAN_CENT;
      left--;
    }
  }
}

/** How many entered cells are finer than 0.01 万元 (a tie-out is needed while any are). */
export function countFinerThanCent(graph: CellGraph): number {
  const v = graph.snapshot();
  let n = 0;
  for (let i = 0; i < v.length; i++) if (graph.isEntered(i) && v[i]! % FEN_PER_WAN_CENT !== 0) n++;
  return n;
}

/** `a` in an array of at least `n`, the rest zero: with room for the next rows (an undo adds a row's nodes again). */
function grown(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(Math.max(n, Math.ceil(a.length * 1.25)));
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

/** Half-up for an entered cell outside the hierarchies (fixed tables); exact when already whole cents. */
const ownRounding = (v: Fen) => (v % FEN_PER_WAN_CENT !== 0 ? roundToWanCent(v) : v);

/**
 * The tie-out of a session's tables, kept up to date edit by edit: after one entered cell
 * changes, each hierarchy whose total moved is shared out again from the top, descending only
 * into rows whose exact amount or share changed (the edited cell's chain, and a sibling that
 * gains or loses a cent), and the printed values move by the differences alone.
 */
export class TieOut implements TieOutResult {
  /** Rounded amounts of the entered cells (the allocation), indexed like the graph nodes. */
  private base: Float64Array;
  display: Float64Array;
  private readonly adjustedAt = new Map<number, { id: string; exact: Fen; shown: Fen }>();
  /** 1 for each entered cell the hierarchies allocate (the others round on their own); nodes added later are not. */
  private allocated: Uint8Array;
  /** Tables printed in 元: nothing of them is adjusted. */
  private readonly exactTables: Set<number>;
  /** Made by `whole`: it began with no cell adjusted, so every cell adjusted since is in `touched` until it is emptied. */
  begunWhole = false;

  /** Made by `steps` (the arrays only: the sharing out is its steps). */
  private constructor(
    private readonly graph: CellGraph,
    private readonly layouts: readonly TableLayout[],
  ) {
    const exact = graph.snapshot();
    this.base = exact.slice();
    this.display = this.base;
    this.allocated = new Uint8Array(exact.length);
    this.exactTables = new Set(layouts.filter((l) => l.template.printUnit === '元').map((l) => l.no));
  }

  /**
   * The tie-out of a graph whose entered amounts are all whole 0.01 万元 (none finer): every
   * amount printed as it is, nothing adjusted, each hierarchy's leaves allocated their own amount.
   * Made just before the first finer amount is entered, it is then updated by that edit alone
   * (`update`): a tie-out worked out afresh for the one amount took 0.2 s at 100,000 items, and
   * the whole grid was drawn again for the few cells that move.
   */
  static whole(graph: CellGraph, layouts: readonly TableLayout[]): TieOut {
    const tie = new TieOut(graph, layouts);
    tie.begunWhole = true;
    tie.display = tie.base.slice();
    for (const l of layouts) if (l.template.kind === 'hier') tie.markAllocated(l, l.template);
    return tie;
  }

  /** The entered cells `allocateTable` shares out to (the leaves below the total), marked without sharing. */
  private markAllocated(l: TableLayout, t: HierTableTemplate): void {
    const total = l.rows[0];
    const entered: number[] = [];
    t.columns.forEach((c, ci) => {
      if (c.role === 'entered') entered.push(ci);
    });
    if (!total?.children || this.graph.rowBaseOf(l.no, total.key) === undefined || entered.length === 0) return;
    const stack = [...total.children];
    while (stack.length > 0) {
      const kid = l.byKey.get(stack.pop()!)!;
      if (kid.level !== 'leaf' && kid.children) {
        for (const k of kid.children) stack.push(k);
        continue;
      }
      const base = this.graph.rowBaseOf(l.no, kid.key)!;
      for (const ci of entered) this.allocated[base + ci] = 1;
    }
  }

  /** The tie-out of the graph as it is, worked out in steps (the graph must not change between them). */
  static *steps(graph: CellGraph, layouts: readonly TableLayout[]): Steps<TieOut> {
    const tie = new TieOut(graph, layouts);
    yield* tie.fillSteps();
    return tie;
  }

  private *fillSteps(): Steps<void> {
    const { graph, layouts } = this;
    const exact = graph.snapshot();
    const rows = { done: 0 };
    for (const l of layouts) if (l.template.kind === 'hier') yield* this.allocateTable(l, l.template, exact, rows);
    for (let i = 0; i < this.base.length; i++) {
      if (i > 0 && i % NODES_PER_STEP === 0) yield;
      if (graph.isEntered(i) && this.allocated[i] !== 1) this.base[i] = ownRounding(this.base[i]!);
    }
    this.display = yield* graph.evaluateSteps(this.base);
    for (const l of layouts) {
      if (this.exactTables.has(l.no)) continue;
      const t = l.template;
      for (const row of l.rows) {
        if (++rows.done % ROWS_PER_STEP === 0) yield;
        if (t.kind === 'hier') {
          // A hierarchy's row is its columns' nodes in a run (build.ts addHier, addRowCells).
          const base = graph.rowBaseOf(l.no, row.key);
          if (base !== undefined) for (let ci = 0; ci < t.columns.length; ci++) this.refreshAdjusted(base + ci, false);
          continue;
        }
        for (const c of t.columns) {
          const i = graph.cell(l.no, row.key, c.no);
          if (i !== undefined) this.refreshAdjusted(i, false);
        }
      }
    }
  }

  /**
   * The first sharing out of a hierarchy, every entered column at once: a row's children are
   * looked up once, not once per column, and a leaf's allocation is written where it is shared.
   * A step per ROWS_PER_STEP rows (`rows.done` counts them across the tables).
   */
  private *allocateTable(l: TableLayout, t: HierTableTemplate, exact: Float64Array, rows: { done: number }): Steps<void> {
    const total = l.rows[0];
    const entered: number[] = [];
    t.columns.forEach((c, ci) => {
      if (c.role === 'entered') entered.push(ci);
    });
    const totalBase = total && this.graph.rowBaseOf(l.no, total.key);
    if (!total?.children || totalBase === undefined || entered.length === 0) return;
    const scratch = { exacts: new Float64Array(0), shares: new Float64Array(0), withRemainder: [] as number[] };
    const targets = entered.map((ci) => roundToWanCent(exact[totalBase + ci]!));
    // Below a 类/款 row (a leaf's share is written here, without a call per leaf).
    const self = this;
    function* descend(children: readonly string[], target: ArrayLike<Fen>): Steps<void> {
      const m = children.length;
      const kids = children.map((key) => l.byKey.get(key)!);
      const bases = kids.map((k) => self.graph.rowBaseOf(l.no, k.key)!);
      if (scratch.exacts.length < m) {
        scratch.exacts = new Float64Array(m);
        scratch.shares = new Float64Array(m);
      }
      const shares = new Float64Array(m * entered.length);
      for (let k = 0; k < entered.length; k++) {
        const ci = entered[k]!;
        for (let j = 0; j < m; j++) scratch.exacts[j] = exact[bases[j]! + ci]!;
        shareOut(scratch.exacts, m, target[k]!, scratch.shares, scratch.withRemainder);
        for (let j = 0; j < m; j++) shares[j * entered.length + k] = scratch.shares[j]!;
      }
      for (let j = 0; j < m; j++) {
        if (++rows.done % ROWS_PER_STEP === 0) yield;
        const kid = kids[j]!;
        if (kid.level !== 'leaf' && kid.children) {
          yield* descend(kid.children, shares.subarray(j * entered.length, (j + 1) * entered.length));
          continue;
        }
        for (let k = 0; k < entered.length; k++) {
          const i = bases[j]! + entered[k]!;
          self.base[i] = shares[j * entered.length + k]!;
          self.allocated[i] = 1;
        }
      }
    }
    yield* descend(total.children, targets);
  }

  get adjusted(): Iterable<{ id: string; exact: Fen; shown: Fen }> {
    return this.adjustedAt.values();
  }

  /** The adjusted cells by node. */
  adjustedNodes(): IterableIterator<[number, { id: string; exact: Fen; shown: Fen }]> {
    return this.adjustedAt.entries();
  }

  /** The adjusted cell at node `i`, if it is one. */
  adjustedAtNode(i: number): { id: string; exact: Fen; shown: Fen } | undefined {
    return this.adjustedAt.get(i);
  }

  /** Nodes whose adjustment may have changed since the caller last emptied this (session findings follow them). */
  readonly touched = new Set<number>();

  get adjustedCount(): number {
    return this.adjustedAt.size;
  }

  /** After entered node `edited` changed and its exact change reached `changed` (graph nodes). */
  update(edited: number, changed: readonly number[]): number[] {
    const moved = new Set(changed);
    const touched: number[] = [];
    const setBase = (i: number, v: Fen) => {
      const d = v - this.base[i]!;
      if (d === 0) return;
      this.base[i] = v;
      for (const n of this.graph.propagate(this.display, i, d)) touched.push(n);
    };
    if (this.allocated[edited] === 1) this.reshare(this.layouts, moved, setBase);
    else setBase(edited, ownRounding(this.graph.valueAt(edited)));
    for (const n of changed) this.refreshAdjusted(n);
    for (const n of touched) this.refreshAdjusted(n);
    return touched;
  }

  /**
   * After rows were added to or removed from `tables`: the graph's nodes from `firstNew` on are
   * new, `changed` are those whose exact amount moved and `sums` those whose terms changed (a row
   * added under them or gone). Each hierarchy of those tables is shared out again from the top,
   * descending only towards those nodes (and into a sibling whose share changed), and the printed
   * amounts are summed again from there up: a removed row's share leaves its parents with it.
   */
  restructure(tables: readonly TableLayout[], changed: readonly number[], firstNew: number, sums: readonly number[]): void {
    const n = this.graph.slots;
    if (n > this.base.length) {
      this.base = grown(this.base, n);
      this.display = grown(this.display, n);
      const allocated = new Uint8Array(this.base.length);
      allocated.set(this.allocated);
      this.allocated = allocated;
    }
    const graph = this.graph;
    const fresh: number[] = [];
    for (let i = firstNew; i < n; i++) if (graph.isAlive(i)) fresh.push(i);
    // Everything above a moved node: the way down from each total to it.
    const moved = new Set<number>();
    const up = (i: number): void => {
      if (moved.has(i)) return;
      moved.add(i);
      graph.forEachDependent(i, up);
    };
    for (const list of [changed, sums, fresh]) for (const i of list) up(i);
    const rebased: number[] = [];
    const rebase = (i: number, v: Fen) => {
      if (v === this.base[i]) return;
      this.base[i] = v;
      rebased.push(i);
    };
    this.reshare(tables, moved, (i, v) => {
      this.allocated[i] = 1;
      rebase(i, v);
    });
    for (const i of fresh) if (graph.isEntered(i) && this.allocated[i] !== 1) rebase(i, ownRounding(graph.valueAt(i)));
    for (const i of rebased) this.display[i] = this.base[i]!;
    const shown = graph.settle(this.display, [...rebased, ...sums, ...fresh.filter((i) => !graph.isEntered(i))]);
    for (const i of this.adjustedAt.keys()) {
      if (graph.isAlive(i)) continue;
      this.adjustedAt.delete(i);
      this.touched.add(i);
    }
    // Cells whose printed value (new cells included) or exact amount moved; refreshing one twice is harmless.
    for (const list of [shown, changed, fresh]) for (const i of list) if (graph.isAlive(i)) this.refreshAdjusted(i);
  }

  /** Each hierarchy of `layouts` whose total moved (`moved`), per entered column, shared out again from its total down. */
  private reshare(layouts: readonly TableLayout[], moved: Set<number>, setBase: (i: number, v: Fen) => void): void {
    for (const l of layouts) {
      if (l.template.kind === 'fixed') continue;
      const total = l.rows[0];
      if (!total) continue;
      for (const c of l.template.columns) {
        if (c.role !== 'entered') continue;
        const t = this.at(l, total, c.no);
        if (moved.has(t)) this.allocate(l, c.no, total, roundToWanCent(this.graph.valueAt(t)), { moved, setBase });
      }
    }
  }

  private at(l: TableLayout, row: LayoutRow, col: string): number {
    return this.graph.cell(l.no, row.key, col)!;
  }

  /**
   * After an edit, share `target` out below `row` again (largest remainder, ties to the first row),
   * descending only into children whose exact amount moved or whose share changed; a child's
   * current share is its printed amount, the sum of its leaves' allocations.
   */
  private allocate(l: TableLayout, col: string, row: LayoutRow, target: Fen, update: { moved: Set<number>; setBase: (i: number, v: Fen) => void }): void {
    if (row.level === 'leaf' || !row.children) {
      update.setBase(this.at(l, row, col), target);
      return;
    }
    const exact = this.graph.snapshot();
    const kids = row.children.map((k) => l.byKey.get(k)!);
    const nodes = kids.map((k) => this.at(l, k, col));
    const shares = new Float64Array(kids.length);
    shareOut(nodes.map((n) => exact[n]!), kids.length, target, shares, []);
    // The children's printed amounts as they were before any of them is shared out again.
    const before = nodes.map((n) => this.display[n]!);
    kids.forEach((k, i) => {
      if (!update.moved.has(nodes[i]!) && before[i] === shares[i]) return;
      this.allocate(l, col, k, shares[i]!, update);
    });
  }

  /**
   * `touch`: note the node in `touched`. Not while the tie-out is made: a new one has its findings
   * worded afresh (session.ts `findings`), and noting every cell was a set of 1.5 million nodes
   * for a 100,000-item department.
   */
  private refreshAdjusted(i: number, touch = true): void {
    if (touch) this.touched.add(i);
    const exact = this.graph.valueAt(i);
    const shown = this.display[i]!;
    if (shown === roundToWanCent(exact)) {
      this.adjustedAt.delete(i);
      return;
    }
    const at = this.graph.cellAt(i);
    // Check nodes (unnamed) and 元 tables are never adjusted.
    if (!at || this.exactTables.has(at.table)) return;
    this.adjustedAt.set(i, { id: cellId(at.table, at.row, at.col), exact, shown });
  }
}

/** The tie-out computed afresh. */
export function tieOut(graph: CellGraph, layouts: readonly TableLayout[]): TieOut {
  return runSteps(TieOut.steps(graph, layouts));
}
