import type { Fen } from './fen';
import type { AmountUnit } from './parse';

/**
 * Plain amount text (`-?digits[.digits]`, nothing else) read digit by digit into 分 at `scale`
 * decimals (6 for 万元, 2 for 元), or null when the text is anything else, has more than
 * `integerDigits` digits before the point (leading zeros aside) or a non-zero digit beyond
 * `scale`. The parsers' first try: amounts are read on every open and every edit, and this makes
 * no strings and runs no regex; null sends the text to the full parser, which says what is wrong.
 * `integerDigits + scale` ≤ 15 keeps the result an exact integer.
 */
export function scanFen(text: string, scale: number, integerDigits: number): Fen | null {
  const n = text.length;
  let k = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = k === 1;
  let fen = 0;
  let digits = 0;
  let significant = 0;
  for (; k < n; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    fen = fen * 10 + d;
    digits++;
    if (fen !== 0) significant++;
  }
  if (digits === 0 || significant > integerDigits) return null;
  let decimals = 0;
  if (k < n) {
    if (text.charCodeAt(k) !== 46 || k === n - 1) return null; // '.' with at least one digit after it
    for (k++; k < n; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return null;
      if (decimals < scale) {
        fen = fen * 10 + d;
        decimals++;
      } else if (d !== 0) return null; // finer than the unit allows
    }
  }
  for (; decimals < scale; decimals++) fen *= 10;
  return negative && fen !== 0 ? -fen : fen;
}

/**
 * `scanFen` at a unit's bound (AMOUNT_BOUND: 6 decimals and 9 integer digits in 万元, 2 and 13 in
 * 元): what every parser tries first.
 */
export function scanAmount(text: string, unit: AmountUnit): Fen | null {
  return unit === '万元' ? scanFen(text, 6, 9) : scanFen(text, 2, 13);
}
