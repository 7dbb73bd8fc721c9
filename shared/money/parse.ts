import type { Fen } from './fen';
import { scanAmount } from './scan';

export type AmountUnit = '万元' | '元';

export type ParseResult = { ok: true; fen: Fen } | { ok: false; reason: string };

const FULL_WIDTH_DIGITS = /[０-９]/g;

/** Normalise what people type or paste: full-width digits and signs, thousands separators, spaces. */
export function normaliseNumberText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, '.')
    .replace(/[－—−]/g, '-')
    .replace(/[，,]/g, '')
    .replace(/[\s\u3000]/g, '');
}

const NUMBER = /^(-)?(\d+)(?:\.(\d*))?$|^(-)?\.(\d+)$/;
const PLAIN = /^-?[0-9]*\.?[0-9]*$/;

/**
 * Parse an amount typed in `unit` into 分 without ever going through a float.
 * Empty text is zero (an empty cell means zero in the packets).
 */
export function parseAmount(text: string, unit: AmountUnit = '万元'): ParseResult {
  const scanned = scanAmount(text, unit);
  if (scanned !== null) return { ok: true, fen: scanned };
  // Plain digits (what is typed most of the time) need no normalising.
  const t = PLAIN.test(text) ? text : normaliseNumberText(text);
  if (t === '' || t === '-') return { ok: true, fen: 0 };
  const m = NUMBER.exec(t);
  if (!m) return { ok: false, reason: `“${text}”不是有效的金额` };
  const negative = Boolean(m[1] ?? m[4]);
  const intPart = m[2] ?? '0';
  const fracPart = m[3] ?? m[5] ?? '';
  const scaleDigits = unit === '万元' ? 6 : 2; // 分 per unit = 10^scaleDigits
  const frac = fracPart.replace(/0+$/, '');
  if (frac.length > scaleDigits) {
    return {
      ok: false,
      reason: unit === '万元' ? `“${text}”小数位过多（万元最多 6 位小数，即精确到分）` : `“${text}”小数位过多（元最多 2 位小数）`,
    };
  }
  const digits = (intPart + frac.padEnd(scaleDigits, '0')).replace(/^0+(?=\d)/, '');
  // Anything exact in the engine's integers parses (a printed total may reach 1,000,000,000.00
  // 万元); what a document may hold is the narrower AMOUNT_BOUND (amount-bound.ts).
  const fen = digits.length > 16 ? Number.NaN : Number(digits) * (negative ? -1 : 1);
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: `“${text}”金额过大` };
  return { ok: true, fen: fen === 0 ? 0 : fen };
}

/** Parse or throw: for trusted data such as a validated document. */
export function amountToFen(text: string, unit: AmountUnit = '万元'): Fen {
  const r = parseAmount(text, unit);
  if (!r.ok) throw new Error(r.reason);
  return r.fen;
}
