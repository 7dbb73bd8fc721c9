/**
 * The bench's peer: HyperFormula (a dev dependency of the bench only, GPLv3 key) holding table 2
 * of the same synthetic department as a sheet — entered amounts as values, every total as a SUM
 * formula over the rows or columns it adds — timing a one-cell edit and its recalculation.
 */
import { HyperFormula } from 'hyperformula';
import type { BudgetSession } from '../../shared/engine/session';
import { formatExact } from '../../shared/money';

const colName = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export interface PeerSheet {
  hf: HyperFormula;
  /** Sheet rows of leaf cells with an entered amount: [row, col] to edit. */
  leaves: Array<[number, number]>;
}

export function peerSheet(session: BudgetSession): PeerSheet {
  const layout = session.layout(2);
  const cols = layout.template.columns;
  const colAt = new Map(cols.map((c, i) => [c.no, i]));
  const rowAt = new Map(layout.rows.map((r, i) => [r.key, i]));
  const leaves: Array<[number, number]> = [];
  const data: Array<Array<string | number | null>> = layout.rows.map((r, ri) =>
    cols.map((c, ci) => {
      if (c.role === 'derived' && c.sum?.length) return `=SUM(${c.sum.map((s) => `${colName(colAt.get(s)!)}${ri + 1}`).join(',')})`;
      if (r.children?.length) return `=SUM(${r.children.map((k) => `${colName(ci)}${rowAt.get(k)! + 1}`).join(',')})`;
      const fen = session.value(2, r.key, c.no);
      if (fen) leaves.push([ri, ci]);
      return fen ? Number(formatExact(fen, '万元')) : null;
    }),
  );
  const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3' });
  return { hf, leaves };
}

/**
 * Times of one-cell edits (setCellContents recalculates what depends on the cell), each to an
 * amount the cell does not hold: `round` makes every call's amounts new. HyperFormula skips most of
 * the work for an amount a cell already holds (0.01 ms against 0.06–0.12 ms at 10,000 items), and
 * rounds that wrote the same amounts again made the peer look faster than it is.
 */
export function peerEditTimes(peer: PeerSheet, n: number, round: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [row, col] = peer.leaves[(i * 7919) % peer.leaves.length]!;
    const t0 = performance.now();
    peer.hf.setCellContents({ sheet: 0, row, col }, [[1000 + round + (i % 100) / 100]]);
    out.push(performance.now() - t0);
  }
  return out;
}
