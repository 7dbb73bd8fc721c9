import type { BudgetSession } from '../engine/session';
import { allTableViews } from './table-view';

/** The `budget-desk tables --json` shape (a contract other tools rely on). */
export interface TablesJsonRow {
  code?: string;
  name: string;
  project?: string;
  values: Record<string, string>;
}

export interface TablesJsonTable {
  table: number;
  title: string;
  columns: Array<{ no: string; name: string }>;
  rows: TablesJsonRow[];
}

export function tablesJson(session: BudgetSession): TablesJsonTable[] {
  return allTableViews(session, { print: true }).map((v) => ({
    table: v.no,
    title: v.title,
    columns: v.columns.map((c) => ({ no: c.no, name: c.name })),
    // An empty 为空表 table prints its header only; fixed tables always list all their lines.
    rows: (v.empty && v.template.kind === 'hier' ? [] : v.rows).map((r) => {
      const values: Record<string, string> = {};
      for (const [col, c] of Object.entries(r.cells)) if (c.text) values[col] = c.text;
      const row: TablesJsonRow = { name: r.name, values };
      // Lines of fixed tables have no code, except where the format prints one (决算 表6); 项 rows of table 7 carry the project.
      if (r.code) row.code = r.code;
      if (r.project) row.project = r.project;
      return row;
    }),
  }));
}
