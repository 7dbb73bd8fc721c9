import type { Fen } from '../../money';

/** A printed amount: `12,029,501.84`, `12029501.84`, `12029501`, `0`, `0.00`, `-5.00`. */
export const AMOUNT_TOKEN = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/** A dash printed in an amount cell for a zero: `-`, `—`, `–`, `－`, `——`. */
export const DASH_TOKEN = /^[-—–－]{1,3}$/;

/** An amount cell as printed: an amount, or a dash standing for zero (it keeps its column). */
export const isCellToken = (t: string): boolean => AMOUNT_TOKEN.test(t) || DASH_TOKEN.test(t);

/** Exponent of 分 per printed unit: 元 = 10^2 分, 万元 = 10^6 分. */
const SCALE = { 元: 2, 万元: 6 } as const;

/** Printed amount → 分, exact (string arithmetic, no binary fractions); a dash is zero. */
export function amountToFen(token: string, unit: '元' | '万元'): Fen {
  if (DASH_TOKEN.test(token)) return 0;
  const neg = token.startsWith('-');
  const [int = '0', frac = ''] = token.replace(/^-/, '').replace(/,/g, '').split('.');
  const digits = SCALE[unit];
  const fen = Number(int) * 10 ** digits + Number(frac.padEnd(digits, '0').slice(0, digits) || '0');
  return neg ? -fen : fen;
}

