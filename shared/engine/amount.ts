import { type AmountUnit, amountToFen, type Fen } from '../money';

/** True for "0", "0.00", "-0" and the like, without parsing to a float. */
export function amountIsZero(text: string): boolean {
  return !/[1-9]/.test(text);
}

/** An amount string from a validated document, in its entry unit, as 分. */
export function storedToFen(text: string | undefined, unit: AmountUnit): Fen {
  return text === undefined ? 0 : amountToFen(text, unit);
}
