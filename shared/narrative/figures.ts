import { cellId } from '../engine/cell-id';
import type { BudgetSession } from '../engine/session';
import type { BudgetDocument } from '../model';
import { amountToFen, type Fen, parseBoundedAmount, roundToWanCent } from '../money';
import { allTableViews, type TableView } from '../views/table-view';
import type { Source } from './types';

/**
 * The figures the narrative states, read exactly as the tables print them (through
 * `tableView`, so an imported packet's printed value wins and nothing is re-added here),
 * plus last year's figures and the accountant's inputs.
 */
export class Figures {
  readonly views: Map<number, TableView>;
  readonly doc: BudgetDocument;
  private readonly shown = new Map<string, Fen>();

  constructor(session: BudgetSession) {
    this.doc = session.document;
    this.views = new Map(allTableViews(session).map((v) => [v.no, v]));
    for (const v of this.views.values()) {
      // The text states 万元 with 2 decimals: a table printed in 元 is read in 元 and rounded to
      // 0.01 万元, so changes and shares are computed on the figures the text prints.
      const yuan = v.template.printUnit === '元';
      for (const r of v.rows) {
        for (const [col, c] of Object.entries(r.cells)) {
          if (c.text) this.shown.set(cellId(v.no, r.key, col), yuan ? roundToWanCent(amountToFen(c.text, '元')) : amountToFen(c.text, '万元'));
        }
      }
    }
  }

  view(no: number): TableView {
    const v = this.views.get(no);
    if (!v) throw new Error(`没有表${no}`);
    return v;
  }

  /** A cell as printed, in 分 (0 when blank). */
  cell(table: number, row: string, col: string): { fen: Fen; source: Source } {
    const id = cellId(table, row, col);
    return { fen: this.shown.get(id) ?? 0, source: { kind: 'cell', cell: id } };
  }

  /** Last year's figure at a `priorYear` path (`income.gb`, `gbItems.2010350`, `basic`); null when not given. */
  prior(field: string): { fen: Fen; source: Source } | null {
    const text = pathValue(this.doc.priorYear as unknown as Record<string, unknown>, field);
    if (typeof text !== 'string') return null;
    const p = parseBoundedAmount(text, this.doc.unit);
    return p.ok ? { fen: p.fen, source: { kind: 'prior', field } } : null;
  }

  /** 部门决算: the year's 年初预算 at a `doc.initialBudget` path (`totals.gb`, `gbItems.2010601`); null when not given. */
  budget(field: string): { fen: Fen; source: Source } | null {
    const text = pathValue((this.doc.initialBudget ?? {}) as unknown as Record<string, unknown>, field);
    if (typeof text !== 'string') return null;
    const p = parseBoundedAmount(text, this.doc.unit);
    return p.ok ? { fen: p.fen, source: { kind: 'budget', field } } : null;
  }

  /** An amount the accountant typed in a form (`procurement.goods`), in the document's unit; null when blank or not a number. */
  inputAmount(field: string, unit: '万元' | '元' = this.doc.unit): { fen: Fen; source: Source } | null {
    const text = pathValue(this.doc.narrative as unknown as Record<string, unknown>, field);
    if (typeof text !== 'string' || text.trim() === '') return null;
    const p = parseBoundedAmount(text, unit);
    return p.ok ? { fen: p.fen, source: { kind: 'input', field } } : null;
  }

  /** A whole-number (or decimal, e.g. 平方米) input; null when blank. */
  inputNumber(field: string): { value: string; source: Source } | null {
    const text = pathValue(this.doc.narrative as unknown as Record<string, unknown>, field);
    if (typeof text !== 'string') return null;
    const t = text.replace(/[,，\s]/g, '');
    return /^-?\d+(\.\d+)?$/.test(t) ? { value: t, source: { kind: 'input', field } } : null;
  }

  inputText(field: string): string | undefined {
    const v = pathValue(this.doc.narrative as unknown as Record<string, unknown>, field);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  }
}

/** `a.b.c` where the first segment names a record and the rest (which may contain dots) its key. */
function pathValue(root: Record<string, unknown>, field: string): unknown {
  const dot = field.indexOf('.');
  if (dot < 0) return root[field];
  const rec = root[field.slice(0, dot)];
  if (!rec || typeof rec !== 'object') return undefined;
  return (rec as Record<string, unknown>)[field.slice(dot + 1)];
}

