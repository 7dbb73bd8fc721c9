import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { checkFindings } from '../../../shared/rules/all-findings';

const PDF = new URL('../../fixtures/shanghai/final-accounts-template.pdf', import.meta.url).pathname;

/**
 * The 决算 template a finance bureau hands out (../shared/disclosures/shanghai): empty tables and a
 * 情况说明 full of XX/XXX/…… to fill in. Read as a 部门决算; `check` says what is still to be filled
 * in, kind by kind, and finds nothing wrong with the (empty) tables.
 */
describe('the 部门决算 template', () => {
  it('is read as a final-accounts packet whose every placeholder is reported, one finding per kind, and no table finding', async () => {
    const r = await importPacketFile(PDF);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.template).toBe('final-accounts');
    const f = checkFindings(BudgetSession.open(r.doc));
    expect(f.filter((x) => x.severity === 'error').map((x) => `${x.rule} ${x.actual}`)).toEqual([
      'text.placeholder XX',
      'text.placeholder XXX',
      'text.placeholder XXXXXXXX',
      'text.placeholder ……',
      'text.placeholder XXXX',
    ]);
    // The sample row “高等教育……” of 表2: a name that is not the code list's, a 提示 only.
    expect(f.filter((x) => x.severity === 'warning').map((x) => `${x.rule} ${x.actual}`)).toEqual(['code.name 高等教育……']);
    const xx = f.find((x) => x.actual === 'XXX')!;
    expect(xx.message).toContain('情况说明一“…年度收入支出总计XXX万元');
    expect(xx.row.split('、')).toHaveLength(11);
  }, 60_000);
});
