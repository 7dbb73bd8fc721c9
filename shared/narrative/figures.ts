import { cellId } from '../engine/cell-id';
import type { LayoutRow } from '../engine/layout';
import type { BudgetSession } from '../engine/session';
import { runSteps, type Steps } from '../engine/steps';
import type { BudgetDocument } from '../model';
import { amountToFen, type Fen, parseBoundedAmount, roundToWanCent } from '../money';
import { type TableView, tableView, tableViewCell } from '../views/table-view';
import type { Source } from './types';

/** Rows read per step of the work done in steps (a few ms each). */
export const ROWS_PER_STEP = 2_000;

/** A row the text lists (a 类, 项 or project with money). */
export type MoneyRow = Pick<LayoutRow, 'key' | 'level' | 'code' | 'name' | 'project'>;

/**
 * The figures the narrative states, read exactly as the tables print them (through
 * `tableView`, so an imported packet's printed value wins and nothing is re-added here),
 * plus last year's figures and the accountant's inputs.
 *
 * Read as asked for: a table's view is made the first time a section reads it, a cell the
 * first time it is quoted. Viewing every table and parsing every printed cell up front was a
 * third of the narrative's time (a 10,000-item department has ~150,000 cells; the text quotes a
 * fraction of them, and table 2 is never walked). Read while the session is unchanged: the
 * narrative is written in one go from one state of the tables.
 */
export class Figures {
  readonly doc: BudgetDocument;
  private readonly views = new Map<number, TableView>();
  private readonly shown = new Map<string, Fen | null>();
  private readonly tables: Set<number>;

  constructor(private readonly session: BudgetSession) {
    this.doc = session.document;
    this.tables = new Set(session.template.tables.map((t) => t.no));
  }

  view(no: number): TableView {
    const v = this.viewOf(no);
    if (!v) throw new Error(`没有表${no}`);
    return v;
  }

  /** The table as printed, or undefined when the format has no table `no`. */
  viewOf(no: number): TableView | undefined {
    if (!this.tables.has(no)) return undefined;
    let v = this.views.get(no);
    if (!v) {
      v = tableView(this.session, no);
      this.views.set(no, v);
    }
    return v;
  }

  /** The table's rows as laid out (names and codes, no amounts). */
  layoutRows(no: number): readonly LayoutRow[] {
    return this.session.layout(no).rows;
  }

  /**
   * Rows of a table at one level that print an amount in `col`, in table order: the rows alone,
   * their one cell read (and kept for `cell`), not a view of every cell of the table.
   */
  rowsWithMoney(no: number, level: LayoutRow['level'], col: string): readonly MoneyRow[] {
    return runSteps(this.rowsWithMoneySteps(no, level, col));
  }

  /** `rowsWithMoney` in steps of ROWS_PER_STEP rows (table 7 of 100,000 items has 60,000 projects). */
  *rowsWithMoneySteps(no: number, level: LayoutRow['level'], col: string): Steps<readonly MoneyRow[]> {
    const out: MoneyRow[] = [];
    const rows = this.session.layout(no).rows;
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % ROWS_PER_STEP === 0) yield;
      const r = rows[i]!;
      if (r.level === level && this.printed(no, r.key, col) !== null) out.push(r);
    }
    return out;
  }

  /** A cell as printed, in 分 (0 when blank). */
  cell(table: number, row: string, col: string): { fen: Fen; source: Source } {
    const id = cellId(table, row, col);
    return { fen: this.printed(table, row, col, id) ?? 0, source: { kind: 'cell', cell: id } };
  }

  /**
   * What the table prints in a cell, in 分; null when it prints nothing there (a printed 0.00 is
   * an amount). The text states 万元 with 2 decimals: a table printed in 元 is read in 元 and
   * rounded to 0.01 万元, so changes and shares are computed on the figures the text prints.
   */
  private printed(table: number, row: string, col: string, id = cellId(table, row, col)): Fen | null {
    let fen = this.shown.get(id);
    if (fen === undefined) {
      const text = this.tables.has(table) ? tableViewCell(this.session, table, row, col)?.text : undefined;
      fen = text === undefined ? null : this.session.layout(table).template.printUnit === '元' ? roundToWanCent(amountToFen(text, '元')) : amountToFen(text, '万元');
      this.shown.set(id, fen);
    }
    return fen;
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

