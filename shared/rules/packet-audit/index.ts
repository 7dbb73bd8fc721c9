import type { BudgetSession } from '../../engine/session';
import { hasFinalAccountsText } from '../../importers/final-accounts/printed-sections';
import { SH_PRINTED } from '../../importers/shanghai/narrative-text';
import { performanceFindings } from '../../narrative/performance/findings';
import { allocationFindings } from './allocation';
import { changeSumFindings } from './change-sum';
import { type AuditFinding, auditContext } from './context';
import { crosswalkFindings } from './crosswalk';
import { departmentNameFindings } from './department-name';
import { emptyTableFindings } from './empty-tables';
import { performanceAmountFindings } from './performance-amounts';
import { rowLabelFindings } from './row-labels';
import { shareSumFindings } from './share-sum';
import { smallBusinessFindings } from './small-business';
import { staffFindings } from './staff';
import { listedPartFindings } from './listed-parts';
import { threePublicChangeFindings } from './three-public-change';
import { fiscalTotalFindings } from './totals';
import { wordingFindings } from './wording';
import { yearFindings } from './years';

/**
 * The auditor's checks of an imported packet beyond its tables' identities: the explanation
 * text's figures against each other and the tables, the economic/functional crosswalk, the
 * 绩效 amounts, empty-table sentences and proofreading. Nothing for a document that was not
 * imported from a packet (it has no printed text).
 */
export function packetAuditFindings(session: BudgetSession): AuditFinding[] {
  const ctx = auditContext(session);
  const printed = session.document.narrative.printed;
  const imported = Object.keys(printed).some((k) => /^\d+$/.test(k));
  // A Shanghai packet: its figures are audited in shared/importers/shanghai; the proofreading
  // applies as is, the checks written for the 11-table format's numbering do not.
  if (!imported) {
    const shanghai = printed[SH_PRINTED.compilation] !== undefined || printed[SH_PRINTED.other] !== undefined;
    const prose = shanghai || hasFinalAccountsText(printed);
    return prose ? [...listedPartFindings(ctx, { procurement: !shanghai }), ...smallBusinessFindings(ctx), ...threePublicChangeFindings(ctx), ...wordingFindings(ctx), ...yearFindings(ctx), ...departmentNameFindings(ctx)] : [];
  }
  return [
    ...crosswalkFindings(ctx),
    ...emptyTableFindings(ctx),
    ...rowLabelFindings(ctx),
    ...fiscalTotalFindings(ctx),
    ...changeSumFindings(ctx),
    ...shareSumFindings(ctx),
    ...allocationFindings(ctx),
    ...staffFindings(ctx),
    ...performanceAmountFindings(ctx),
    ...listedPartFindings(ctx),
    ...smallBusinessFindings(ctx),
    ...threePublicChangeFindings(ctx),
    // The project 绩效目标表 amounts (the overall one is read from the text above).
    ...performanceFindings(session).filter((f) => f.rule === 'performance.amount' && !f.rowKey.startsWith('perf:overall')),
    ...wordingFindings(ctx),
    ...yearFindings(ctx),
    ...departmentNameFindings(ctx),
  ];
}
