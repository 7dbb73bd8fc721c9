import type { BudgetSession } from '../../engine/session';
import type { BudgetDocument } from '../../model/schema';
import { type Fen, formatExact } from '../../money';
import { FA_PERFORMANCE_KEYS, FA_PROCUREMENT_KEYS } from '../../narrative/sections/final-accounts/other';
import { FA_3P } from '../../narrative/sections/final-accounts/three-public';
import { functionCodeByNames } from '../function-code-by-names';
import { readVehicleCounts } from '../shanghai/narrative-inputs';
import { priorOf, STATED_WAN, statedCell, statedText, wanFen } from '../stated-change';
import { type FaSection, faPrintedKey } from './printed-sections';

const N = STATED_WAN;
/** “与2023年度相比，{what}减少 56.95 万元” / “…{what}持平”: the word (group 1) and the change (group 2). */
const AGAINST_LAST_YEAR = (what: string) => `与(?:\\d{4}|上)年度?相比[，,]${what}(增加|增长|减少|下降|持平)(?:${N}万元)?`;
/** “…。主要原因：…。” right after the sentence of a change (its group: the reason). */
const BECAUSE = '[^。]{0,60}。主要原因(?:是|为|：|:)([^。]{1,1000})。';
/** “决算数小于预算数的主要原因：…。” (group 1), or the same figures “持平” (no group). */
const AGAINST_BUDGET = '(?:决算数(?:大于|小于)预算数的主要原因[：:]([^。]{1,1000})。)?';

const squash = (t: string) => t.replace(/\s+/g, '');
/** A 项 line of 五/八/九（具体情况）: names (within its sentence), 主要用于, 年初预算, 支出决算 and the reason they differ. */
const ITEM = new RegExp(
  `\\d{1,3}[、.．]([^。]{1,80}?)（类）([^。]{1,80}?)（款）([^。]{1,80}?)（项）。(?:主要用于[：:]([^。]{1,1000})。)?年初预算为${N}万元[，,]支出决算为${N}万元[，,。]?(?:完成[^。]{0,30}。)?${AGAINST_BUDGET}`,
  'g',
);

/**
 * What a 部门决算 packet's 情况说明 states that its tables do not, put into the document's inputs
 * so that it prints again as published and nothing is typed twice: last year's 决算数 (this
 * year's cell ∓ each “与上年度相比…增加/减少 X 万元”, the same when 持平) and the reasons, the
 * 年初预算 of 一般公共预算 in total and per 项 with what each 项 is for and why its 决算 differs,
 * “三公” against budget and last year, 机关运行经费, 政府采购, 国有资产 and 绩效管理. Only what
 * the text states is filled; an input already given is kept. This year's figures are the cells as
 * the text states them (narrative/figures.ts), so each change prints again as published.
 */
