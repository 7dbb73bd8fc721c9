import type { BudgetSession } from '../engine/session';
import type { FormatTemplate } from '../templates/types';
import type { Figure, MissingInput } from './builder';
import { Figures } from './figures';
import { type ReasonConflict, statedDirection } from './reason-direction';

/** What every section reads: the figures, the department and year, and a log of missing inputs. */
export class NarrativeContext {
  readonly fig: Figures;
  readonly dept: string;
  readonly year: number;
  /** The document's format (a writer words itself by it: shanghaiScope). */
  readonly format: FormatTemplate;
  readonly missing: MissingInput[] = [];
  readonly reasonConflicts: ReasonConflict[] = [];

  constructor(session: BudgetSession) {
    this.fig = new Figures(session);
    this.dept = session.document.department;
    this.year = session.document.year;
    this.format = session.template;
  }

  /** 主要原因 for a line; logs it as missing when the accountant has not written one. */
  reason(key: string, paragraph: string, label: string, required = true): string | undefined {
    const r = this.fig.doc.narrative.reasons[key]?.trim();
    if (r) return r.replace(/[。；;，,\s]+$/u, '');
    if (required) this.missing.push({ paragraph, field: `narrative.reasons.${key}`, label: `${label}的主要原因` });
    return undefined;
  }

  /**
   * 主要原因 of a change against last year: not asked for when nothing changed (与上年预算持平),
   * and logged when its wording says the opposite direction of the change.
   */
  changeReason(key: string, paragraph: string, label: string, current: Figure, prior: Figure | null): string | undefined {
    const d = prior ? current.fen - prior.fen : 0;
    const r = this.reason(key, paragraph, label, prior === null || d !== 0);
    const said = r ? statedDirection(r) : undefined;
    const change = d > 0 ? 'up' : d < 0 ? 'down' : undefined;
    if (r && said && change && said !== change) this.reasonConflicts.push({ paragraph, field: `narrative.reasons.${key}`, label, change, reason: r });
    return r;
  }

  hasReason(key: string): boolean {
    return Boolean(this.fig.doc.narrative.reasons[key]?.trim());
  }

  /** Last year's figure; logs it as missing when not given. */
  prior(field: string, paragraph: string, label: string): Figure | null {
    const p = this.fig.prior(field);
    if (!p) this.missing.push({ paragraph, field: `priorYear.${field}`, label: `${label}的上年预算数` });
    return p;
  }

  /** A free-text input (`projects`, `purposes` …) with a logged gap when required and absent. */
  text(field: string, paragraph: string, label: string, required = true): string | undefined {
    const v = this.fig.inputText(field);
    if (!v && required) this.missing.push({ paragraph, field: `narrative.${field}`, label });
    return v?.replace(/[。；;，,\s]+$/u, '');
  }
}
