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
  /** What kind of place holds it (without working out the place). */
  kind: AmountPlace['kind'];
  /** The place and the zod-style path of the field (for messages): made only when asked for. */
  locate(): { path: Array<string | number>; place: AmountPlace };
}

const ROW_SETS: readonly RowSetName[] = ['functionRows', 'economicRows', 'projectRows', 'carryoverRows'];

/**
 * The one visit object of a walk, moved from amount to amount: a large document holds hundreds of
 * thousands of amounts, and the walk runs on every open, so nothing is made per amount unless a
 * visitor asks where one is (an amount it reports).
 */
class Cursor implements AmountVisit {
  text = '';
  kind: AmountPlace['kind'] = 'row';
  set: RowSetName = 'functionRows';
  index = 0;
  /** Row value key, fixed table, printed id. */
  a = '';
  /** Fixed row and column. */
  b = '';
  c = '';
  fieldPath: Array<string | number> = [];
  constructor(public unit: AmountUnit) {}

  locate(): { path: Array<string | number>; place: AmountPlace } {
    switch (this.kind) {
      case 'row':
        return { path: [this.set, this.index, 'values', this.a], place: { kind: 'row', set: this.set, index: this.index, key: this.a } };
      case 'fixed':
        return { path: ['fixed', this.a, this.b, this.c], place: { kind: 'fixed', table: this.a, row: this.b, col: this.c } };
      case 'printed':
        return { path: ['printed', this.a], place: { kind: 'printed', id: this.a } };
      case 'field':
        return { path: this.fieldPath, place: { kind: 'field' } };
    }
  }
}

/**
 * Every amount a document holds, with its unit and place: entered cells, printed cells (万元),
 * last year's figures, performance-target amounts and procurement amounts. `visit` returning
 * false stops the walk. Procurement fields may hold free text; only amount text is visited.
 * The visit object is reused: keep `locate()`'s result, not the object. `fieldsOnly`: the fields'
 * amounts alone (not the rows', fixed or printed cells').
 */
export function forEachAmount(doc: BudgetDocument, visit: (a: AmountVisit) => boolean | undefined, fieldsOnly = false): void {
  const at = new Cursor(doc.unit);
  const field = (text: string | undefined, path: Array<string | number>): boolean => {
    if (text === undefined) return true;
    at.text = text;
    at.kind = 'field';
    at.fieldPath = path;
    return visit(at) !== false;
  };
  at.kind = 'row';
  for (const set of fieldsOnly ? [] : ROW_SETS) {
    const rows = doc[set];
    at.set = set;
    for (let index = 0; index < rows.length; index++) {
      const values = rows[index]!.values;
      at.index = index;
      for (const key in values) {
        at.a = key;
        at.text = values[key]!;
        if (visit(at) === false) return;
      }
    }
  }
  at.kind = 'fixed';
  for (const [table, rows] of fieldsOnly ? [] : Object.entries(doc.fixed)) {
    at.a = table;
    for (const [row, cols] of Object.entries(rows)) {
      at.b = row;
      for (const [col, text] of Object.entries(cols)) {
        at.c = col;
        at.text = text;
        if (visit(at) === false) return;
      }
    }
  }
  at.kind = 'printed';
  at.unit = '万元';
  for (const [id, text] of fieldsOnly ? [] : Object.entries(doc.printed)) {
    at.a = id;
    at.text = text;
    if (visit(at) === false) return;
  }
  at.unit = doc.unit;
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
