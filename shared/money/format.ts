import { type Fen, FEN_PER_WAN_CENT, roundToWanCent } from './fen';
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

/**
 * 万元 with exactly 2 decimals (rounded half away from zero), as the tables print it: `3,146.54`.
 * In integer arithmetic, without string padding and patterns: every cell of every table and every
 * figure a finding quotes is written by it (a tenth of wording 4,000 findings went to the string way).
 */
export function formatWan(fen: Fen, opts: { thousands?: boolean } = {}): string {
  // A whole number of 0.01 万元, exact: within AMOUNT_BOUND every amount is a safe integer.
  const cents = Math.abs(roundToWanCent(fen)) / FEN_PER_WAN_CENT;
  const int = Math.floor(cents / 100);
  const frac = cents - int * 100;
  const digits = opts.thousands === false ? String(int) : groupInt(int);
  return `${fen < 0 && cents > 0 ? '-' : ''}${digits}.${frac < 10 ? '0' : ''}${frac}`;
}

/** `1234567` → `1,234,567`. */
function groupInt(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let i = s.length % 3 || 3;
  let out = s.slice(0, i);
  for (; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}

/** Table cell text: blank for zero, else 2 decimals with thousands separators. */
export function formatCell(fen: Fen | undefined): string {
  return fen ? formatWan(fen) : '';
}

/** The exact amount in the entry unit, for editing and for saving in the document. */
export function formatExact(fen: Fen, unit: AmountUnit): string {
  return unit === '万元' ? exactDecimal(fen, 6, 2, false) : exactDecimal(fen, 2, 2, false);
}
