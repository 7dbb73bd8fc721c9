import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCellId } from '../../../shared/engine/cell-id';
import { BudgetSession } from '../../../shared/engine/session';
import { type BudgetDocument, loadDocument } from '../../../shared/model';
import { amountToFen, formatWan } from '../../../shared/money';

/** The 2024 packets as documents (made from the packet text by `budget-desk import`), printed values kept. */
function fixture(n: string): BudgetDocument {
  const r = loadDocument(readFileSync(new URL(`../../fixtures/${n}.budget.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/** Printed cells whose value differs from the one recomputed from the entered (leaf) cells. */
function recomputedDiffers(doc: BudgetDocument): string[] {
  const s = BudgetSession.open(doc);
  return Object.entries(doc.printed)
    .filter(([id, text]) => {
      const at = parseCellId(id)!;
      return s.value(at.table, at.row, at.col) !== amountToFen(text);
    })
    .map(([id, text]) => {
      const at = parseCellId(id)!;
      return `${id} ${text}→${formatWan(s.value(at.table, at.row, at.col), { thousands: false })}`;
    })
    .sort();
}

const tableFindings = (doc: BudgetDocument) =>
  BudgetSession.open(doc)
    .findings()
    .filter((f) => f.table > 0)
    .map((f) => `${f.rule} 表${f.table} ${f.rowKey} 第${f.column}栏 ${f.actual}/${f.expected}`);

describe('packet 003 (驻北京联络处): real defects, checked by hand against the packet text', () => {
  const doc = fixture('003');

  it('finds each broken identity where it breaks', () => {
    expect(tableFindings(doc)).toEqual([
      // 类 rows 298.75 + 23.12 + 8.18 + 12.27 = 342.32, printed 总计 342.31 (tables 1–5).
      'sum.lines 表1 out.total 第2栏 342.31/342.32',
      'sum.rows 表2 total 第1栏 342.31/342.32',
      'sum.rows 表2 total 第2栏 232.31/232.32',
      'sum.rows 表2 total 第3栏 232.31/232.32',
      'sum.rows 表3 total 第1栏 342.31/342.32',
      'sum.rows 表3 total 第2栏 160.31/160.32',
      'sum.lines 表4 out.total 第2栏 232.31/232.32',
      'sum.lines 表4 out.total 第3栏 232.31/232.32',
      'sum.rows 表5 total 第1栏 232.31/232.32',
      'sum.rows 表5 total 第2栏 160.31/160.32',
      // domain.md: table 6 prints 总计 160.31 while 人员经费 140.88 + 公用经费 19.44 = 160.32.
      'sum.columns 表6 total 第1栏 160.31/160.32',
      'sum.rows 表6 total 第1栏 160.31/160.32',
      // 301 款 rows 35.20 + 19.15 + … + 12.27 = 140.36, printed 140.35.
      'sum.rows 表6 301 第1栏 140.35/140.36',
      'sum.rows 表6 301 第2栏 140.35/140.36',
    ]);
  });

  it('recomputing from the entered cells reproduces every printed value except the wrong ones', () => {
    expect(recomputedDiffers(doc)).toEqual(
      [
        '1|in.current|1 342.31→342.32',
        '1|in.gb.own|1 232.31→232.32',
        '1|in.gb|1 232.31→232.32',
        '1|in.total|1 342.31→342.32',
        '1|out.total|2 342.31→342.32',
        '2|total|1 342.31→342.32',
        '2|total|2 232.31→232.32',
        '2|total|3 232.31→232.32',
        '3|total|1 342.31→342.32',
        '3|total|2 160.31→160.32',
        '4|in.fiscal|1 232.31→232.32',
        '4|in.gb|1 232.31→232.32',
        '4|in.total|1 232.31→232.32',
        '4|out.total|2 232.31→232.32',
        '4|out.total|3 232.31→232.32',
        '5|total|1 232.31→232.32',
        '5|total|2 160.31→160.32',
        // With 301 corrected to 140.36 the 人员经费 total is 140.89 and the 总计 160.33.
        '6|301|1 140.35→140.36',
        '6|301|2 140.35→140.36',
        '6|total|1 160.31→160.33',
        '6|total|2 140.88→140.89',
      ].sort(),
    );
  });
});

describe('packet 004 (商务和工业信息化局): real defects', () => {
  const doc = fixture('004');

  it('finds the 201 03 款 that does not add up, and table 6 303', () => {
    expect(tableFindings(doc)).toEqual([
      // domain.md: table 2 row 201 03 prints 448.21 while its 项 rows 309.58 + 138.62 add to 448.20; tables 3 and 5 repeat it.
      'sum.rows 表2 20103 第1栏 448.21/448.20',
      'sum.rows 表2 20103 第2栏 448.21/448.20',
      'sum.rows 表2 20103 第3栏 448.21/448.20',
      'sum.rows 表3 20103 第1栏 448.21/448.20',
      'sum.rows 表3 20103 第2栏 448.21/448.20',
      'sum.rows 表5 20103 第1栏 448.21/448.20',
      'sum.rows 表5 20103 第2栏 448.21/448.20',
      // 303: 15.83 + 26.61 + 3.77 = 46.21, printed 46.20.
      'sum.rows 表6 303 第1栏 46.20/46.21',
      'sum.rows 表6 303 第2栏 46.20/46.21',
    ]);
  });

  it('every other printed value (including 3,146.54 and the transfers 2,487.00) follows from the entered cells', () => {
    const differs = recomputedDiffers(doc);
    // Everything above the 201 03 款 carries its extra cent; table 6 carries 303's missing cent.
    expect(differs.filter((d) => !/\|(total|201|20103|303|in\.[a-z.]+|out\.(201|total))\|/.test(d))).toEqual([]);
    expect(differs).toContain('2|20103|1 448.21→448.20');
    expect(differs).toContain('6|303|1 46.20→46.21');
    expect(differs.some((d) => d.startsWith('2|total|4'))).toBe(false);
  });
});

/**
 * A corrected copy: one 明细 cell fixed where the packet's details disagree with each other
 * (which one was wrong cannot be known from the packet, so the smallest fix is made), and every
 * printed total set to what its details add up to.
 */
const corrections: Record<string, (d: BudgetDocument) => void> = {
  // Table 6's 301 details add to 140.36 but table 5's basic expenditure (160.32) needs 140.35.
  '003': (d) => setValue(d.economicRows, '30101', '6.2', '35.19'),
  // The 201 03 款 (448.21) and every total above it need one more cent in its 项; 303 one less.
  '004': (d) => {
    for (const key of ['2.3', '3.2', '5.2']) setValue(d.functionRows, '2010301', key, '309.59');
    setValue(d.economicRows, '30302', '6.2', '26.60');
  },
  // Table 6's 301 details add to 222.34, the printed 301 and table 5 need 222.32.
  '000': (d) => setValue(d.economicRows, '30199', '6.2', '20.80'),
};

function setValue(rows: Array<{ code: string; values: Record<string, string> }>, code: string, key: string, value: string) {
  const row = rows.find((r) => r.code === code);
  if (!row || row.values[key] === undefined) throw new Error(`no ${code} ${key}`);
  row.values[key] = value;
}

describe('a corrected copy', () => {
  for (const n of ['003', '004', '000']) {
    it(`${n}: with the details made consistent and the printed totals corrected, the checker finds nothing`, () => {
      const doc = fixture(n);
      corrections[n]!(doc);
      const s = BudgetSession.open(doc);
      for (const id of Object.keys(doc.printed)) {
        const at = parseCellId(id)!;
        doc.printed[id] = formatWan(s.value(at.table, at.row, at.col), { thousands: false });
      }
      doc.narrative.printed = {};
      expect(BudgetSession.open(doc).findings()).toEqual([]);
    });
  }
});

describe('editing an imported packet', () => {
  it('drops the printed totals that depend on the edited cell, keeps the others', () => {
    const doc = fixture('004');
    const s = BudgetSession.open(doc);
    const r = s.setCell(2, '2010301', '3', '309.59');
    expect(r.ok && r.structural).toBe(true);
    const printed = s.document.printed;
    expect(printed['2|20103|3']).toBeUndefined();
    expect(printed['2|total|1']).toBeUndefined();
    expect(printed['1|in.gb.own|1']).toBeUndefined();
    // Table 6 does not depend on table 2: its printed 303 total stays, and still disagrees with its details.
    expect(printed['6|303|1']).toBe('46.20');
    expect(s.findings().filter((f) => f.table === 2)).toEqual([]);
    expect(formatWan(s.display(2, '20103', '3'))).toBe('448.21');
  });
});
