/**
 * The generated explanation (第三部分) as structured paragraphs. Every number is a token that
 * says where it came from, so the UI can show the source on hover and the override check can
 * compare a hand-written paragraph with the generated one.
 */

/** Where a number comes from. */
export type Source =
  /** A table cell as printed: `table|row|col`. */
  | { kind: 'cell'; cell: string }
  /** Last year's budget figure: a path in `doc.priorYear`, e.g. `income.gb`, `gbItems.2010350`. */
  | { kind: 'prior'; field: string; /** What last year's figure is when not 上年预算数 (a 决算 states 上年决算数). */ name?: string }
  /** 部门决算: the year's 年初预算, a path in `doc.initialBudget`, e.g. `totals.gb`, `gbItems.2010601`. */
  | { kind: 'budget'; field: string }
  /** A figure the accountant entered in a form: a path in `doc.narrative`, e.g. `procurement.goods`. */
  | { kind: 'input'; field: string }
  /** A sum of other figures (e.g. 政府采购 = 货物 + 工程 + 服务). */
  | { kind: 'sum'; of: Source[] }
  /** this year − last year. */
  | { kind: 'change'; current: Source; previous: Source }
  /** (this year − last year) / last year; 100.00% when last year is 0 and this year is not. */
  | { kind: 'rate'; current: Source; previous: Source }
  /** part / whole; `largest-remainder` when all parts are listed and must add up to 100.00%. */
  | { kind: 'share'; part: Source; whole: Source; method: 'half-up' | 'largest-remainder' }
  /** A count of rows (projects, performance tables). */
  | { kind: 'count'; what: string };

export type NumberKind = 'amount' | 'percent' | 'count';

export interface NumberToken {
  kind: NumberKind;
  /** As printed: `3,146.54`, `18.53` (the unit follows in the text). */
  text: string;
  /** Amounts in 分; percentages in basis points (1.00% = 100); counts as is. Signed. */
  value: number;
  source: Source;
  /** What the number is, in Chinese, for the hover/tooltip. */
  label: string;
}

export type Run = string | NumberToken;

/** `title`: a centred heading of one block within a section (a project's 项目经费情况说明). */
export type ParagraphRole = 'heading' | 'title' | 'text' | 'item';

/** Roles printed as a heading line (never rewritten by hand). */
export const isHeadingRole = (role: ParagraphRole): boolean => role === 'heading' || role === 'title';

export interface Paragraph {
  /** Stable id: the key of `narrative.overrides` (e.g. `s2.income.gb`). */
  id: string;
  role: ParagraphRole;
  runs: Run[];
  /** The accountant replaced this paragraph by hand (`narrative.overrides[id]`). */
  overridden?: boolean;
  /** The generated runs an override replaced, kept for the number check. */
  generated?: Run[];
  /** Performance tables are printed right after this paragraph. */
  performanceTables?: boolean;
}

export interface Section {
  /** `s1` … `s12`. */
  id: string;
  /** Chinese numeral as printed: 一 … 十二. */
  numeral: string;
  title: string;
  paragraphs: Paragraph[];
}

export interface Narrative {
  department: string;
  year: number;
  sections: Section[];
}

export function isToken(r: Run): r is NumberToken {
  return typeof r !== 'string';
}

export function paragraphText(runs: readonly Run[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}
