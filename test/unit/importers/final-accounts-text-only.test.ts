import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { TEXT_ONLY_WARNING } from '../../../shared/importers/final-accounts/import';
import type { BudgetDocument } from '../../../shared/model';
import { checkFindings } from '../../../shared/rules/all-findings';

/**
 * 001 is the Xinjiang 2024 部门决算 of 昌吉回族自治州工商业联合会 as published: 第一部分, the
 * 情况说明, 名词解释 and the 绩效自评表; its 第四部分 部门决算报表 says 见附表 (the tables were
 * published apart). It imports with empty tables, and its 情况说明 is audited against itself.
 */
const TEXT = readFileSync(new URL('../../fixtures/001_83be6d852232fd35.txt', import.meta.url), 'utf8');

function imported(text = TEXT): { doc: BudgetDocument; warnings: string[]; tables: number[] } {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return { doc: r.doc, warnings: r.warnings.map((w) => w.message), tables: r.summary.tables };
}

const findings = (doc: BudgetDocument) => checkFindings(BudgetSession.open(doc)).map((f) => `${f.rule}|${f.severity}|${f.expected}|${f.actual}|${f.row}`);

/** The packet's text with one figure changed where it stands (each must be there exactly once). */
function edit(from: string, to: string): string {
  expect(TEXT.split(from).length - 1).toBe(1);
  return TEXT.replace(from, to);
}

