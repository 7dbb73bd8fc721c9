import type { RuleId, Severity } from './catalog';

/** One problem, where it is, and what was expected. Amounts are 万元 strings with 2 decimals. */
export interface Finding {
  /** Stable within a document: rule, table, row, column. */
  id: string;
  rule: RuleId;
  severity: Severity;
  table: number;
  /** Row key in the table layout (code, `total`, a line key…), for jumping to the cell. */
  rowKey: string;
  /** Row as people read it: code and name. */
  row: string;
  column: string;
  expected: string;
  actual: string;
  message: string;
  /** Every place of the same root cause, when one finding stands for several (see grouping.ts). */
  places?: FindingPlace[];
}

/** One place a grouped finding covers: a table cell, or a section of the text (table 0). */
export interface FindingPlace {
  rule: RuleId;
  table: number;
  /** Row key in the table layout, for going to the cell ('' for a place in the text). */
  rowKey: string;
  row: string;
  column: string;
  expected: string;
  actual: string;
}
