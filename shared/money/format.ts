import { type Fen, roundToWanCent } from './fen';
import type { AmountUnit } from './parse';

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Exact decimal string of `fen` expressed in a unit with `scaleDigits` (分 per unit = 10^scaleDigits). */
function exactDecimal(fen: Fen, scaleDigits: number, minDecimals: number, thousands: boolean): string {
  const negative = fen < 0;
  const s = String(Math.abs(fen)).padStart(scaleDigits + 1, '0');
  const intPart = s.slice(0, s.length - scaleDigits);
  let frac = s.slice(s.length - scaleDigits).replace(/0+$/, '');
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, '0');
  const int = thousands ? groupThousands(intPart) : intPart;
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** 万元 with exactly 2 decimals (rounded half away from zero), as the tables print it: `3,146.54`. */
export function formatWan(fen: Fen, opts: { thousands?: boolean } = {}): string {
  return exactDecimal(roundToWanCent(fen), 6, 2, opts.thousands ?? true).replace(/(\.\d{2})\d*$/, '$1');
}

/** Table cell text: blank for zero, else 2 decimals with thousands separators. */
export function formatCell(fen: Fen | undefined): string {
  return fen ? formatWan(fen) : '';
}

/** The exact amount in the entry unit, for editing and for saving in the document. */
export function formatExact(fen: Fen, unit: AmountUnit): string {
  return unit === '万元' ? exactDecimal(fen, 6, 2, false) : exactDecimal(fen, 2, 2, false);
}
