import { writeFileAtomic } from '../files/atomic-write';
import { BudgetSession } from '../../shared/engine/session';
import { type WorkbookOptions, workbookLayout } from '../../shared/exporters/workbook';
import { allFindings } from '../../shared/rules/all-findings';
import type { BudgetDocument } from '../../shared/model';
import type { Finding } from '../../shared/rules/finding';
import { writeWorkbook } from './write-workbook';

export { readWorkbookFile } from './read-workbook';

/**
 * The .xlsx bytes of the document's 11 tables (and findings), as the app shows them; `formulas`:
 * totals as SUM formulas; `tables`: only these tables (导出当前表, without the findings sheet).
 */
export async function workbookBuffer(doc: BudgetDocument, opts: { findingsSheet?: boolean } & WorkbookOptions = {}): Promise<Buffer> {
  const session = BudgetSession.open(doc);
  const { findingsSheet, ...layout } = opts;
  // The copy sent to 财政 leaves the app's own 检查结果 sheet out.
  const findings = findingsSheet === false || opts.tables ? [] : allFindings(session);
  return writeWorkbook(workbookLayout(session, findings, layout));
}

/** The same for an open session whose findings the caller has (the CLI reports their count). */
export async function sessionWorkbookBuffer(session: BudgetSession, findings: readonly Finding[], opts: WorkbookOptions = {}): Promise<Buffer> {
  return writeWorkbook(workbookLayout(session, findings, opts));
}

/** Written atomically: a failed export leaves any earlier file at `path` as it was. */
export async function writeWorkbookFile(doc: BudgetDocument, path: string): Promise<void> {
  await writeFileAtomic(path, await workbookBuffer(doc));
}
