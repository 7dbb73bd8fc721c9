/**
 * Tables as data. A template says which rows a table has, which cells are entered by the
 * accountant and which are derived (always a signed sum of other cells), so a new year's
 * format or the 决算 tables are a new template, not new code.
 */

/** Where a hierarchical table's rows come from in the document. */
export type RowSetKind = 'function' | 'economic' | 'project' | 'carryover';

/** Levels of a hierarchical table, top first. `leaf` rows hold entered values. */
export type Level = 'total' | 'unit' | 'class' | 'kuan' | 'leaf';

export interface ColumnDef {
  /** The printed column number (`※ 1 2 3 …`). */
  no: string;
  name: string;
  /** Header groups printed above the name, outermost first (merged across their columns). */
  group?: string[];
  /** Entered on leaf rows, or derived as a same-row sum of `sum` columns (on every row). */
  role: 'entered' | 'derived';
  sum?: string[];
}

/** A reference to another cell: table, row key, column; signed. */
export interface Term {
  table?: number;
  row: string;
  col: string;
  coef?: 1 | -1;
}

/** Include a row-set row in this table when these cells of the same row are non-zero. */
export interface IncludeWhen {
  table: number;
  cols: string[];
}

export interface HierTableTemplate {
  kind: 'hier';
  no: number;
  title: string;
  rowSet: RowSetKind;
  levels: Level[];
  /** Header labels of the code columns (`类 款 项`), empty for tables without codes. */
  codeColumns: string[];
  codeHeader?: string;
  nameHeader: string;
  projectHeader?: string;
  columns: ColumnDef[];
  includeWhen?: IncludeWhen[];
  /** Label of the total row (default 总计; the 决算 tables print 合计). */
  totalLabel?: string;
  /** The total row prints after the rows it adds up (Putuo's 决算 表5) instead of first; the grid keeps it pinned on top. */
  totalLast?: boolean;
  /** Printed under an empty table; `{dept}` and `{year}` are filled in. */
  emptySentence?: string;
  note?: string;
  /** Unit the table prints its amounts in (default 万元). */
  printUnit?: PrintUnit;
}

export type FixedCell = { entered: true } | { terms: Term[] };

export interface FixedRowDef {
  key: string;
  label: string;
  /** Two-sided tables (1 and 4) print income and expenditure side by side. */
  side?: 'income' | 'expenditure';
  /** Indentation / 其中 level, for display. */
  depth?: number;
  /** Printed only when it has an amount, numbered 一、二… among the printed listed lines of its side. */
  listed?: boolean;
  /** A code printed before the label (the 决算 表6 lists 经济分类 codes, `30101`). */
  code?: string;
  /**
   * Two-sided tables: print this income line on the line of that expenditure row (本年收入合计
   * beside 本年支出合计); the income lines after it follow on the next lines.
   */
  pairWith?: string;
  cells: Record<string, FixedCell>;
}

export interface FixedTableTemplate {
  kind: 'fixed';
  no: number;
  title: string;
  columns: ColumnDef[];
  rows: FixedRowDef[];
  /** Header label of the line-name column(s). */
  lineHeader: string;
  /** Two-sided tables: header of the expenditure side's line column (default 支出功能分类). */
  expenditureLineHeader?: string;
  note?: string;
  /** Unit the table prints its amounts in (default 万元). */
  printUnit?: PrintUnit;
}

/** Units a table can print in: 万元 or 元, two decimals either way. */
export type PrintUnit = '万元' | '元';

export type TableTemplate = HierTableTemplate | FixedTableTemplate;

/**
 * A cross-table identity, declared as data (rule ids are in shared/rules/catalog.ts):
 * - `cells`: one cell (`at`) against a sum of cells; `op` ge/le for one-sided checks;
 * - `each-leaf`: every leaf row of `table`: its `col` equals the sum of `expected.cols` of
 *   the same row in `expected.table` (rows of one row set share keys);
 * - `by-code`: for every 项 code, `table`'s cell equals the sum of `from`'s leaves with that code;
 * - `zero-in-classes`: leaves of `table` in these economic 类 should have nothing in `col`.
 */
export type CrossCheckDecl = { rule: string; /** What the check asks, for a format's own rule `format.identity`. */ title?: string } & (
  | { kind: 'cells'; at: Required<Pick<Term, 'table' | 'row' | 'col'>>; expected: Term[]; op?: 'eq' | 'ge' | 'le' }
  | { kind: 'each-leaf'; table: number; col: string; expected: { table: number; cols: string[] } }
  | { kind: 'by-code'; table: number; col: string; from: { table: number; col: string } }
  | { kind: 'zero-in-classes'; table: number; classes: string[]; col: string }
);

/**
 * One section of 第三部分 情况说明: its heading (`{D}` department, `{Y}` year) and which
 * built-in paragraph writer fills it (shared/narrative/generate.ts lists them).
 */
export interface NarrativeSectionDecl {
  title: string;
  writer: string;
}

/** One part of the printed packet, in order; `content` says what it holds. */
export interface PartDecl {
  /** Heading, `{D}` department, `{Y}` year; the part number (第一部分 …) is added in order. */
  title: string;
  content: 'profile' | 'tables' | 'narrative' | 'glossary';
  /**
   * For a `narrative` part: which sections of `narrative` it prints (1-based, in order; all when
   * absent). A format may split its 情况说明 over several parts (Shanghai: 编制说明 before the
   * tables, 其他相关情况说明 after); sections are numbered 一、二… within their part.
   */
  sections?: number[];
  /**
   * For a `profile` part: its 二 is the 部门决算单位构成 (序号 / 单位名称 / 备注, from
   * `profile.units`) instead of 机构设置及人员情况.
   */
  composition?: boolean;
}

export interface FormatTemplate {
  id: string;
  name: string;
  /** Unit amounts are entered in when a document of this format is created (default 万元). */
  entryUnit?: '万元' | '元';
  /** Cover line under the department name, `{Y}` year, e.g. `{Y}年部门预算公开`. */
  cover?: string;
  parts?: PartDecl[];
  /** How part headings are numbered: `第一部分 …` (default) or `一、…` (Shanghai). */
  partNumbering?: 'part' | 'list';
  narrative?: NarrativeSectionDecl[];
  /** 名词解释 printed by default (a document's own glossary replaces it; the standard budget one when absent). */
  glossary?: Array<{ term: string; definition: string }>;
  tables: TableTemplate[];
  checks: CrossCheckDecl[];
}
