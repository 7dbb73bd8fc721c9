import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { builtinFormat } from '../../../shared/formats/registry';
import type { BudgetDocument } from '../../../shared/model';
import { generateNarrative, sectionTitles } from '../../../shared/narrative/generate';
import { glossaryOf } from '../../../shared/narrative/glossary';
import { narrativeInputs, writeInput } from '../../../shared/narrative/inputs';
import { isToken, type Paragraph, paragraphText } from '../../../shared/narrative/types';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { checkFindings } from '../../../shared/rules/all-findings';

/**
 * The 决算 情况说明 generated from the imported Putuo 2024 决算 (its PDF's tables), with the inputs the packet's own
 * text gives (last year's 决算, 年初预算, reasons, 主要用于, 绩效, 政府采购, 资产). Expectations are
 * the figures the PDF prints (shared/disclosures/shanghai/putuo-finance-2024-final-accounts.pdf).
 */
const PDF = fileURLToPath(new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.pdf', import.meta.url));
let imported: BudgetDocument;

beforeAll(async () => {
  const r = await importPacketFile(PDF);
  if (!r.ok) throw new Error(r.error);
  imported = r.doc;
}, 60_000);

/**
 * The imported packet as an accountant would start drafting from it: its tables, without its printed
 * text or the inputs read from it (final-accounts-narrative-inputs.test.ts).
 */
function putuoImported(): BudgetDocument {
  const doc = structuredClone(imported);
  doc.narrative.printed = {};
  doc.priorYear = { income: {}, gbItems: {}, threePublic: {} };
  delete doc.initialBudget;
  delete doc.narrative.runningCosts;
  Object.assign(doc.narrative, { reasons: {}, purposes: {}, procurement: {}, performance: {}, assets: {} });
  return doc;
}

function putuoWithInputs(): BudgetDocument {
  const doc = putuoImported();
  // 一: 2,995.39, 减少 56.95 → 3,052.34; 五（一）: 2,940.05, 减少 63.14 → 3,003.19; 四 持平; 十一（一）: 184.65, 增加 2.55 → 182.10.
  doc.priorYear.income = { total: '3052.34', fiscal: '2961.68', gb: '3003.19' };
  doc.priorYear.runningCosts = '182.10';
  doc.priorYear.threePublic = { total: '0.00', abroad: '0.00', vehicles: '0.00', reception: '0.00' };
  doc.initialBudget = {
    totals: { gb: '2993.92' },
    gbItems: {
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
    },
    fundItems: {},
    soeItems: {},
  };
  const cause = '基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付';
  doc.narrative.reasons = {
    'fa.total': cause,
    'fa.gb': cause,
    'fa.gb.budget': '因年度工作计划安排，个别信息化项目和中介机构服务调减',
    'fa.gb.2010601': '人员进出及退休变化，减少人员经费开支',
    'fa.gb.2010607': '因产业政策扶持资金管理系统项目进度，调减相关经费',
    'fa.3p.budget': '当年度无“三公”经费支出',
    'fa.running': '优化办公环境、提升照明效率，更换了老旧照明设施，导致相关支出略有增加',
  };
  doc.narrative.purposes = { '2010601': '局本部人员经费及公用经费等的基本支出', '2010607': '信息化系统日常维护费等支出' };
  doc.narrative.performance = {
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
  };
  doc.narrative.procurement = {
    total: '251.25',
    goods: '4.79',
    works: '0',
    services: '246.47',
    sme: '246.47',
    micro: '0',
    'sme.awarded': '246.47',
    'micro.awarded': '0',
    'other.sme': '4.79',
  };
  doc.narrative.assets = Object.fromEntries([
    ...['minister', 'leader', 'confidential', 'emergency', 'enforcement', 'special', 'retired', 'other'].map((k) => [`sh.held.vehicle.${k}`, '0']),
    ['sh.held.equipment100', '2'],
  ]);
  return doc;
}

const generated = () => generateNarrative(BudgetSession.open(putuoWithInputs()));
const para = (ps: Paragraph[], id: string) => {
  const p = ps.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p;
};
/** Every number of a paragraph as printed, thousands separators dropped (the Putuo text prints none). */
const numbers = (p: Paragraph) => p.runs.filter(isToken).map((t) => t.text.replace(/,/g, ''));
const text = (p: Paragraph) => paragraphText(p.runs).replace(/(\d),(?=\d{3})/g, '$1');

describe('final-accounts: the eleven 情况说明 sections generated from the Putuo 2024 决算', () => {
  it('has the template’s eleven sections in order, and its own 名词解释', () => {
    const session = BudgetSession.open(putuoWithInputs());
    expect(sectionTitles(session)).toEqual([
      '一、收入支出决算总体情况说明',
      '二、收入决算情况说明',
      '三、支出决算情况说明',
      '四、财政拨款收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '七、财政拨款“三公”经费支出决算情况说明',
      '八、政府性基金预算财政拨款收入支出决算情况说明',
      '九、国有资本经营预算财政拨款收入支出决算情况说明',
      '十、预算绩效管理情况',
      '十一、其他重要事项的情况说明',
    ]);
    const glossary = glossaryOf(session.document, builtinFormat('final-accounts'));
    expect(glossary.map((g) => g.term)).toEqual(['财政拨款收入', '事业收入', '经营收入', '其他收入', '年初结转和结余', '年末结转和结余', '基本支出', '项目支出', '经营支出', '“三公”经费', '机关运行经费']);
    expect(glossary[10]!.definition).toBe('指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');
  });

  it('一 … 四: totals, shares and changes against 2023 as the PDF prints them', () => {
    const [s1, s2, s3, s4] = generated().sections;
    expect(text(para(s1!.paragraphs, 'fa1.total'))).toBe(
      '上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。',
    );
    // The PDF: 本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%.
    expect(numbers(para(s2!.paragraphs, 'fa2.income'))).toEqual(['2946.25', '2940.05', '99.79', '6.20', '0.21']);
    // 本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%.
    expect(numbers(para(s3!.paragraphs, 'fa3.spend'))).toEqual(['2940.05', '2336.91', '79.49', '603.14', '20.51']);
    // The PDF prints 0.3 万元 here, a misprint the audit reports; 表4 prints 总计 2,961.68 (持平 with 2023).
    expect(text(para(s4!.paragraphs, 'fa4.total'))).toBe('上海市普陀区财政局2024年度财政拨款收入支出总计2961.68万元。与2023年度相比，财政拨款收入支出总计持平。');
  });

  it('五: the total against 2023, the 类 structure, and the total and every 项 against its 年初预算 with 完成率 and 小于/持平', () => {
    const ps = generated().sections[4]!.paragraphs;
    expect(text(para(ps, 'fa5.total'))).toBe(
      '一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。',
    );
    // Amounts as printed; the PDF's shares are 71.73 (a misprint: 2,106.66 ÷ 2,940.05 = 71.65%), 11.11, 2.07, 15.16,
    // which add to 100.07%: the shares here are rounded to add to 100.00% (largest remainder gives 卫生健康 2.08).
    expect(numbers(para(ps, 'fa5.structure'))).toEqual(['2940.05', '2106.66', '71.65', '326.72', '11.11', '60.99', '2.08', '445.69', '15.16']);
    expect(text(para(ps, 'fa5.budget'))).toBe(
      '一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：因年度工作计划安排，个别信息化项目和中介机构服务调减。其中：',
    );
    expect(text(para(ps, 'fa5.item.2010601'))).toBe(
      '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。',
    );
    expect(text(para(ps, 'fa5.item.2010607'))).toBe(
      '3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：信息化系统日常维护费等支出。年初预算为135.90万元，支出决算为135.25万元。决算数小于预算数的主要原因：因产业政策扶持资金管理系统项目进度，调减相关经费。',
    );
    // Each 项: [年初预算, 决算] as the PDF prints them, and the word that follows from them.
    const items = ps.filter((p) => p.id.startsWith('fa5.item.'));
    expect(items.map((p) => [...numbers(p), /小于/.test(text(p)) ? '小于' : /大于/.test(text(p)) ? '大于' : '持平'])).toEqual([
      ['1560.05', '1511.89', '小于'],
      ['10.00', '10.00', '持平'],
      ['135.90', '135.25', '小于'],
      ['450.52', '449.52', '小于'],
      ['85.55', '84.65', '小于'],
      ['161.62', '160.75', '小于'],
      ['80.81', '80.38', '小于'],
      ['0.94', '0.94', '持平'],
      ['62.29', '60.99', '小于'],
      ['187.75', '187.19', '小于'],
      ['258.50', '258.50', '持平'],
    ]);
  });

  it('六 and 七: 人员经费/公用经费 with the 款 they include; 三公 预算 0.95 against 决算 0.00', () => {
    const s = generated().sections;
    // The PDF's text ends 人员经费 with 个人农业生产补贴, but its 表6 prints that 0.31 on the 奖励金 row: the text follows the table.
    expect(text(para(s[5]!.paragraphs, 'fa6.basic'))).toBe(
      '一般公共预算财政拨款基本支出2336.91万元。其中：人员经费2152.26万元，主要包括：基本工资、津贴补贴、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、奖励金；公用经费184.65万元，主要包括：办公费、印刷费、手续费、邮电费、差旅费、维修（护）费、培训费、劳务费、工会经费、福利费、其他交通费用、其他商品和服务支出、办公设备购置。',
    );
    const t = s[6]!.paragraphs;
    // The PDF: 年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，… 小于预算数的主要原因：当年度无“三公”经费支出。
    expect(numbers(para(t, 'fa7.budget'))).toEqual(['0.95', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(text(para(t, 'fa7.budget'))).toContain('2024年度“三公”经费支出决算数小于预算数的主要原因：当年度无“三公”经费支出。');
    expect(text(para(t, 'fa7.prior'))).toBe('2024年度“三公”经费财政拨款支出决算数与2023年度持平，其中：因公出国（境）费支出决算持平；公务用车购置及运行维护费支出决算持平；公务接待费支出决算持平。');
    expect(text(para(t, 'fa7.none'))).toBe('上海市普陀区财政局2024年度无“三公”经费财政拨款支出。');
    expect(text(para(s[7]!.paragraphs, 'fa8.none'))).toBe('上海市普陀区财政局2024年度无政府性基金预算财政拨款收入和支出。');
    expect(text(para(s[8]!.paragraphs, 'fa9.none'))).toBe('上海市普陀区财政局2024年度无国有资本经营预算财政拨款收入和支出。');
  });

  it('十 and 十一: 绩效 figures, 机关运行经费 against 2023, 政府采购 and 国有资产 as printed', () => {
    const s = generated().sections;
    expect(numbers(para(s[9]!.paragraphs, 'fa10.performance'))).toEqual(['4', '598.42', '4', '598.42', '4', '598.42', '99.43', '4', '0', '0', '0', '0', '0', '0']);
    const o = s[10]!.paragraphs;
    expect(text(para(o, 'fa11.running'))).toBe('机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是优化办公环境、提升照明效率，更换了老旧照明设施，导致相关支出略有增加。');
    expect(numbers(para(o, 'fa11.procurement'))).toEqual(['251.25', '4.79', '0.00', '246.47']);
    expect(numbers(para(o, 'fa11.procurement.sme'))).toEqual(['246.47', '0.00', '246.47', '0.00', '4.79']);
    expect(text(para(o, 'fa11.assets'))).toBe(
      '截至2024年12月31日，上海市普陀区财政局共有车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆。单价100万元（含）以上设备（不含车辆）2台（套）。',
    );
  });

  it('十一（一） states a typed 机关运行经费 instead of 表6 公用经费合计 (units not all 行政/参公), and the next year compares with it', () => {
    const doc = putuoWithInputs();
    const f = narrativeInputs(doc, generateNarrative(BudgetSession.open(doc))).find((x) => x.paragraph === 'fa11.running' && x.path.key === 'runningCosts')!;
    expect(writeInput(doc, f, '174.65')).toEqual({ ok: true });
    const n = generateNarrative(BudgetSession.open(doc));
    const p = para(n.sections[10]!.paragraphs, 'fa11.running');
    expect(text(p)).toMatch(/^机关运行经费支出174\.65万元，比2023年度减少7\.45万元，下降4\.09%。/);
    expect(p.runs.filter(isToken)[0]).toMatchObject({ label: '机关运行经费（填写数）', source: { kind: 'input', field: 'runningCosts' } });
    // The reason written for the increase now explains a decrease: flagged, not printed silently.
    expect(n.reasonConflicts.map((c) => c.field)).toContain('narrative.reasons.fa.running');
    expect(nextYearDocument(doc).priorYear.runningCosts).toBe('174.65');
    expect(nextYearDocument(putuoWithInputs()).priorYear.runningCosts).toBe('184.65');
  });

  it('every amount is traceable: a table cell, 上年决算数, 年初预算数 or an input', () => {
    const n = generated();
    const sources = new Set<string>();
    const walk = (s: { kind: string; of?: unknown[]; current?: unknown; previous?: unknown; part?: unknown; whole?: unknown }): void => {
      sources.add(s.kind);
      for (const x of [...(s.of ?? []), s.current, s.previous, s.part, s.whole]) if (x) walk(x as typeof s);
    };
    for (const sec of n.sections) for (const p of sec.paragraphs) for (const t of p.runs.filter(isToken)) walk(t.source);
    expect([...sources].sort()).toEqual(['budget', 'cell', 'change', 'input', 'prior', 'rate', 'share', 'sum']);
    const t5 = para(n.sections[4]!.paragraphs, 'fa5.budget').runs.filter(isToken);
    expect(t5.map((t) => t.source)).toEqual([
      { kind: 'budget', field: 'totals.gb' },
      { kind: 'cell', cell: expect.stringContaining('5|total|1') },
      { kind: 'share', part: { kind: 'cell', cell: expect.stringContaining('5|total|1') }, whole: { kind: 'budget', field: 'totals.gb' }, method: 'half-up' },
    ]);
  });

  it('asks for what it needs and does not invent it: no 年初预算, no reason, no last year', () => {
    const doc = putuoImported();
    const n = generateNarrative(BudgetSession.open(doc));
    const fields = n.missing.map((m) => m.field);
    expect(fields).toEqual(expect.arrayContaining(['priorYear.income.total', 'priorYear.income.fiscal', 'initialBudget.totals.gb', 'initialBudget.gbItems.2010601', 'narrative.purposes.2010601']));
    // Without the 年初预算 the 项 states its 决算数 alone.
    expect(text(para(n.sections[4]!.paragraphs, 'fa5.item.2010601'))).toBe('1、一般公共服务支出（类）财政事务（款）行政运行（项）。支出决算为1511.89万元。');
    // A 决算 above its budget says 大于, and asks for that reason.
    const up = putuoWithInputs();
    up.initialBudget!.gbItems['2010601'] = '1500.00';
    const n2 = generateNarrative(BudgetSession.open(up));
    const p = para(n2.sections[4]!.paragraphs, 'fa5.item.2010601');
    expect(text(p)).toContain('年初预算为1500.00万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员进出及退休变化，减少人员经费开支。');
    // The reason written for 小于 (“减少…”) now explains 大于: flagged for review.
    expect(checkFindings(BudgetSession.open(up)).filter((f) => f.rule === 'narrative.reason.direction').map((f) => f.message)).toEqual([
      '一般公共服务支出（类）财政事务（款）行政运行（项）决算数大于年初预算，但填写的主要原因说的是减少（“人员进出及退休变化，减少人员经费开支”），请复核',
    ]);
  });

  it('the 情况说明 page offers each input under its paragraph: 年初预算, 上年决算, reasons, 主要用于', () => {
    const doc = putuoWithInputs();
    const fields = narrativeInputs(doc, generateNarrative(BudgetSession.open(doc)));
    const at = (paragraph: string) => fields.filter((f) => f.paragraph === paragraph).map((f) => `${f.label}=${f.value}`);
    expect(at('fa5.budget')).toEqual(['一般公共预算财政拨款支出年初预算数（万元）=2993.92', '一般公共预算财政拨款支出决算数与预算数不同的主要原因=因年度工作计划安排，个别信息化项目和中介机构服务调减']);
    expect(at('fa5.item.2010601')).toEqual([
      '2010601 主要用于=局本部人员经费及公用经费等的基本支出',
      '2010601年初预算数（万元）=1560.05',
      '2010601 决算数与预算数不同的主要原因=人员进出及退休变化，减少人员经费开支',
    ]);
    expect(at('fa1.total')).toEqual(['收入支出总计上年决算数（万元）=3052.34', `收入支出总计比上年增减的主要原因=${doc.narrative.reasons['fa.total']}`]);
    expect(at('fa11.running').slice(0, 2)).toEqual(['机关运行经费（万元）（空则为表6 公用经费合计；有非行政、参公单位时填写）=', '机关运行经费上年决算数（万元）=182.10']);
    // Typing a 年初预算 into a document that has none creates its place; the text then states it.
    const bare = putuoImported();
    const f = narrativeInputs(bare, generateNarrative(BudgetSession.open(bare))).find((x) => x.paragraph === 'fa5.item.2010607' && x.path.root === 'initialBudget')!;
    expect(writeInput(bare, f, '135.90')).toEqual({ ok: true });
    expect(bare.initialBudget?.gbItems).toEqual({ '2010607': '135.90' });
    const p = para(generateNarrative(BudgetSession.open(bare)).sections[4]!.paragraphs, 'fa5.item.2010607');
    expect(text(p)).toBe('3、一般公共服务支出（类）财政事务（款）信息化建设（项）。年初预算为135.90万元，支出决算为135.25万元。决算数小于预算数。');
    expect(writeInput(bare, f, '一百')).toEqual({ ok: false, reason: expect.stringContaining('2010607年初预算数（万元）') });
  });
});
