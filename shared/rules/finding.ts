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
}
