import { AMOUNT_BOUND } from '../../money/amount-bound';

/**
 * The smallest pieces of a packet's text: printed amounts (万元 with 2 decimals, thousands
 * separators allowed) and code parts. Amounts are kept as integer hundredths of 万元 ("cents")
 * while reading, because every printed figure has exactly two decimals.
 */

/** A printed amount: `1,234.56`, `0.20`, `-3.00`; never a bare integer (that is a code, count or page). */
export const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;

/** Largest amount read: 999,999,999.99 万元, the app's one amount bound (money/amount-bound.ts). */
const MAX_INTEGER_DIGITS = AMOUNT_BOUND.integerDigits.万元;

export function isAmount(token: string): boolean {
  return AMOUNT.test(token) && token.replace(/[-,]/g, '').indexOf('.') <= MAX_INTEGER_DIGITS;
}

/** An integer in a numbered column (`15` for 15.00), within the same bound. */
export function isIntegerAmount(token: string): boolean {
  return /^-?\d{1,3}(,\d{3})*$|^-?\d+$/.test(token) && token.replace(/[-,]/g, '').length <= MAX_INTEGER_DIGITS;
}

/** `3,146.54` → 314654 (hundredths of 万元). The caller has checked `isAmount`. */
export function amountCents(token: string): number {
  const neg = token.startsWith('-');
  const [i = '0', f = '00'] = token.replace(/[-,]/g, '').split('.');
  const v = Number(i) * 100 + Number(f.slice(0, 2).padEnd(2, '0'));
  return neg ? -v : v;
}

/** Hundredths of 万元 → the document's amount text in 万元 (`1234.50`). */
export function centsText(cents: number): string {
  const neg = cents < 0;
  const a = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A free-text number as written in the narrative: `1,234.5`, `15`, `0.00`. */
export const LOOSE_NUMBER = /-?\d[\d,]*(?:\.\d+)?/;

/** A narrative number in hundredths of 万元, rounding half up beyond 2 decimals; null when unreadable. */
export function looseCents(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  const int = Number(m[2]);
  if (m[2]!.length > MAX_INTEGER_DIGITS || !Number.isSafeInteger(int * 100)) return null;
  const frac = (m[3] ?? '').padEnd(3, '0');
  let cents = int * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1;
  return m[1] ? -cents : cents;
}

export const isClassCode = (t: string): boolean => /^\d{3}$/.test(t);
export const isPartCode = (t: string): boolean => /^\d{2}$/.test(t);
