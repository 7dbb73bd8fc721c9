import Decimal from 'decimal.js';
import { type AmountUnit, normaliseNumberText } from '../../shared/money';

/** Longest formula accepted: keeps the recursive parser's depth and work small. */
export const MAX_FORMULA_CHARS = 200;

export type FormulaResult = { ok: true; text: string } | { ok: false; reason: string };

/** Text typed into a cell that starts with = (or full-width ＝) is a formula. */
export function isFormula(text: string): boolean {
  return /^\s*[=＝]/.test(text);
}

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/**
 * Evaluate `=1+2`, `=10.5*2`, `=(100-1)/3` exactly in decimal (no eval, no binary floats) and give the
 * amount text in the entry unit, rounded half away from zero to 分.
 */
export function evaluateFormula(raw: string, unit: AmountUnit): FormulaResult {
  if (raw.length > MAX_FORMULA_CHARS) return { ok: false, reason: `公式过长（最多 ${MAX_FORMULA_CHARS} 个字符）` };
  const s = normaliseNumberText(
    raw
      .replace(/＝/g, '=')
      .replace(/＋/g, '+')
      .replace(/[＊×]/g, '*')
      .replace(/[／÷]/g, '/')
      .replace(/（/g, '(')
      .replace(/）/g, ')'),
  ).replace(/^=/, '');
  let i = 0;
  const fail = (why: string): never => {
    throw new FormulaError(why);
  };
  const number = (): Decimal => {
    const m = /^\d+(?:\.\d*)?|^\.\d+/.exec(s.slice(i));
    if (!m) return fail(i < s.length ? `“${s[i]}”处应为数字` : '公式不完整');
    i += m[0].length;
    return new D(m[0]);
  };
  const factor = (): Decimal => {
    if (s[i] === '-' || s[i] === '+') {
      const neg = s[i++] === '-';
      const v = factor();
      return neg ? v.neg() : v;
    }
    if (s[i] === '(') {
      i++;
      const v = expr();
      if (s[i] !== ')') fail('括号不配对');
      i++;
      return v;
    }
    return number();
  };
  const term = (): Decimal => {
    let v = factor();
    while (s[i] === '*' || s[i] === '/') {
      const op = s[i++];
      const w = factor();
      if (op === '/' && w.isZero()) fail('除数为零');
      v = op === '*' ? v.mul(w) : v.div(w);
    }
    return v;
  };
  const expr = (): Decimal => {
    let v = term();
    while (s[i] === '+' || s[i] === '-') {
      const op = s[i++];
      const w = term();
      v = op === '+' ? v.add(w) : v.sub(w);
    }
    return v;
  };
  try {
    if (s === '') fail('公式为空');
    const v = expr();
    if (i < s.length) fail(s[i] === ')' ? '括号不配对' : `“${s[i]}”无法识别`);
    return { ok: true, text: v.toFixed(unit === '万元' ? 6 : 2, Decimal.ROUND_HALF_UP) };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, reason: e.message };
    throw e;
  }
}

class FormulaError extends Error {}
