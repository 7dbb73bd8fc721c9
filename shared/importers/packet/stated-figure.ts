/**
 * A figure the explanation text states and the table cell it reports, shared by the narrative
 * audits of every format (Shanghai budgets, 部门决算).
 */

/** A stated amount: digits with Chinese or ASCII thousands commas and optional decimals (group 1). */
export const STATED_AMOUNT = '(\\d[\\d,，]*(?:\\.\\d+)?)';

export interface StatedFigure {
  /** What the text names, for the finding's place. */
  what: string;
  /** Finds the figure; group 1 is the amount. */
  re: RegExp;
  table: number;
  row: string;
  col: string;
}
