import { type Fen, roundToWanCent } from './fen';

/** 元 with exactly 2 decimals, no separators: 分 are exact, nothing to round. */
export function formatYuan(fen: Fen): string {
  const s = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** An amount as a table printed in `unit` shows it (2 decimals, no separators). */
export function formatIn(fen: Fen, unit: '万元' | '元'): string {
  return unit === '元' ? formatYuan(fen) : formatWanPlain(fen);
}

/**
 * formatWan(fen, { thousands: false }) by arithmetic on whole 0.01 万元 instead of string slicing
 * and regexes: every amount of every view and export goes through here. Amounts stay below 2^53 分.
 */
function formatWanPlain(fen: Fen): string {
  const cents = roundToWanCent(fen) / 10_000;
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${cents < 0 ? '-' : ''}${(abs - frac) / 100}.${TWO_DIGITS[frac]}`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
