import { basename } from 'node:path';
import type { PacketAudit } from '../../shared/audit/packet-audit';
import { BudgetSession } from '../../shared/engine/session';
import { checkFindings } from '../../shared/rules/all-findings';
import { allTableViews } from '../../shared/views/table-view';
import { readInputDocument } from '../cli/inputs';
import '../import/register-input';
import '../xlsx/register-input';

const DEFAULT_FORMAT = 'xinjiang-budget-2024';

/**
 * Import one input (packet text or PDF, workbook, saved document: whatever `check` reads) and
 * check it. An input that cannot be read is a result with its reason, never an exception.
 */
export async function auditOne(file: string): Promise<PacketAudit> {
  const t0 = performance.now();
  try {
    const r = await readInputDocument(file);
    const session = BudgetSession.open(r.doc);
    const findings = checkFindings(session);
    const doc = r.doc as typeof r.doc & { template?: string };
    const errors = findings.filter((f) => f.severity === 'error').length;
    return {
      file,
      ok: true,
      department: doc.department,
      year: doc.year,
      format: (r as { format?: string }).format ?? doc.template ?? DEFAULT_FORMAT,
      tables: tablesFound(session),
      errors,
      warnings: findings.length - errors,
      unreadable: r.warnings,
      findings,
      ms: performance.now() - t0,
    };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { file, ok: false, error: error || `无法读取 ${basename(file)}`, errors: 0, warnings: 0, unreadable: [], findings: [], ms: performance.now() - t0 };
  }
}

/**
 * Tables the packet printed (the Xinjiang importer records each one's empty-table sentence), else
 * the format's tables that hold an amount as the tables print them.
 */
function tablesFound(session: BudgetSession): number {
  const printed = Object.keys(session.document.narrative.printed).filter((k) => /^empty\.t\d+$/.test(k)).length;
  if (printed > 0) return printed;
  return allTableViews(session, { print: true }).filter((v) => !v.empty).length;
}
