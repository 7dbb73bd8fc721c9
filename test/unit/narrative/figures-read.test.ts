import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { type BudgetDocument, loadDocument } from '../../../shared/model';
import { amountToFen, roundToWanCent } from '../../../shared/money';
import { Figures } from '../../../shared/narrative/figures';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { allTableViews } from '../../../shared/views/table-view';
import { putuoFinalAccounts } from './putuo-final-accounts-doc';

/**
 * Figures reads a cell, and lists a table's rows with money, only when the text asks (a view of
 * every table was a third of the narrative's time). What it reads must be what the printed
 * tables show: every cell of every table compared with the tables' views, as the text used to
 * take them (the view's text, read in 元 and rounded where the table prints 元).
 */
function fixture(name: string): BudgetDocument {
  const r = loadDocument(readFileSync(new URL(`../../fixtures/${name}.budget.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/** The 元 department with one printed figure that differs from its sum and one only its third decimal makes nonzero. */
function yuanWithPrinted(): BudgetDocument {
  const doc = syntheticDocument(300, { unit: '元' });
  doc.printed['2|total|1'] = '1.00';
  const leaf = doc.functionRows[0]!.code;
  doc.printed[`3|${leaf}|1`] = '0.001';
  return doc;
}

const documents: Array<[string, () => BudgetDocument]> = [
  ['004 (an imported packet: printed figures)', () => fixture('004')],
  ['003', () => fixture('003')],
  ['a 元 department with printed figures', yuanWithPrinted],
  ['普陀 2024 决算', putuoFinalAccounts],
];

describe('Figures reads the tables as printed, cell by cell', () => {
  for (const [name, make] of documents) {
    it(name, () => {
      const session = BudgetSession.open(make());
      const fig = new Figures(session);
      let cells = 0;
      let withText = 0;
      for (const view of allTableViews(session)) {
        const yuan = view.template.printUnit === '元';
        for (const level of new Set(view.rows.map((r) => r.level))) {
          for (const col of view.columns.map((c) => c.no)) {
            const listed = view.rows.filter((r) => r.level === level && r.cells[col]?.text !== undefined).map((r) => r.key);
            expect(fig.rowsWithMoney(view.no, level, col).map((r) => r.key), `表${view.no} ${level} 列${col}`).toEqual(listed);
          }
        }
        for (const r of view.rows) {
          for (const col of view.columns.map((c) => c.no)) {
            const text = r.cells[col]?.text;
            const printed = text === undefined ? 0 : yuan ? roundToWanCent(amountToFen(text, '元')) : amountToFen(text, '万元');
            expect(fig.cell(view.no, r.key, col).fen, `表${view.no} ${r.key} 列${col}`).toBe(printed);
            cells++;
            if (text !== undefined) withText++;
          }
        }
        expect(fig.view(view.no)).toEqual(view);
      }
      expect(withText).toBeGreaterThan(20);
      expect(cells).toBeGreaterThan(withText);
      // A table the format does not have, or a row it does not show: nothing printed there.
      expect(fig.cell(99, 'total', '1').fen).toBe(0);
      expect(fig.cell(2, 'no-such-row', '1').fen).toBe(0);
      expect(fig.viewOf(99)).toBeUndefined();
    });
  }
});
