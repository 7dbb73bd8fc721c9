import { BudgetSession } from '../../shared/engine/session';
import { loadDocument } from '../../shared/model';
import { textPart } from '../../shared/rules/all-findings';
import type { Finding } from '../../shared/rules/finding';

/**
 * Writes the explanation text of a large document and checks it (the text part of the one
 * findings list) off the window's thread: at 10,000 lines that is seconds of work the window
 * would otherwise freeze for after every pause in typing.
 */
export interface TextFindingsRequest {
  rev: number;
  docText: string;
}
export type TextFindingsReply = { rev: number; ok: true; findings: Finding[] } | { rev: number; ok: false; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<TextFindingsRequest>) => void) | null; postMessage(m: TextFindingsReply): void };

scope.onmessage = (e) => {
  const { rev, docText } = e.data;
  try {
    const r = loadDocument(docText);
    if (!r.ok) throw new Error(r.error);
    scope.postMessage({ rev, ok: true, findings: textPart(BudgetSession.open(r.doc)) });
  } catch (err) {
    scope.postMessage({ rev, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
