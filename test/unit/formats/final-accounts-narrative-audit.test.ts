import { beforeAll, describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import type { BudgetDocument } from '../../../shared/model';
import { checkFindings } from '../../../shared/rules/all-findings';

/**
 * The Putuo 2024 决算 imported from its PDF: its 情况说明 kept by section and audited against its
 * tables and against the 大于/小于/等于 rule.
 */
const PDF = new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.pdf', import.meta.url).pathname;
let imported: BudgetDocument;

beforeAll(async () => {
  const r = await importPacketFile(PDF);
  if (!r.ok) throw new Error(r.error);
  imported = r.doc;
}, 60_000);

const withText = () => structuredClone(imported);

/** Findings about the text (the packet's own 0.01 rounding in its tables is another test's business). */
const textFindings = (doc: BudgetDocument) =>
  checkFindings(BudgetSession.open(doc))
    .filter((f) => f.rule.startsWith('packet.') || f.rule.startsWith('text.'))
    .map((f) => `${f.rule}|${f.severity}|${f.message}`);

function planted(doc: BudgetDocument, key: string, from: string, to: string): BudgetDocument {
  const copy = structuredClone(doc);
  const t = copy.narrative.printed[key]!;
  expect(t).toContain(from);
  copy.narrative.printed[key] = t.replace(from, to);
  return copy;
}

describe('final-accounts: the packet’s 情况说明 kept and audited', () => {
  it('keeps the eleven sections by what they are about (not the contents page)', () => {
    const printed = Object.fromEntries(Object.entries(imported.narrative.printed).filter(([k]) => k.startsWith('fa.')));
    expect(Object.keys(printed)).toEqual(['fa.overview', 'fa.income', 'fa.expenditure', 'fa.fiscal', 'fa.gb', 'fa.basic', 'fa.threePublic', 'fa.fund', 'fa.soe', 'fa.performance', 'fa.other']);
    expect(printed['fa.overview']!.startsWith('上海市普陀区财政局2024年度收入支出总计 2995.39 万元。')).toBe(true);
    expect(printed['fa.gb']).toContain('11、住房保障支出（类）住房改革支出（款）购房补贴（项）');
    expect(printed['fa.other']!.endsWith('单价100万元\n（含）以上设备（不含车辆）2台（套）。')).toBe(true);
    expect(Object.values(printed).join('')).not.toMatch(/名词解释|财政拨款收入：指/);
  });

  it('the real packet: only its three misprints (四 states 0.3 万元 for 2,961.68; 五（二） 71.73% for 71.65%; 政府采购 251.25 for 4.79 + 0 + 246.47), nothing else', () => {
    expect(textFindings(withText())).toEqual([
      'packet.narrative.table|error|财政拨款收入支出决算总体情况说明所述财政拨款收入支出总计 0.30 万元与表4（2,961.68 万元）不一致',
      'packet.narrative.share|error|一般公共预算财政拨款支出决算情况说明所述一般公共服务支出（类） 2,106.66 万元占 71.73%，按合计 2,940.05 万元应为 71.65%',
      'packet.narrative.parts|error|情况说明十一所述政府采购 251.25 万元，而所列各项之和为 251.26 万元（货物 4.79 + 工程 0.00 + 服务 246.47）（相差 0.01 万元，可能是尾差）',
    ]);
  });

  it('planted: 小于 flipped to 大于, 持平 where they differ', () => {
    const base = withText();
    const real = textFindings(base);
    const added = (doc: BudgetDocument) => textFindings(doc).filter((f) => !real.includes(f));
    expect(added(planted(base, 'fa.gb', '1511.89 万\n元。决算数小于预算数', '1511.89 万\n元。决算数大于预算数'))).toEqual([
      'packet.narrative.comparison|error|一般公共预算财政拨款支出决算情况说明：决算数 1,511.89 万元小于年初预算 1,560.05 万元，文字却说决算数大于预算数',
    ]);
    expect(added(planted(base, 'fa.threePublic', '决算数小于预算数', '决算数大于预算数'))).toEqual([
      'packet.narrative.comparison|error|财政拨款“三公”经费支出决算情况说明：决算数 0.00 万元小于年初预算 0.95 万元，文字却说决算数大于预算数',
    ]);
    expect(added(planted(base, 'fa.gb', '135.25 万元。决算数小于\n预算数', '135.25 万元。决算数与预算数持平'))).toEqual([
      'packet.narrative.comparison|error|一般公共预算财政拨款支出决算情况说明：决算数 135.25 万元小于年初预算 135.90 万元，文字却说决算数与预算数持平',
    ]);
  });

  it('十一（一） 机关运行经费 against 表6 公用经费合计 (184.65 as printed): a changed figure is a 提示, not an error', () => {
    const base = withText();
    const real = textFindings(base);
    const added = (doc: BudgetDocument) => textFindings(doc).filter((f) => !real.includes(f));
    expect(added(planted(base, 'fa.other', '机关运行经费支出 184.65 万元', '机关运行经费支出 174.65 万元'))).toEqual([
      'packet.narrative.table|warning|其他重要事项的情况说明所述机关运行经费 174.65 万元与表6 公用经费合计（184.65 万元）不同：若部门含非参公事业单位可不同，请核对',
      // …and its stated 增加 2.55 / 增长 1.40% now imply last year 172.10, so the rate is off too.
      'packet.narrative.comparison|error|其他重要事项的情况说明：增长率应为 1.48%（2.55 ÷ 上年 172.10），文字为 1.40%',
    ]);
  });

  it('planted: a changed 决算数 disagrees with its table, its word and its 完成率', () => {
    const base = withText();
    const real = textFindings(base);
    const added = (doc: BudgetDocument) => textFindings(doc).filter((f) => !real.includes(f));
    // The 项 line's 决算数 against 表5, and 大于 now that it is above its 年初预算 of 1,560.05.
    expect(added(planted(base, 'fa.gb', '支出决算为 1511.89 万', '支出决算为 1611.89 万'))).toEqual([
      'packet.narrative.table|error|一般公共预算财政拨款支出决算情况说明所述“一般公共服务支出（类）财政事务（款）行政运行（项）”支出决算 1,611.89 万元与表5（1,511.89 万元）不一致',
      'packet.narrative.comparison|error|一般公共预算财政拨款支出决算情况说明：决算数 1,611.89 万元大于年初预算 1,560.05 万元，文字却说决算数小于预算数',
    ]);
    expect(added(planted(base, 'fa.gb', '支出决算为 2940.05 万元', '支出决算为 2904.05 万元'))).toEqual([
      'packet.narrative.comparison|error|一般公共预算财政拨款支出决算情况说明：完成率应为 97.00%（2,904.05 ÷ 2,993.92），文字为 98.20%',
    ]);
    expect(added(planted(base, 'fa.gb', '完\n成年初预算的98.20%', '完\n成年初预算的98.02%'))).toEqual([
      'packet.narrative.comparison|error|一般公共预算财政拨款支出决算情况说明：完成率应为 98.20%（2,940.05 ÷ 2,993.92），文字为 98.02%',
    ]);
    expect(added(planted(base, 'fa.other', '比2023年度增加 2.55 万元，增长1.40%', '比2023年度增加 2.55 万元，增长1.50%'))).toEqual([
      'packet.narrative.comparison|error|其他重要事项的情况说明：增长率应为 1.40%（2.55 ÷ 上年 182.10），文字为 1.50%',
    ]);
    expect(added(planted(base, 'fa.basic', '人员经费 2152.26 万元', '人员经费 2125.26 万元'))).toEqual([
      'packet.narrative.table|error|一般公共预算财政拨款基本支出决算情况说明所述人员经费 2,125.26 万元与表6（2,152.26 万元）不一致；2,125.26 与 2,152.26 只是相邻两位数字顺序不同，疑为录入时数字颠倒',
    ]);
  });
});
