import type { AmountUnit } from '../money/parse';
import type { BudgetDocument } from './schema';

export type RowSetName = 'functionRows' | 'economicRows' | 'projectRows' | 'carryoverRows';

/** Where an amount sits in a document: a table cell (row set, fixed table, printed) or a field. */
export type AmountPlace =
  | { kind: 'row'; set: RowSetName; index: number; key: string }
  | { kind: 'fixed'; table: string; row: string; col: string }
  | { kind: 'printed'; id: string }
  | { kind: 'field' };

export interface AmountVisit {
  text: string;
  unit: AmountUnit;
  /** The zod-style path of the field, for messages about fields outside the tables. */
  path: Array<string | number>;
  place: AmountPlace;
}

const ROW_SETS: readonly RowSetName[] = ['functionRows', 'economicRows', 'projectRows', 'carryoverRows'];

/**
 * Every amount a document holds, with its unit and place: entered cells, printed cells (万元),
 * last year's figures, performance-target amounts and procurement amounts. `visit` returning
 * false stops the walk. Procurement fields may hold free text; only amount text is visited.
 */
export function forEachAmount(doc: BudgetDocument, visit: (a: AmountVisit) => boolean | undefined): void {
  const unit = doc.unit;
  const field = (text: string | undefined, path: Array<string | number>): boolean =>
    text === undefined || visit({ text, unit, path, place: { kind: 'field' } }) !== false;
  for (const set of ROW_SETS) {
    const rows = doc[set];
    for (let index = 0; index < rows.length; index++) {
      for (const [key, text] of Object.entries(rows[index]!.values)) {
        if (visit({ text, unit, path: [set, index, 'values', key], place: { kind: 'row', set, index, key } }) === false) return;
      }
    }
  }
  for (const [table, rows] of Object.entries(doc.fixed)) {
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, text] of Object.entries(cols)) {
        if (visit({ text, unit, path: ['fixed', table, row, col], place: { kind: 'fixed', table, row, col } }) === false) return;
      }
    }
  }
  for (const [id, text] of Object.entries(doc.printed)) {
    if (visit({ text, unit: '万元', path: ['printed', id], place: { kind: 'printed', id } }) === false) return;
  }
  const p = doc.priorYear;
  for (const rec of ['income', 'gbItems', 'threePublic'] as const) {
    for (const [k, text] of Object.entries(p[rec])) if (!field(text, ['priorYear', rec, k])) return;
  }
  for (const k of ['basic', 'project', 'gbBasic', 'gbProject', 'runningCosts'] as const) if (!field(p[k], ['priorYear', k])) return;
  const ib = doc.initialBudget;
  for (const rec of ['totals', 'gbItems', 'fundItems', 'soeItems'] as const) {
    for (const [k, text] of Object.entries(ib?.[rec] ?? {})) if (!field(text, ['initialBudget', rec, k])) return;
  }
  const t = doc.performanceTargets;
  if (t?.overall) for (const k of ['superior', 'own', 'other'] as const) if (!field(t.overall[k], ['performanceTargets', 'overall', k])) return;
  for (const [i, pr] of (t?.projects ?? []).entries()) {
    for (const k of ['total', 'fiscal', 'other'] as const) if (!field(pr[k], ['performanceTargets', 'projects', i, k])) return;
  }
  for (const [k, text] of Object.entries(doc.narrative.procurement)) {
    if (AMOUNT_TEXT.test(text) && !field(text, ['narrative', 'procurement', k])) return;
  }
}

/** The stored amount syntax (the schema's); procurement text that is not an amount is just text. */
export const AMOUNT_TEXT = /^-?\d{1,15}(\.\d{1,6})?$/;
