import { writeFileAtomic } from '../files/atomic-write';
import { BudgetSession } from '../../shared/engine/session';
import { workbookLayout } from '../../shared/exporters/workbook';
import type { BudgetDocument } from '../../shared/model';
import type { Finding } from '../../shared/rules/finding';
import { writeWorkbook } from './write-workbook';

export { readWorkbookFile } from './read-workbook';

/** The .xlsx bytes of the document's 11 tables (and findings), as the app shows them. */
export async function workbookBuffer(doc: BudgetDocument, opts: { findingsSheet?: boolean } = {}): Promise<Buffer> {
  const session = BudgetSession.open(doc);
  // The copy sent to 财政 leaves the app's own 检查结果 sheet out.
  return writeWorkbook(opts.findingsSheet === false ? workbookLayout(session, []) : workbookLayout(session));
}

/** The same for an open session whose findings the caller has (the CLI reports their count). */
export async function sessionWorkbookBuffer(session: BudgetSession, findings: readonly Finding[]): Promise<Buffer> {
  return writeWorkbook(workbookLayout(session, findings));
}

/** Written atomically: a failed export leaves any earlier file at `path` as it was. */
export async function writeWorkbookFile(doc: BudgetDocument, path: string): Promise<void> {
  await writeFileAtomic(path, await workbookBuffer(doc));
}
