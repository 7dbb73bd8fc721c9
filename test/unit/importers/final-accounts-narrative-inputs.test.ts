import { beforeAll, describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { fillFinalAccountsInputs } from '../../../shared/importers/final-accounts/narrative-inputs';
import type { BudgetDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { paragraphText } from '../../../shared/narrative/types';

const PDF = new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.pdf', import.meta.url).pathname;
let imported: BudgetDocument;

beforeAll(async () => {
  const r = await importPacketFile(PDF);
  if (!r.ok) throw new Error(r.error);
  imported = r.doc;
}, 60_000);

const paragraphs = (doc: BudgetDocument) => new Map(generateNarrative(BudgetSession.open(doc)).sections.flatMap((s) => s.paragraphs).map((p) => [p.id, paragraphText(p.runs)]));

/** The imported document with its inputs cleared and read again from its printed 情况说明 after `edit`. */
function reread(edit: (printed: Record<string, string>) => void): BudgetDocument {
  const doc: BudgetDocument = structuredClone(imported);
  doc.priorYear = { income: {}, gbItems: {}, threePublic: {} };
  delete doc.initialBudget;
  delete doc.narrative.runningCosts;
  Object.assign(doc.narrative, { reasons: {}, purposes: {}, procurement: {}, performance: {}, assets: {} });
  edit(doc.narrative.printed);
  fillFinalAccountsInputs(doc, BudgetSession.open(doc));
  return doc;
}

describe('a 部门决算 packet’s 情况说明 read into the inputs it prints from (Putuo 2024 决算)', () => {
  it('last year’s 决算 from each change stated, the 年初预算 in total and per 项, the reasons and what each 项 is for', () => {
    const doc = imported;
    // 一: 2,995.39 减少 56.95 → 3,052.34; 四: 持平 (the table's 2,961.68); 五（一）: 2,940.05 减少 63.14 → 3,003.19;
    // 十一（一）: 184.65 增加 2.55 → 182.10; 三公 “与2023年度持平” at 0.00.
    expect(doc.priorYear.income).toEqual({ total: '3052.34', fiscal: '2961.68', gb: '3003.19' });
    expect(doc.priorYear.runningCosts).toBe('182.10');
    expect(doc.priorYear.threePublic).toEqual({ total: '0.00', abroad: '0.00', vehicles: '0.00', reception: '0.00' });
    expect(doc.initialBudget?.totals).toEqual({ gb: '2993.92' });
    expect(doc.initialBudget?.gbItems).toEqual({
      '2010601': '1560.05',
      '2010602': '10.00',
      '2010607': '135.90',
      '2010608': '450.52',
      '2080501': '85.55',
      '2080505': '161.62',
      '2080506': '80.81',
      '2080599': '0.94',
      '2101101': '62.29',
      '2210201': '187.75',
      '2210203': '258.50',
    });
    expect(doc.narrative.purposes['2010601']).toBe('局本部人员经费及公用经费等的基本支出');
    expect(doc.narrative.purposes['2210203']).toBe('缴纳在职人员住房购房补贴');
    expect(Object.keys(doc.narrative.purposes)).toHaveLength(11);
    const cause = '基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付';
    expect(doc.narrative.reasons).toMatchObject({
      'fa.total': cause,
      'fa.gb': cause,
      'fa.gb.budget': '因年度工作计划安排，个别信息化项目和中介机构服务调减',
      'fa.gb.2010601': '人员进出及退休变化，减少人员经费开支',
      'fa.gb.2010607': '因产业政策扶持资金管理系统项目进度，调减相关经费',
      'fa.3p.budget': '当年度无“三公”经费支出',
      'fa.running': '优化办公环境、提升照明效率，更换了老旧照明设施，导致相关支出略有增加',
    });
    // 四 is 持平: the text's reason is not asked for; 2010602 and 2210203 are 持平 with their budgets.
    expect(doc.narrative.reasons['fa.fiscal']).toBeUndefined();
    expect(doc.narrative.reasons['fa.gb.2010602']).toBeUndefined();
  });

  it('绩效, 政府采购 and 国有资产 as stated; 机关运行经费 follows 表6 as printed, not typed', () => {
    const n = imported.narrative;
    expect(n.performance).toEqual({
      'fa.rules': '普陀区财政局预算绩效管理实施办法',
      'fa.mechanism': '普陀区财政局',
      'fa.targets.count': '4',
      'fa.targets.amount': '598.42',
      'fa.tracking.count': '4',
      'fa.tracking.amount': '598.42',
      'fa.self.count': '4',
      'fa.self.amount': '598.42',
      'fa.self.score': '99.43',
      'fa.grade.excellent': '4',
      'fa.grade.good': '0',
      'fa.grade.pass': '0',
      'fa.grade.fail': '0',
      'fa.issues': '0',
      'fa.issues.fixed': '0',
      'fa.issues.fixing': '0',
    });
    // 251.25 by contract is not 4.79 + 0 + 246.47 = 251.26: the total stated is kept as typed.
    expect(n.procurement).toEqual({ total: '251.25', goods: '4.79', works: '0.00', services: '246.47', sme: '246.47', micro: '0.00', 'sme.awarded': '246.47', 'micro.awarded': '0.00', 'other.sme': '4.79' });
    expect(n.assets['sh.held.equipment100']).toBe('2');
    expect(n.assets['sh.held.vehicle.enforcement']).toBe('0');
    // 截至2024年12月31日 is the usual date; 184.65 is what 表6 prints (its rows add up to 184.67).
    expect(n.assets['sh.asOf']).toBeUndefined();
    expect(n.runningCosts).toBeUndefined();
  });

  it('prints again as published: nothing left to fill in, and each change as the packet states it', () => {
    const n = generateNarrative(BudgetSession.open(imported));
    expect(n.missing).toEqual([]);
    const p = paragraphs(imported);
    expect(p.get('fa1.total')).toBe(`上海市普陀区财政局2024年度收入支出总计2,995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。`);
    expect(p.get('fa5.total')).toContain('与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。');
    expect(p.get('fa5.item.2010607')).toBe('3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：信息化系统日常维护费等支出。年初预算为135.90万元，支出决算为135.25万元。决算数小于预算数的主要原因：因产业政策扶持资金管理系统项目进度，调减相关经费。');
    expect(p.get('fa11.running')).toBe('机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是优化办公环境、提升照明效率，更换了老旧照明设施，导致相关支出略有增加。');
    // Without its printed text the same tables leave every one of those inputs to fill in.
    expect(generateNarrative(BudgetSession.open(reread((printed) => {
      for (const k of Object.keys(printed)) delete printed[k];
    }))).missing.length).toBeGreaterThan(50);
  });

  it('a figure of its own for 机关运行经费, a total that is the sum of its kinds, and another date', () => {
    const doc = reread((printed) => {
      printed['fa.other'] = printed['fa.other']!
        .replace(/机关运行经费支出\s*184\.65\s*万元，比2023年度增加\s*2\.55\s*万元/, '机关运行经费支出 190.00 万元，比2023年度减少 10.00 万元')
        .replace(/为\s*251\.25\s*万元/, '为 251.26 万元')
        .replace('截至2024年12月31日', '截至2024年11月30日');
      printed['fa.overview'] = printed['fa.overview']!.replace('与2023年度相比', '与上年度相比');
    });
    // Neither 表6's sum (184.67) nor what it printed (184.65): the department's own figure, and last year's from it.
    expect(doc.narrative.runningCosts).toBe('190.00');
    expect(doc.priorYear.runningCosts).toBe('200.00');
    expect(doc.narrative.procurement.total).toBeUndefined();
    expect(doc.narrative.assets['sh.asOf']).toBe('2024年11月30日');
    // “与上年度相比” as well as “与2023年度相比”.
    expect(doc.priorYear.income.total).toBe('3052.34');
    const p = paragraphs(doc);
    expect(p.get('fa11.running')).toMatch(/^机关运行经费支出190\.00万元，比2023年度减少10\.00万元，下降5\.00%。/);
    expect(p.get('fa11.procurement')).toContain('政府采购金额（以合同签订为准）为251.26万元');
  });

  it('takes nothing from the blank 决算 template: its XX and …… are placeholders, not figures or reasons', async () => {
    const r = await importPacketFile(new URL('../../fixtures/shanghai/final-accounts-template.pdf', import.meta.url).pathname);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.priorYear).toEqual({ income: {}, gbItems: {}, threePublic: {} });
    expect(r.doc.initialBudget).toBeUndefined();
    expect(r.doc.narrative.reasons).toEqual({});
    expect(r.doc.narrative.purposes).toEqual({});
    expect(r.doc.narrative.performance).toEqual({});
  });

  it('reads a crafted text of many half-named 项 in well under a second (the patterns stay within a sentence)', () => {
    const started = performance.now();
    const doc = reread((printed) => {
      printed['fa.gb'] = `1、${'甲（类）乙（款）'.repeat(30_000)}。${'2、丙（类）丁（款）戊（项）。年初预算为'.repeat(5_000)}`;
      printed['fa.other'] = '机关运行经费支出'.repeat(50_000);
    });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(doc.initialBudget).toBeUndefined();
  });
});
