import { BudgetSession } from '../../shared/engine/session';
import type { BudgetDocument } from '../../shared/model';
import { textPart } from '../../shared/rules/all-findings';
import type { Finding } from '../../shared/rules/finding';

/** What the window asks the text worker (text-findings.worker.ts): the text part of the findings of its document at `rev`. */
export interface TextFindingsRequest {
  rev: number;
  /** The window's document as it is at `rev`, structured-cloned (already validated: the window opened it). */
  doc: BudgetDocument;
}
export type TextFindingsReply = { rev: number; ok: true; findings: Finding[] } | { rev: number; ok: false; error: string };

/** The worker's answer: the explanation text written and checked, as the window would (`textPart`). */
export function textFindingsReply({ rev, doc }: TextFindingsRequest): TextFindingsReply {
  try {
    return { rev, ok: true, findings: textPart(BudgetSession.open(doc)) };
  } catch (err) {
    return { rev, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
