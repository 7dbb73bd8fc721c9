import { type Fen, FEN_PER_WAN_CENT, roundToWanCent } from '../money';
import { cellId } from './cell-id';
import type { CellGraph } from './graph';
import type { LayoutRow, TableLayout } from './layout';

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

/** How many entered cells are finer than 0.01 万元 (a tie-out is needed while any are). */
export function countFinerThanCent(graph: CellGraph): number {
  const v = graph.snapshot();
  let n = 0;
  for (let i = 0; i < v.length; i++) if (graph.isEntered(i) && v[i]! % FEN_PER_WAN_CENT !== 0) n++;
  return n;
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
  private readonly base: Float64Array;
  display: Float64Array;
  private readonly adjustedAt = new Map<number, { id: string; exact: Fen; shown: Fen }>();
  /** Entered cells the hierarchies allocate (the others round on their own). */
  private readonly allocated = new Set<number>();
  /** Tables printed in 元: nothing of them is adjusted. */
  private readonly exactTables: Set<number>;

  constructor(
    private readonly graph: CellGraph,
    private readonly layouts: readonly TableLayout[],
  ) {
    const exact = graph.snapshot();
    this.base = exact.slice();
    this.exactTables = new Set(layouts.filter((l) => l.template.printUnit === '元').map((l) => l.no));
    for (const [l, col] of this.hierColumns()) {
      const total = l.rows[0];
      if (total) this.allocate(l, col, total, roundToWanCent(exact[this.at(l, total, col)]!), null);
    }
    for (let i = 0; i < this.base.length; i++) {
      if (graph.isEntered(i) && !this.allocated.has(i)) this.base[i] = ownRounding(this.base[i]!);
    }
    this.display = graph.evaluate(this.base);
    for (const l of layouts) {
      for (const row of l.rows) {
        for (const c of l.template.columns) {
          const i = graph.cell(l.no, row.key, c.no);
          if (i !== undefined) this.refreshAdjusted(i);
        }
      }
    }
  }

  get adjusted(): Iterable<{ id: string; exact: Fen; shown: Fen }> {
    return this.adjustedAt.values();
  }

  get adjustedCount(): number {
    return this.adjustedAt.size;
  }

  /** After entered node `edited` changed and its exact change reached `changed` (graph nodes). */
  update(edited: number, changed: readonly number[]): void {
    const moved = new Set(changed);
    const touched: number[] = [];
    const setBase = (i: number, v: Fen) => {
      const d = v - this.base[i]!;
      if (d === 0) return;
      this.base[i] = v;
      for (const n of this.graph.propagate(this.display, i, d)) touched.push(n);
    };
    if (this.allocated.has(edited)) {
      for (const [l, col] of this.hierColumns()) {
        const total = l.rows[0];
        if (!total) continue;
        const t = this.at(l, total, col);
        if (moved.has(t)) this.allocate(l, col, total, roundToWanCent(this.graph.valueAt(t)), { moved, setBase });
      }
    } else setBase(edited, ownRounding(this.graph.valueAt(edited)));
    for (const n of changed) this.refreshAdjusted(n);
    for (const n of touched) this.refreshAdjusted(n);
  }

  private *hierColumns(): Generator<[TableLayout, string]> {
    for (const l of this.layouts) {
      if (l.template.kind === 'fixed') continue;
      for (const c of l.template.columns) if (c.role === 'entered') yield [l, c.no];
    }
  }

  private at(l: TableLayout, row: LayoutRow, col: string): number {
    return this.graph.cell(l.no, row.key, col)!;
  }

  /**
   * Share `target` out below `row` (largest remainder, ties to the first row). On an update,
   * descends only into children whose exact amount moved or whose share changed; a child's
   * current share is its printed amount, the sum of its leaves' allocations.
   */
  private allocate(l: TableLayout, col: string, row: LayoutRow, target: Fen, update: { moved: Set<number>; setBase: (i: number, v: Fen) => void } | null): void {
    if (row.level === 'leaf' || !row.children) {
      const i = this.at(l, row, col);
      if (update) update.setBase(i, target);
      else {
        this.base[i] = target;
        this.allocated.add(i);
      }
      return;
    }
    const exact = this.graph.snapshot();
    const kids = row.children.map((k) => l.byKey.get(k)!);
    const nodes = kids.map((k) => this.at(l, k, col));
    const exacts = nodes.map((n) => exact[n]!);
    const floors = exacts.map(floorCent);
    let left = Math.round((target - floors.reduce((a, b) => a + b, 0)) / FEN_PER_WAN_CENT);
    const order = kids.map((_, i) => i).sort((a, b) => exacts[b]! - floors[b]! - (exacts[a]! - floors[a]!) || a - b);
    const shares = floors.slice();
    for (const i of order) {
      if (left <= 0) break;
      shares[i] = shares[i]! + FEN_PER_WAN_CENT;
      left--;
    }
    const before = update ? nodes.map((n) => this.display[n]!) : null;
    kids.forEach((k, i) => {
      if (update && !update.moved.has(nodes[i]!) && before![i] === shares[i]) return;
      this.allocate(l, col, k, shares[i]!, update);
    });
  }

  private refreshAdjusted(i: number): void {
    const at = this.graph.cellAt(i);
    // Check nodes (unnamed) and 元 tables are never adjusted.
    if (!at || this.exactTables.has(at.table)) return;
    const exact = this.graph.valueAt(i);
    const shown = this.display[i]!;
    if (shown !== roundToWanCent(exact)) this.adjustedAt.set(i, { id: cellId(at.table, at.row, at.col), exact, shown });
    else this.adjustedAt.delete(i);
  }
}

/** The tie-out computed afresh. */
export function tieOut(graph: CellGraph, layouts: readonly TableLayout[]): TieOut {
  return new TieOut(graph, layouts);
}
