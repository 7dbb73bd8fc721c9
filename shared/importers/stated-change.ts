import type { BudgetSession } from '../engine/session';
import { type Fen, parseBoundedAmount } from '../money';
import { Figures } from '../narrative/figures';

/**
 * A figure as an explanation text states it, in 万元 (`1,202.95`, `4,614`); group 1. Bounded, so
 * no regex rescans a long run of digits from every position in it.
 */
export const STATED_WAN = '(\\d[\\d,]{0,24}(?:\\.\\d{1,8})?)';

/** 万元 as the text states it → fen; undefined when it is not an amount. */
export function wanFen(text: string | undefined): Fen | undefined {
  if (text === undefined) return undefined;
  const p = parseBoundedAmount(text.replace(/,/g, ''), '万元');
  return p.ok ? p.fen : undefined;
}

/**
 * Last year's figure from this year's (`current`, the cell as the text states it) and the change
 * the text states (增加/增长 X, 减少/下降 X, or 持平): this year's less the change, so the change
 * prints again exactly as published.
 */
export function priorOf(current: Fen, word: string, change: string | undefined): Fen | undefined {
  if (word === '持平') return current;
  const d = wanFen(change);
  if (d === undefined) return undefined;
  return current - (word === '减少' || word === '下降' ? -d : d);
}

/** A text stated as an input's value, unless it is a template's placeholder (XX, ××, ……, 待填写) or empty. */
export function statedText(text: string | undefined): string | undefined {
  return text && !/[XＸ]{2,}|×{2,}|…|待填写|\{[^}]*\}/.test(text) ? text : undefined;
}

/** A table cell's figure as the explanation text states it (what the table prints; 元 rounded to 0.01 万元). */
export function statedCell(session: BudgetSession): (table: number, row: string, col: string) => Fen {
  const figures = new Figures(session);
  return (table, row, col) => figures.cell(table, row, col).fen;
}
