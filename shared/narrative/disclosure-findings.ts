import type { BudgetSession } from '../engine/session';
import type { Finding } from '../rules/finding';
import { missingInputFindings, overrideFindings, reasonDirectionFindings } from '../rules/narrative-overrides';
import { type GeneratedNarrative, generateNarrative } from './generate';
import { performanceFindings } from './performance/findings';

/**
 * Everything 公开前检查 lists: the tables' findings, hand-written paragraphs whose numbers
 * disagree, missing narrative inputs, and the 绩效目标表 checks. Errors first.
 */
export function disclosureFindings(session: BudgetSession, narrative?: GeneratedNarrative): Finding[] {
  const n = narrative ?? generateNarrative(session);
  const all = [...session.findings(), ...overrideFindings(n), ...performanceFindings(session), ...missingInputFindings(n), ...reasonDirectionFindings(n)];
  return all.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
