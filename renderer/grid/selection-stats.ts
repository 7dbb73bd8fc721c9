import { useSyncExternalStore } from 'react';
import { type Fen, FEN_PER_WAN_CENT, formatWan, parseAmount, sum } from '../../shared/money';
import type { GridRow } from './model';
import type { Rect } from './selection';

/** 求和/计数/平均 of the amount cells of the selected block, as the status bar shows them (as in Excel). */
export interface SelectionStats {
  sum: Fen;
  count: number;
}

/** Amounts shown in the block (blank cells do not count); null unless at least two cells hold a number. */
export function selectionStats(rows: readonly GridRow[], cols: readonly string[], rect: Rect): SelectionStats | null {
  const values: Fen[] = [];
  for (let i = Math.max(rect.top, 0); i <= rect.bottom && i < rows.length; i++) {
    for (const id of cols.slice(Math.max(rect.left, 0), rect.right + 1)) {
      const text = rows[i]?.cells[id]?.text;
      if (!text) continue;
      const r = parseAmount(text, '万元');
      if (r.ok) values.push(r.fen);
    }
  }
  return values.length >= 2 ? { sum: sum(values), count: values.length } : null;
}

/** Mean in whole printed cents of 万元, rounded half away from zero, in integers (no float division of money). */
function mean(s: SelectionStats): Fen {
  const n = Math.abs(s.sum);
  const d = s.count * FEN_PER_WAN_CENT;
  let q = Math.floor(n / d);
  let r = n - q * d;
  // Correct a quotient the float division rounded across an integer.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  const cents = r * 2 >= d ? q + 1 : q;
  return (s.sum < 0 ? -cents : cents) * FEN_PER_WAN_CENT;
}

export function formatSelectionStats(s: SelectionStats): string {
  return `求和 ${formatWan(s.sum)}  计数 ${s.count}  平均 ${formatWan(mean(s))}`;
}

// The grid publishes, the status bar (elsewhere in the tree) listens.
let current: SelectionStats | null = null;
const listeners = new Set<() => void>();

export function publishSelectionStats(s: SelectionStats | null): void {
  if (s?.sum === current?.sum && s?.count === current?.count) return;
  current = s;
  for (const l of listeners) l();
}

export function useSelectionStats(): SelectionStats | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
