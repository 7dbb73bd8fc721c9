import { type AmountUnit, amountToFen, type Fen } from '../money';
import { scanAmount } from '../money/scan';

/** True for "0", "0.00", "-0" and the like, without parsing to a float. */
export function amountIsZero(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 49 && c <= 57) return false; // '1'…'9'
  }
  return true;
}

/**
 * An amount string from a validated document, in its entry unit, as 分: opening a large
 * department reads tens of thousands of them, digit by digit (`scanAmount`); anything else goes
 * through `amountToFen`, which says what is wrong.
 */
export function storedToFen(text: string | undefined, unit: AmountUnit): Fen {
  if (text === undefined) return 0;
  return scanAmount(text, unit) ?? amountToFen(text, unit);
}
