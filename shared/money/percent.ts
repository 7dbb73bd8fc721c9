import Decimal from 'decimal.js';
import type { Fen } from './fen';

/** part / whole as a percentage with 2 decimals, half-up; `null` when whole is 0. */
export function sharePercent(part: Fen, whole: Fen): Decimal | null {
  if (whole === 0) return null;
  return new Decimal(part).times(100).dividedBy(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Change rate (this − last) / last in %, 2 decimals; 100.00% when last is 0 and this is not (packet convention). */
export function changePercent(current: Fen, previous: Fen): Decimal {
  if (previous === 0) return new Decimal(current === 0 ? 0 : 100);
  return new Decimal(current - previous).times(100).dividedBy(Math.abs(previous)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function formatPercent(p: Decimal | null): string {
  return `${(p ?? new Decimal(0)).toFixed(2)}%`;
}
