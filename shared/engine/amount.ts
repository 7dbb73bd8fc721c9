import { type AmountUnit, amountToFen, type Fen } from '../money';

/** True for "0", "0.00", "-0" and the like, without parsing to a float. */
export function amountIsZero(text: string): boolean {
  return !/[1-9]/.test(text);
}

/**
 * An amount string from a validated document, in its entry unit, as 分. Read digit by digit:
 * opening a large department reads tens of thousands of them. Anything but the stored syntax
 * (`-?digits[.digits]`) goes through `amountToFen`, which says what is wrong.
 */
export function storedToFen(text: string | undefined, unit: AmountUnit): Fen {
  if (text === undefined) return 0;
  const scale = unit === '万元' ? 6 : 2;
  const n = text.length;
  let k = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = k === 1;
  let fen = 0;
  let digits = 0;
  for (; k < n; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    fen = fen * 10 + d;
    digits++;
  }
  let decimals = 0;
  if (k < n && text.charCodeAt(k) === 46) {
    // '.'
    for (k++; k < n; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      if (decimals < scale) {
        fen = fen * 10 + d;
        decimals++;
      } else if (d !== 0) return amountToFen(text, unit); // finer than the unit allows
    }
  }
  if (k < n || digits === 0) return amountToFen(text, unit);
  for (; decimals < scale; decimals++) fen *= 10;
  if (!Number.isSafeInteger(fen)) return amountToFen(text, unit);
  return negative && fen !== 0 ? -fen : fen;
}
