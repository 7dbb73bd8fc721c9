import type { BudgetSession } from '../engine/session';
import { packetNarrativeFindings } from '../importers/packet/narrative-audit';
import type { Finding } from './finding';
import { groupFindings } from './grouping';
import { packetAuditFindings } from './packet-audit';

/**
 * What `check` and `audit` report: the tables' identities, and for an imported packet its
 * printed text audited against the tables and itself; one finding per root cause.
 */
export function checkFindings(session: BudgetSession): Finding[] {
  const raw = [...session.findings(), ...packetNarrativeFindings(session), ...packetAuditFindings(session)];
  return groupFindings(raw, session.document.narrative.printed);
}
