import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { newDocument } from '../../../shared/model';
import { nextYearDocument } from '../../../shared/next-year/next-year';

describe('新建下一年度预算 from an imported packet', () => {
  const r = importPacketText(readFileSync(join(__dirname, '../../fixtures/004_b7e4b340c6b3bf95.txt'), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  const next = nextYearDocument(r.doc);

  it('copies what carries over and starts the amounts empty', () => {
    expect(next).toMatchObject({ department: '昌吉市商务和工业信息化局', year: 2025, unit: '万元' });
    expect(next.profile.functions).toBe(r.doc.profile.functions);
    expect(next.projectRows.map((p) => [p.code, p.project, p.values])).toEqual([
      ['2150805', '中央财政 2024 年中小企业发展专项资金', {}],
      ['2160699', '2024 年中央财政外经贸发展专项资金', {}],
    ]);
    expect(next.functionRows.every((f) => Object.keys(f.values).length === 0)).toBe(true);
    expect(next.glossary).toEqual(r.doc.glossary);
    expect(next.carryoverRows).toEqual([]);
    expect(next.printed).toEqual({});
    expect(BudgetSession.open(next).findings().filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("makes this year's printed figures the prior-year baseline", () => {
    expect(next.priorYear.income).toMatchObject({ gb: '583.15', gbTransfer: '2487.00', carryFiscal: '76.39', unit: '0.00' });
    expect(next.priorYear).toMatchObject({ basic: '583.15', project: '2563.39', gbBasic: '583.15', gbProject: '2487.00', runningCosts: '36.89' });
    // The 项 as printed in table 5, including the row whose 款 total is misprinted.
    expect(next.priorYear.gbItems).toMatchObject({ '2010301': '309.58', '2010350': '138.62', '2160699': '2417.00' });
    expect(next.priorYear.threePublic).toMatchObject({ total: '7.80', 'vehicle.running': '7.80', reception: '0.00' });
  });

  it('converts the baseline to 元 for a document entered in 元', () => {
    const doc = newDocument('测试部门', 2024, '元');
    doc.functionRows.push({ code: '2010301', values: { '2.3': '1234567.89', '3.2': '1234567.89', '5.2': '1234567.89' } });
    const n = nextYearDocument(doc);
    expect(n.year).toBe(2025);
    expect(n.priorYear.gbItems['2010301']).toBe('1234600.00');
  });
});
