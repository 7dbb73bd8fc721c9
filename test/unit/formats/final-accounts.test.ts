import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { finalAccounts } from '../../../shared/formats/final-accounts';
import { builtinFormat } from '../../../shared/formats/registry';
import { validateFormat } from '../../../shared/formats/validate';
import { newDocument } from '../../../shared/model';
import { allTableViews } from '../../../shared/views/table-view';
import { twoSidedLines } from '../../../shared/views/two-sided';
import type { FixedTableTemplate } from '../../../shared/templates/types';

const fen = (wan: string) => Math.round(Number(wan) * 1_000_000);

/** A drafted 决算 with one 项 in 表2/3/5 and the 表4 / 表6 lines that go with it. */
function drafted(): BudgetSession {
  const doc = newDocument('上海市普陀区某局', 2024, '万元', 'final-accounts');
  doc.functionRows.push({ code: '2010601', values: { '2.2': '100.00', '2.7': '5.00', '3.2': '80.00', '3.3': '20.00', '5.2': '80.00', '5.3': '20.00' } });
  doc.fixed['1'] = { 'in.carry': { '1': '10.00' }, 'out.carry': { '2': '15.00' } };
  doc.fixed['4'] = { 'in.gb': { '1': '100.00' }, 'in.carry.gb': { '1': '3.00' }, 'out.carry': { '3': '3.00' } };
  doc.fixed['6'] = { 'e.30101': { '1': '70.00' }, 'e.30201': { '2': '10.00' } };
  doc.fixed['7'] = { amount: { '11': '0.95' } };
  return BudgetSession.open(doc);
}

describe('final-accounts: the 部门决算 format as data', () => {
  it('is a valid built-in format of 9 tables in 万元, the same form a format file has', () => {
    expect(builtinFormat('final-accounts')).toBe(finalAccounts);
    const v = validateFormat(JSON.parse(JSON.stringify(finalAccounts)));
    if (!v.ok) throw new Error(v.error);
    expect(finalAccounts.tables.map((t) => t.title)).toEqual([
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '财政拨款“三公”经费支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款收入支出决算表',
    ]);
    expect(finalAccounts.tables.every((t) => (t.printUnit ?? '万元') === '万元')).toBe(true);
    // 表1 and 表4 print the 26 function 类 of the 决算 template, numbered.
    const t1 = finalAccounts.tables[0] as FixedTableTemplate;
    const classes = t1.rows.filter((r) => r.key.startsWith('out.2'));
    expect(classes).toHaveLength(26);
    expect(classes.at(-1)!.label).toBe('二十六、抗疫特别国债安排的支出');
  });

  it('表8/表9 print their columns as the Putuo 决算 does: 本年支出 小计 / 基本支出 / 项目支出 between 年初 and 年末 结转和结余', () => {
    for (const no of [8, 9]) {
      const t = finalAccounts.tables.find((x) => x.no === no)!;
      expect(t.columns.map((c) => [...(c.group ?? []), c.name].join('/'))).toEqual(['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余']);
    }
  });

  it('a new document builds, recalculates, and is clean', () => {
    const s = drafted();
    // 表2/3/5 totals and their 类/款 rows.
    expect(s.display(2, 'total', '1')).toBe(fen('105'));
    expect(s.display(2, '20106', '2')).toBe(fen('100'));
    expect(s.display(3, '201', '1')).toBe(fen('100'));
    expect(s.display(5, 'total', '1')).toBe(fen('100'));
    // 表1 income from 表4 and 表2; expenditure from 表3; 总计 balance.
    expect(s.display(1, 'in.gb', '1')).toBe(fen('100'));
    expect(s.display(1, 'in.other', '1')).toBe(fen('5'));
    expect(s.display(1, 'in.total', '1')).toBe(fen('115'));
    expect(s.display(1, 'out.201', '2')).toBe(fen('100'));
    expect(s.display(1, 'out.total', '2')).toBe(fen('115'));
    // 表4 expenditure by fund from 表5; 年末 = 年初 + 收入 − 支出.
    expect(s.display(4, 'out.201', '2')).toBe(fen('100'));
    expect(s.display(4, 'out.total', '3')).toBe(fen('103'));
    expect(s.display(4, 'in.total', '1')).toBe(fen('103'));
    // 表6 panels, 表7 合计 of 预算数.
    expect(s.display(6, 'e.301', '1')).toBe(fen('70'));
    expect(s.display(6, 'in.total', '1')).toBe(fen('70'));
    expect(s.display(6, 'out.total', '2')).toBe(fen('10'));
    expect(s.display(7, 'amount', '1')).toBe(fen('0.95'));
    expect(s.findings().filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an edit flows through the identities: 表3 基本支出 reaches 表1, and a broken 表6/表5 identity is reported then cleared', () => {
    const s = drafted();
    expect(s.setCell(3, '2010601', '2', '90').ok).toBe(true);
    expect(s.display(3, '201', '1')).toBe(fen('110'));
    expect(s.display(1, 'out.sum', '2')).toBe(fen('110'));
    // 表1 no longer balances (115 in, 125 out) and 表5 基本支出 ≤ 表3 still holds.
    const rules = () => s.findings().filter((f) => f.severity === 'error').map((f) => `${f.rule} 表${f.table} ${f.rowKey}`);
    expect(rules()).toEqual(['t1.balance 表1 out.total']);
    expect(s.setCell(1, 'out.carry', '2', '5').ok).toBe(true);
    expect(rules()).toEqual([]);
    // 表6 must add up to 表5 基本支出: move 10 of 人员经费 out and it breaks.
    expect(s.setCell(6, 'e.30101', '1', '60').ok).toBe(true);
    expect(rules()).toEqual(['format.identity 表6 in.total']);
    expect(s.setCell(6, 'e.30201', '2', '20').ok).toBe(true);
    expect(rules()).toEqual([]);
    // A derived cell refuses input and says why.
    const r = s.setCell(1, 'in.gb', '1', '1');
    expect(r.ok).toBe(false);
  });

  it('prints 表1/表4 lines as the template does: 本年收入合计 beside 本年支出合计, the 年初 lines after it', () => {
    const s = drafted();
    const views = allTableViews(s, { print: true });
    const t4 = views[3]!;
    const { lines, totals } = twoSidedLines(t4.template as FixedTableTemplate, t4.rows);
    const at = lines.findIndex(([, r]) => r?.key === 'out.sum');
    expect(lines[at]![0]!.key).toBe('in.sum');
    expect(lines[at + 1]!.map((r) => r?.key)).toEqual(['in.carry', 'out.carry']);
    expect(lines.slice(at + 2).map(([l, r]) => [l?.key, r?.key])).toEqual([
      ['in.carry.gb', undefined],
      ['in.carry.fund', undefined],
      ['in.carry.soe', undefined],
    ]);
    expect(totals.map((r) => r?.key)).toEqual(['in.total', 'out.total']);
    expect(lines[0]!.map((r) => r?.key)).toEqual(['in.gb', 'out.201']);
    // 表6: 人员经费 left, 公用经费 right, each 类 then its 款, with codes.
    const t6 = views[5]!;
    const six = twoSidedLines(t6.template as FixedTableTemplate, t6.rows);
    expect(six.lines[0]!.map((r) => r?.code)).toEqual(['301', '302']);
    expect(six.lines[1]!.map((r) => r?.name)).toEqual(['基本工资', '办公费']);
    expect(six.totals.map((r) => r?.name)).toEqual(['人员经费合计', '公用经费合计']);
  });
});