export function fillFinalAccountsInputs(doc: BudgetDocument, session: BudgetSession): void {
  const cell = statedCell(session);
  const text = (s: FaSection) => squash(doc.narrative.printed[faPrintedKey(s)] ?? '');
  const n = doc.narrative;
  const prior = doc.priorYear;
  const amount = (fen: Fen) => formatExact(fen, doc.unit);
  const reason = (key: string, r: string | undefined) => {
    const t = statedText(r);
    if (t && !n.reasons[key]) n.reasons[key] = t;
  };
  const lastYear = (section: FaSection, what: string, current: Fen, set: (v: string) => void, reasonKey: string) => {
    const m = new RegExp(`${AGAINST_LAST_YEAR(what)}(?:${BECAUSE})?`).exec(text(section));
    if (!m) return;
    const p = priorOf(current, m[1]!, m[2]);
    if (p === undefined) return;
    set(amount(p));
    if (m[1] !== '持平') reason(reasonKey, m[3]);
  };

  // 一、四、五（一）: totals against last year's 决算.
  lastYear('overview', '收入支出总计', cell(1, 'in.total', '1'), (v) => (prior.income.total ??= v), 'fa.total');
  lastYear('fiscal', '财政拨款收入支出总计', cell(4, 'in.total', '1'), (v) => (prior.income.fiscal ??= v), 'fa.fiscal');
  lastYear('gb', '一般公共预算财政拨款支出', cell(5, 'total', '1'), (v) => (prior.income.gb ??= v), 'fa.gb');

  // 五（三）, 八, 九: the 年初预算 in total and per 项.
  // Made only when the text states a budget figure: a document without one has no 年初预算 record.
  const budget = () => (doc.initialBudget ??= { totals: {}, gbItems: {}, fundItems: {}, soeItems: {} });
  const gb = text('gb');
  const total = new RegExp(`一般公共预算财政拨款支出年初预算为${N}万元[，,]支出决算为${N}万元[^。]{0,40}。${AGAINST_BUDGET}`).exec(gb);
  const totalBudget = wanFen(total?.[1]);
  if (totalBudget !== undefined) budget().totals.gb ??= amount(totalBudget);
  reason('fa.gb.budget', total?.[3]);
  const funds = [
    ['gb', 5, '1', 'gbItems', 'fa.gb'],
    ['fund', 8, '3', 'fundItems', 'fa.fund'],
    ['soe', 9, '3', 'soeItems', 'fa.soe'],
  ] as const;
  for (const [section, table, col, record, reasonPrefix] of funds) {
    for (const m of text(section).matchAll(ITEM)) {
      const stated = wanFen(m[6]);
      const code = functionCodeByNames(doc, m[1]!, m[2]!, m[3]!, (c) => stated !== undefined && cell(table, c, col) === stated);
      const b = wanFen(m[5]);
      if (!code) continue;
      const purpose = statedText(m[4]);
      if (purpose && !n.purposes[code]) n.purposes[code] = purpose;
      if (b !== undefined) budget()[record][code] ??= amount(b);
      reason(`${reasonPrefix}.${code}`, m[7]);
    }
  }

  // 七: “三公” against its budget (the figures are 表7's) and against last year, item by item.
  const threePublic = text('threePublic');
  reason('fa.3p.budget', /“三公”经费(?:财政拨款)?支出决算数(?:大于|小于)预算数的主要原因[：:]([^。]{1,1000})。/.exec(threePublic)?.[1]);
  const final = (k: keyof typeof FA_3P) => cell(7, 'amount', FA_3P[k].final);
  const vsLast = new RegExp(`“三公”经费财政拨款支出决算数(?:比(?:\\d{4}|上)年度?(增加|增长|减少|下降)${N}万元|与(?:\\d{4}|上)年度?(持平))`).exec(threePublic);
  if (vsLast) {
    const p = priorOf(final('total'), vsLast[1] ?? vsLast[3]!, vsLast[2]);
    if (p !== undefined) prior.threePublic.total ??= amount(p);
    const lines = [
      ['abroad', '因公出国[（(]境[）)]费'],
      ['vehicles', '公务用车购置及运行(?:维护)?费'],
      ['reception', '公务接待费'],
    ] as const;
    for (const [k, name] of lines) {
      const m = new RegExp(`${name}支出决算(增加|增长|减少|下降|持平)(?:${N}万元)?`).exec(threePublic);
      if (!m) continue;
      const v = priorOf(final(k), m[1]!, m[2]);
      if (v === undefined) continue;
      prior.threePublic[FA_3P[k].key] ??= amount(v);
      if (m[1] !== '持平') reason(`fa.3p.${FA_3P[k].key}`, new RegExp(`${name}支出(?:增加|减少)的主要原因(?:是|为|：|:)([^。]{1,1000})。`).exec(threePublic)?.[1]);
    }
  }

  // 十一（一）机关运行经费: the figure stated (an input only where it is not 表6's 公用经费合计) and last year's.
  const other = text('other');
  const running = new RegExp(`机关运行经费支出${N}万元(?:[，,](?:比(?:\\d{4}|上)年度?(增加|增长|减少|下降)${N}万元|与(?:\\d{4}|上)年度?(持平)))?(?:${BECAUSE})?`).exec(other);
  const stated = wanFen(running?.[1]);
  if (running && stated !== undefined) {
    // The department's own figure only where it is neither 表6's sum nor what 表6 printed (a misprinted
    // 表6 is a table finding, not a figure to type): else the text follows 表6, and so does last year's.
    const table6 = cell(6, 'out.total', '2');
    const own = stated !== table6 && stated !== wanFen(doc.printed['6|out.total|2']);
    if (own && n.runningCosts === undefined) n.runningCosts = amount(stated);
    const current = own ? stated : table6;
    const word = running[2] ?? running[4];
    if (word) {
      const p = priorOf(current, word, running[3]);
      if (p !== undefined) {
        prior.runningCosts ??= amount(p);
        if (word !== '持平') reason('fa.running', running[5]);
      }
    }
  }

  // 十一（二）政府采购: the total (以合同签订为准) is an input only where it is not the sum of its kinds.
  const P = FA_PROCUREMENT_KEYS;
  const procurement: Array<[string, RegExp]> = [
    [P.goods, new RegExp(`货物采购金额${N}万元`)],
    [P.works, new RegExp(`工程采购金额${N}万元`)],
    [P.services, new RegExp(`服务采购金额${N}万元`)],
    [P.sme, new RegExp(`面向中小企业预留政府采购项目预算金额${N}万元`)],
    [P.micro, new RegExp(`面向小微企业预留政府采购项目预算金额${N}万元`)],
    [P.smeAwarded, new RegExp(`面向中小企业预留的政府采购项目中[，,]由中小企业供应商中标或成交的[，,]采购金额${N}万元`)],
    [P.microAwarded, new RegExp(`面向小微企业预留(?:的)?政府采购项目中[，,]由小微企业供应商中标或成交的[，,]采购金额${N}万元`)],
    [P.otherSme, new RegExp(`其他政府采购项目中[，,]由中小企业供应商中标或成交的[，,]采购金额${N}万元`)],
  ];
  const kinds: Fen[] = [];
  for (const [k, re] of procurement) {
    const fen = wanFen(re.exec(other)?.[1]);
    if (fen === undefined) continue;
    if (k === P.goods || k === P.works || k === P.services) kinds.push(fen);
    n.procurement[k] ??= amount(fen);
  }
  const procured = wanFen(new RegExp(`政府采购金额(?:[（(]以合同签订为准[）)])?为${N}万元`).exec(other)?.[1]);
  if (procured !== undefined && (kinds.length < 3 || procured !== kinds.reduce((s, x) => s + x, 0))) n.procurement[P.total] ??= amount(procured);

  // 十一（三）国有资产: vehicles by kind and equipment of 100 万元 or more, and a date other than year end.
  const held = /截至(\d{4}年\d{1,2}月\d{1,2}日)[，,].{0,80}?共有车辆\d{1,6}辆[^。]{0,600}。(?:[^。]{0,10}单价100万元[（(]含[）)]以上设备[^。]{0,20}。)?/.exec(other);
  if (held) {
    readVehicleCounts(held[0], 'sh.held', n.assets);
    if (held[1] !== `${doc.year}年12月31日`) n.assets['sh.asOf'] ??= held[1]!;
  }

  // 十: 预算绩效管理 — the rules and mechanism named, and the counts of each stage.
  const perf = text('performance');
  const K = FA_PERFORMANCE_KEYS;
  const put = (key: string, v: string | undefined) => {
    const t = statedText(v);
    if (t) n.performance[key] ??= t;
  };
  const rules = /本部门(?:制定了|建立了如下预算绩效管理制度[：:])(.{1,300}?)[，,]建立了(.{1,200}?)的?预算绩效管理工作机制/.exec(perf);
  put(K.rules, rules?.[1]);
  put(K.mechanism, rules?.[2]);
  const stage = (lead: string, countKey: string, amountKey: string) => {
    const m = new RegExp(`${lead}的\\d{4}年度项目(\\d{1,6})个[，,]涉及预算金额${N}万元`).exec(perf);
    put(countKey, m?.[1]);
    const fen = wanFen(m?.[2]);
    if (fen !== undefined) put(amountKey, amount(fen));
  };
  stage('编报绩效目标', K.targetsCount, K.targetsAmount);
  stage('绩效跟踪评价', K.trackingCount, K.trackingAmount);
  stage('绩效自评', K.selfCount, K.selfAmount);
  put(K.selfScore, /平均得分(\d{1,3}(?:\.\d{1,2})?)分/.exec(perf)?.[1]);
  for (const [k, grade] of [
    [K.excellent, '优'],
    [K.good, '良'],
    [K.pass, '合格'],
    [K.fail, '不合格'],
  ] as const) {
    put(k, new RegExp(`绩效评级为“${grade}”的项目(\\d{1,6})个`).exec(perf)?.[1]);
  }
  const issues = /共发现问题(\d{1,6})个[，,]已经完成整改的(\d{1,6})个[，,]正在整改的(\d{1,6})个/.exec(perf);
  put(K.issues, issues?.[1]);
  put(K.fixed, issues?.[2]);
  put(K.fixing, issues?.[3]);
}
