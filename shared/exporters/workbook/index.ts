import type { BudgetSession } from '../../engine/session';
import { allFindings } from '../../rules/all-findings';
import type { Finding } from '../../rules/finding';
import { printedTableView } from '../../views/table-view';
import { findingsSheet } from './findings-sheet';
import { tableSheet } from './table-sheet';
import type { WorkbookLayout } from './types';

export { FINDINGS_SHEET, sheetName } from './sheet-name';
export type { CellStyle, LayoutCell, Merge, PrintSetup, SheetLayout, WorkbookLayout } from './types';
export { AMOUNT_FORMAT, PAGE_FOOTER } from './types';

/** Properties a re-import reads back: `<dept> <year> 年部门预算公开表`. */
export function workbookTitle(department: string, year: number): string {
  return `${department} ${year} 年部门预算公开表`;
}

/** The whole workbook: the 11 tables in order, then `检查结果` (the app's findings) when there are any. */
export function workbookLayout(session: BudgetSession, findings: readonly Finding[] = allFindings(session)): WorkbookLayout {
  const doc = session.document;
  // Table by table: each view is dropped once its sheet is laid out (a 10,000-line department's
  // views all held at once cost more in garbage collection than building them).
  const sheets = session.template.tables.map((t) => tableSheet(printedTableView(session, t.no), doc.department, doc.comments));
  if (findings.length > 0) sheets.push(findingsSheet(findings, doc.department));
  return { title: workbookTitle(doc.department, doc.year), subject: `${doc.year}`, sheets };
}