describe('a 部门决算 packet without its tables', () => {
  it('imports as a 决算 with its text, part 1 and glossary, the tables left empty and the reason said once', () => {
    const { doc, warnings, tables } = imported();
    expect(doc.template).toBe('final-accounts');
    expect([doc.department, doc.year]).toEqual(['昌吉回族自治州工商业联合会', 2024]);
    expect(tables).toEqual([]);
    expect(warnings).toEqual([TEXT_ONLY_WARNING]);
    // The 11 sections, and the mark that the packet printed no tables.
    expect(Object.keys(doc.narrative.printed).sort()).toEqual(
      ['fa.basic', 'fa.expenditure', 'fa.fiscal', 'fa.fund', 'fa.gb', 'fa.income', 'fa.other', 'fa.overview', 'fa.performance', 'fa.soe', 'fa.tables', 'fa.threePublic'].sort(),
    );
    expect(doc.profile.functions).toMatch(/^昌吉回族自治州工商业联合会是中国共产党领导的/);
    // 第三部分 专业名词解释: 14 entries, the last one ending before 第四部分 部门决算报表（见附表）.
    expect(doc.glossary?.length).toBe(14);
    expect(doc.glossary?.at(-1)).toEqual({ term: '机关运行经费', definition: '行政单位和参照公务员法管理的事业单位财政拨款基本支出中的公用经费支出。' });
    expect(doc.functionRows).toEqual([]);
    expect(doc.printed).toEqual({});
  });

  it('its real defects: lists that do not add up to the totals they break down, and 增加 0.00 万元', () => {
    expect(findings(imported().doc)).toEqual([
      // What printing it now would give: 0 throughout, until the tables are entered.
      'packet.tables.absent|warning|||各表',
      // 251.32 + 44.05 = 295.37.
      'packet.narrative.parts|error|295.37|295.38|支出决算情况说明：本年支出合计',
      // The 14 项 of 五（三）: 140.05 + 38.90 + 49.01 + 1.65 + 0.00 + 2.93 + 18.81 + 11.03 + 7.66 + 3.36 + 0.69 + 0.02 + 17.65 + 0.00.
      'packet.narrative.parts|error|291.76|291.78|一般公共预算财政拨款支出决算情况说明：各项支出',
      'packet.narrative.parts|error|229.61|229.62|一般公共预算财政拨款支出决算情况说明：一般公共服务支出（类）下各项',
      'packet.narrative.parts|error|11.73|11.74|一般公共预算财政拨款支出决算情况说明：卫生健康支出（类）下各项',
      'packet.narrative.comparison|warning|持平|增加0.00万元|财政拨款“三公”经费支出决算情况说明：“2.15万元，占54.71%，比上年增加0.00万元，增长0.00%”',
    ]);
    const messages = checkFindings(BudgetSession.open(imported().doc)).map((f) => f.message);
    expect(messages[0]).toContain('打印公开文件前请录入或粘贴各表');
    expect(messages[1]).toBe(
      '支出决算情况说明所述本年支出合计 295.38 万元，而所列各项之和为 295.37 万元（基本支出 251.32 + 项目支出 44.05 + 上缴上级支出 0.00 + 经营支出 0.00 + 对附属单位补助支出 0.00）（相差 0.01 万元，可能是尾差）',
    );
    expect(messages[2]).toContain('相差 0.02 万元，在 14 项各自四舍五入的误差之内');
  });

  it('a figure set right clears its finding (the sums are computed, not remembered)', () => {
    const fixed = imported(edit('项目支出44.05万元', '项目支出44.06万元')).doc;
    expect(findings(fixed).filter((f) => f.includes('支出决算情况说明：本年支出合计'))).toEqual([]);
  });

  it.each([
    ['income parts', '其他收入0.12万元', '其他收入0.15万元', 'packet.narrative.parts|error|291.93|291.90|收入决算情况说明：本年收入合计'],
    ['overview parts', '年初结转和结余49.03万元', '年初结转和结余49.30万元', 'packet.narrative.parts|error|341.20|340.93|收入支出决算总体情况说明：收入总计'],
    ['the same figure twice', '本年收入291.90万元', '本年收入291.09万元', 'packet.narrative.restated|error|291.90|291.09|收入决算情况说明：本年收入合计'],
    ['两部分所述本年支出', '本年支出合计295.38万元，结余分配', '本年支出合计259.38万元，结余分配', 'packet.narrative.parts|error|295.38|259.38|收入支出决算总体情况说明：本年支出合计'],
    ['人员经费 + 公用经费', '人员经费236.25万元', '人员经费236.52万元', 'packet.narrative.parts|error|251.50|251.23|一般公共预算财政拨款基本支出决算情况说明：一般公共预算财政拨款基本支出'],
    ['三公 parts', '公务接待费支出0.13万元', '公务接待费支出0.31万元', 'packet.narrative.parts|error|4.11|3.93|财政拨款“三公”经费支出决算情况说明：“三公”经费支出决算'],
    ['政府采购 parts', '政府采购服务支出16.90万元', '政府采购服务支出16.09万元', 'packet.narrative.parts|error|19.08|19.89|情况说明十一：政府采购'],
    ['the details restating a figure differently', '因公出国（境）费支出1.65万元，开支', '因公出国（境）费支出1.56万元，开支', 'packet.narrative.restated|error|1.65|1.56|财政拨款“三公”经费支出决算情况说明：因公出国（境）费'],
    ['a share against the stated whole', '项目支出44.05万元，占14.91%', '项目支出44.05万元，占15.91%', 'packet.narrative.share|error|14.91%|15.91%|支出决算情况说明：项目支出'],
  ])('planted: %s', (_what, from, to, finding) => {
    expect(findings(imported(edit(from, to)).doc)).toContain(finding);
  });

  it('a list that names only some of its parts is checked only for exceeding its total', () => {
    // 上缴上级支出 … 对附属单位补助支出 left unsaid: 251.32 + 44.05 may be short of 295.38 by what they hold.
    const some = imported(edit('；上缴上级支出0.00万元，占0.00%；经营支出0.00万元，占0.00%；对附属单位补助支出0.00万元，占0.00%', '')).doc;
    expect(findings(some).filter((f) => f.includes('支出决算情况说明：本年支出合计'))).toEqual([]);
    const over = imported(edit('；上缴上级支出0.00万元，占0.00%；经营支出0.00万元，占0.00%；对附属单位补助支出0.00万元，占0.00%', '；经营支出1.00万元，占0.34%')).doc;
    expect(findings(over)).toContain('packet.narrative.parts|error|296.37|295.38|支出决算情况说明：本年支出合计');
  });

  it('with its tables filled in, the text is checked against the tables instead', () => {
    const doc = imported().doc;
    doc.fixed['1'] = { 'in.other': { '1': '0.12' } };
    const rules = new Set(checkFindings(BudgetSession.open(doc)).map((f) => f.rule));
    expect(rules.has('packet.narrative.parts')).toBe(false);
    expect(rules.has('packet.tables.absent')).toBe(false);
    expect(rules.has('packet.narrative.table')).toBe(true);
  });

  it('a budget packet and a 决算 with tables are not taken for one', () => {
    const budget = importAnyPacketText(readFileSync(new URL('../../fixtures/003_d8581a66e967af08.txt', import.meta.url), 'utf8'));
    expect(budget.ok && budget.doc.template).toBe('xinjiang-budget-2024');
    // Only the first part: no 情况说明 sections, so not a text-only 决算 either.
    const head = importAnyPacketText(TEXT.slice(0, TEXT.indexOf('第二部分')));
    expect(head.ok).toBe(false);
    if (!head.ok) expect(head.error).toContain('没有可识别的“部门决算情况说明”');
  });
});
