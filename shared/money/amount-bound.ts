import type { Fen } from './fen';
import { type AmountUnit, type ParseResult, parseAmount } from './parse';
import { scanAmount } from './scan';

/**
 * The one bound on amounts that the schema, the importers, the engine and the narrative share,
 * so a document the loader accepts always opens, computes and prints.
 *
 * Why these numbers. The engine counts 分 in JS numbers, exact only up to
 * Number.MAX_SAFE_INTEGER ≈ 9.007e15 分. A bound per amount alone cannot keep totals exact: a
 * table of INPUT_BOUNDS.maxTableRows (120,000) rows would need every amount below ~7.5e10 分
 * (7.5 亿元; less still once a row's several cells and tables are counted), which the lines of
 * large departments exceed. So there are two bounds:
 *  - each amount: below 10^15 分 (10 万亿元): 万元 entry at most 9 integer digits and 6 decimals
 *    (to the 分), 元 entry at most 13 integer digits and 2 decimals;
 *  - the whole document: the magnitudes of the amounts the engine adds up (entered cells and
 *    printed cells of the tables) add up to less than 10^15 分.
 * Last year's figures, performance-target and procurement amounts are bound one by one only: the
 * narrative compares or adds a handful of them (never all), within MAX_SAFE_INTEGER.
 * Every cell, total and check of the engine is a signed sum in which each amount counts at most
 * once (measured on the budget-2024 template: the largest path weight from an amount to any
 * node is 1; test/unit/model/amount-bound.test.ts keeps that true), so it is at most the
 * document magnitude. Intermediate sums (a check's two sides, an edit's old and new value, the
 * narrative adding a few totals) stay within 8 × 10^15 < MAX_SAFE_INTEGER, hence exact.
 */
export const AMOUNT_BOUND = {
  /** Largest magnitude of one amount, in 分. */
  maxAmountFen: 10 ** 15 - 1,
  /** Largest sum of the magnitudes of a document's table amounts (entered and printed), in 分. */
  maxDocumentFen: 10 ** 15 - 1,
  /** Headroom the engine may use over maxDocumentFen (a check's two sides, edits, narrative sums). */
  engineHeadroom: 8,
  decimals: { 万元: 6, 元: 2 } as Record<AmountUnit, number>,
  integerDigits: { 万元: 9, 元: 13 } as Record<AmountUnit, number>,
} as const;

/** What the bound allows, in words: for messages. */
export function amountBoundText(unit: AmountUnit): string {
  return `按${unit}录入的金额最多 ${AMOUNT_BOUND.integerDigits[unit]} 位整数、${AMOUNT_BOUND.decimals[unit]} 位小数`;
}

/** The document-wide limit in words: 10^15 分 = 1,000,000,000 万元 = 10 万亿元. */
export const DOCUMENT_BOUND_TEXT = '全部金额（取绝对值）合计须小于 1,000,000,000 万元（10 万亿元）';

/** Why a 分 amount breaks the per-amount bound, or null. */
function overBound(fen: Fen, text: string, unit: AmountUnit): string | null {
  return Math.abs(fen) > AMOUNT_BOUND.maxAmountFen ? `“${text}”金额过大（${amountBoundText(unit)}）` : null;
}

/**
 * Parse what a person typed or a file holds (full-width digits, separators allowed) and keep it
 * within the bound: the parser for every amount that can end up in a document.
 */
export function parseBoundedAmount(text: string, unit: AmountUnit): ParseResult {
  const p = parseAmount(text, unit);
  if (!p.ok) return p;
  const over = overBound(p.fen, text, unit);
  return over ? { ok: false, reason: over } : p;
}

const STORED = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A stored amount (schema syntax `-?\d{1,15}(\.\d{1,6})?`) in 分, checked against the bound
 * without the normalising of `parseAmount`: this runs over every amount of a document at load.
 */
export function storedAmountFen(text: string, unit: AmountUnit): ParseResult {
  const scanned = scanAmount(text, unit);
  if (scanned !== null) return { ok: true, fen: scanned };
  const m = STORED.exec(text);
  if (!m) return { ok: false, reason: `“${text}”不是有效的金额` };
  const int = m[2]!.replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const scale = AMOUNT_BOUND.decimals[unit];
  if (frac.length > scale) return { ok: false, reason: `“${text}”小数位过多（${amountBoundText(unit)}）` };
  if (int.length > AMOUNT_BOUND.integerDigits[unit]) return { ok: false, reason: `“${text}”金额过大（${amountBoundText(unit)}）` };
  const fen = Number(int || '0') * 10 ** scale + Number(frac.padEnd(scale, '0'));
  if (fen === 0) return { ok: true, fen: 0 };
  return { ok: true, fen: m[1] ? -fen : fen };
}
