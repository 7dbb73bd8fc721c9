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
  display: Fen[];
  /** Cells whose printed value differs from rounding their exact value on its own. */
  adjusted: Array<{ id: string; exact: Fen; shown: Fen }>;
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

export function tieOut(graph: CellGraph, layouts: readonly TableLayout[]): TieOutResult {
  const exact = graph.snapshot();
  const base = exact.slice();
  for (const l of layouts) {
    const t = l.template;
    if (t.kind === 'fixed') continue;
    for (const c of t.columns) {
      if (c.role !== 'entered') continue;
      const at = (row: LayoutRow) => graph.indexOf(cellId(t.no, row.key, c.no))!;
      const allocate = (row: LayoutRow, target: Fen) => {
        if (row.level === 'leaf' || !row.children) {
          base[at(row)] = target;
          return;
        }
        const kids = row.children.map((k) => l.byKey.get(k)!);
        const exacts = kids.map((k) => exact[at(k)]!);
        const floors = exacts.map(floorCent);
        let left = Math.round((target - floors.reduce((a, b) => a + b, 0)) / FEN_PER_WAN_CENT);
        const order = kids.map((_, i) => i).sort((a, b) => exacts[b]! - floors[b]! - (exacts[a]! - floors[a]!) || a - b);
        const shares = floors.slice();
        for (const i of order) {
          if (left <= 0) break;
          shares[i] = shares[i]! + FEN_PER_WAN_CENT;
          left--;
        }
        kids.forEach((k, i) => {
          allocate(k, shares[i]!);
        });
      };
      const total = l.rows[0];
      if (total) allocate(total, roundToWanCent(exact[at(total)]!));
    }
  }
  // Fixed tables' entered cells: half-up on their own.
  for (let i = 0; i < base.length; i++) {
    if (graph.isEntered(i) && base[i]! % FEN_PER_WAN_CENT !== 0) base[i] = roundToWanCent(base[i]!);
  }
  const display = graph.evaluate(base);
  const adjusted: TieOutResult['adjusted'] = [];
  for (const l of layouts) {
    // A table printed in 元 shows exact amounts: nothing of it is adjusted.
    if (l.template.printUnit === '元') continue;
    for (const row of l.rows) {
      for (const c of l.template.columns) {
        const i = graph.indexOf(cellId(l.no, row.key, c.no));
        if (i === undefined) continue;
        if (display[i] !== roundToWanCent(exact[i]!)) adjusted.push({ id: graph.idAt(i), exact: exact[i]!, shown: display[i]! });
      }
    }
  }
  return { display, adjusted };
}
