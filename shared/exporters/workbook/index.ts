import type { BudgetSession } from '../../engine/session';
import { allFindings } from '../../rules/all-findings';
import type { Finding } from '../../rules/finding';
import { printedTableView } from '../../views/table-view';
import { findingsSheet } from './findings-sheet';
import { addFormulas } from './formulas';
import { type CellPlaces, tableSheet } from './table-sheet';
import type { SheetLayout, WorkbookLayout } from './types';

export { FINDINGS_SHEET, sheetName } from './sheet-name';
export type { CellStyle, LayoutCell, Merge, PrintSetup, SheetLayout, WorkbookLayout } from './types';
export { AMOUNT_FORMAT, PAGE_FOOTER } from './types';

/** Properties a re-import reads back: `<dept> <year> 年部门预算公开表`. */
export function workbookTitle(department: string, year: number): string {
  return `${department} ${year} 年部门预算公开表`;
}

export interface WorkbookOptions {
  /** Totals and subtotals as SUM formulas with cached results (formulas.ts); values only by default. */
  formulas?: boolean;
  /** Only these tables (导出当前表); all of them by default. */
  tables?: readonly number[];
}

/** The whole workbook: the 11 tables in order, then `检查结果` (the app's findings) when there are any. */
export function workbookLayout(session: BudgetSession, findings: readonly Finding[] = allFindings(session), opts: WorkbookOptions = {}): WorkbookLayout {
  const doc = session.document;
  // Table by table: each view is dropped once its sheet is laid out (a 10,000-line department's
  // views all held at once cost more in garbage collection than building them).
  const nos = session.template.tables.map((t) => t.no).filter((no) => !opts.tables || opts.tables.includes(no));
  let sheets: SheetLayout[];
  if (opts.formulas) {
    // Where each amount went, so formulas can name their terms (the plain export skips this work).
    const placed = nos.map((no) => {
      const places: CellPlaces = new Map();
      return { table: no, sheet: tableSheet(printedTableView(session, no), doc.department, doc.comments, places), places };
    });
    addFormulas(session, placed);
    sheets = placed.map((p) => p.sheet);
  } else sheets = nos.map((no) => tableSheet(printedTableView(session, no), doc.department, doc.comments));
  if (findings.length > 0) sheets.push(findingsSheet(findings, doc.department));
  return { title: workbookTitle(doc.department, doc.year), subject: `${doc.year}`, sheets };
}
