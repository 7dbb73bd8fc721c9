import { BudgetSession } from '../../shared/engine/session';
import type { BudgetDocument } from '../../shared/model';
import type { DocChange } from '../../shared/model/doc-changes';
import { type GeneratedNarrative, generateNarrative } from '../../shared/narrative/generate';
import { textPart } from '../../shared/rules/all-findings';
import type { Finding } from '../../shared/rules/finding';
import { diffFindings, type WireFinding } from './findings-wire';
import { type NarrativePage, type NarrativeView, narrativeView } from '../packet/narrative-view';

/**
 * A change the window made to its session (DocStore), made again in the worker's: the engine is
 * deterministic, so the same calls in the same order leave both sessions alike.
 */
export type SessionOp =
  | { op: 'cell'; table: number; row: string; col: string; text: string }
  | { op: 'cells'; edits: ReadonlyArray<{ table: number; row: string; col: string; text: string }>; restore?: Record<string, string> }
  | { op: 'restorePrinted'; entries: Record<string, string> }
  | { op: 'changes'; changes: readonly DocChange[]; direction: 'forward' | 'back' };

/**
 * What the window asks the text worker (text-findings.worker.ts): the text part of the findings of
 * its document at `rev`. Either the document itself (structured-cloned; already validated: the
 * window opened it), or the changes made since `base`, the revision the worker was last given: at
 * 100,000 items cloning the document held the window ~250 ms after every pause in typing. A
 * document not changed since it was opened goes as the text it was opened from (`docText`: main's
 * validated current-version text, which the window parsed as is): a string crosses as a copy of its
 * characters (13–22 ms at 100,000 items in Chromium, where cloning the document took 88–129 ms); the worker parses it.
 */
export type TextFindingsRequest = ({ rev: number; doc: BudgetDocument } | { rev: number; docText: string } | { rev: number; base: number; ops: readonly SessionOp[] }) & {
  /** 情况说明 is showing this page of the text: answer with its view too (the text is written for the findings anyway). */
  page?: NarrativePage;
};

/**
 * `same`: the findings are those of the worker's last answer, which the window holds (most edits
 * of amounts leave the text's findings as they were; at 100,000 items receiving them again held
 * the window ~130 ms). `stale`: the worker is not at `base` (it never got it, or failed on it):
 * the window sends the document.
 */
export type TextFindingsReply =
  | { rev: number; ok: true; findings: WireFinding[]; view?: NarrativeView }
  | { rev: number; ok: true; same: true; view?: NarrativeView }
  | { rev: number; ok: false; error: string }
  | { rev: number; ok: false; stale: true };

/**
 * The view of the page asked for, posted as soon as the text is written and before it is checked
 * (at 100,000 items writing takes ~2.5 s, checking ~4 s more): 情况说明 shows it meanwhile.
 */
export interface TextViewEarly {
  rev: number;
  early: true;
  view: NarrativeView;
}

/** Makes `o` on a session, as the window made it on its own. */
export function applyOp(s: BudgetSession, o: SessionOp): void {
  if (o.op === 'cell') s.setCell(o.table, o.row, o.col, o.text);
  else if (o.op === 'cells') s.setCellsBulk(o.edits, o.restore);
  else if (o.op === 'restorePrinted') s.restorePrinted(o.entries);
  else s.applyChanges(o.changes, o.direction);
}

/** The worker's copy of the window's session, kept in step by the changes it is sent. */
export class TextMirror {
  private session: BudgetSession | null = null;
  private rev = -1;
  /** The findings last answered with, as JSON and as they were (null: none for this document yet). */
  private last: string | null = null;
  private lastFindings: Finding[] | null = null;
  /** The text as written for the session as it is now (null once the session changes). */
  private written: GeneratedNarrative | null = null;

  /** The document the worker's session holds (undefined before it is given one). */
  get document(): BudgetDocument | undefined {
    return this.session?.document;
  }

  /**
   * The explanation text written and checked, as the window would (`textPart`), and the view of
   * the page asked for. A request with no changes (情况说明 asking for another page) reuses the
   * text already written: at 100,000 items writing and checking it takes seconds.
   */
  reply(req: TextFindingsRequest, early?: (m: TextViewEarly) => void): TextFindingsReply {
    try {
      if ('doc' in req || 'docText' in req) {
        this.session = BudgetSession.open('doc' in req ? req.doc : (JSON.parse(req.docText) as BudgetDocument));
        this.last = null;
        this.lastFindings = null;
        this.written = null;
      } else {
        if (!this.session || req.base !== this.rev) return { rev: req.rev, ok: false, stale: true };
        for (const o of req.ops) applyOp(this.session, o);
        if (req.ops.length > 0) this.written = null;
      }
      this.rev = req.rev;
      const session = this.session;
      // The view goes in the answer too (the same page, a few KB): the window takes it from either.
      const viewOf = (n: GeneratedNarrative) => (req.page ? { view: narrativeView(session.document, n, req.page) } : {});
      if (this.written && this.last !== null) return { rev: req.rev, ok: true, same: true, ...viewOf(this.written) };
      const written = generateNarrative(session);
      this.written = written;
      const view = viewOf(written);
      if (view.view && early) early({ rev: req.rev, early: true, view: view.view });
      const findings = textPart(session, written);
      const json = JSON.stringify(findings);
      if (json === this.last) return { rev: req.rev, ok: true, same: true, ...view };
      // The window holds the last answer: long lists of places go as what changed in them.
      const wire = diffFindings(this.lastFindings, findings);
      this.last = json;
      this.lastFindings = findings;
      return { rev: req.rev, ok: true, findings: wire, ...view };
    } catch (err) {
      this.session = null;
      this.rev = -1;
      this.last = null;
      this.lastFindings = null;
      this.written = null;
      return { rev: req.rev, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
