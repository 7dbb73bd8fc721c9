import { BudgetSession } from '../engine/session';
import { builtinFormat } from '../formats/registry';
import { type BudgetDocument, documentSchema, type InitialBudget } from '../model';
import { amountToFen, formatExact, roundToWanCent } from '../money';
import { tableViewCell } from '../views/table-view';

export const FINAL_ACCOUNTS_FORMAT_ID = 'final-accounts';

/**
 * Where a budget format keeps what a 决算 states its 决算数 against: the 一般公共预算, 政府性基金 and
 * 国有资本经营 function tables (合计 column, 项 rows and total), and the 三公 items.
 */
interface BudgetSources {
  gb: number;
  fund: number;
  soe: number;
  /** 三公 (table, row, column) of each item, by the 决算 表7 预算数 column it fills. */
  threePublic: Record<string, readonly [number, string, string]>;
}

const XINJIANG: BudgetSources = {
  gb: 5,
  fund: 8,
  soe: 9,
  threePublic: { '3': [10, 'abroad', '1'], '7': [10, 'vehicle.purchase', '1'], '9': [10, 'vehicle.running', '1'], '11': [10, 'reception', '1'] },
};

const SHANGHAI: BudgetSources = {
  gb: 5,
  fund: 6,
  soe: 7,
  threePublic: { '3': [9, 'budget', '2'], '7': [9, 'budget', '5'], '9': [9, 'budget', '6'], '11': [9, 'budget', '3'] },
};

export type FinalAccountsStart = { ok: true; doc: BudgetDocument } | { ok: false; reason: string };

/**
 * 新建部门决算: the year's 决算 started from that year's budget document. The budget's 预算数
 * become the 年初预算 the 决算 states its 决算数 against — 一般公共预算 / 政府性基金 / 国有资本经营
 * 财政拨款支出 per 项 and in total (`initialBudget`), and the 三公 items as 表7 预算数 — rounded to
 * 0.01 万元 as the budget printed them. The department, sub-units, functions text, function 科目
 * and 主要用于 texts come along; the 决算数 start empty.
 */
export function finalAccountsFromBudget(budget: BudgetDocument): FinalAccountsStart {
  const format = builtinFormat(FINAL_ACCOUNTS_FORMAT_ID);
  if (!format) return { ok: false, reason: '本程序没有部门决算格式（final-accounts）' };
  if (budget.template === FINAL_ACCOUNTS_FORMAT_ID) return { ok: false, reason: '这已是部门决算文档：请打开该年度的部门预算文档，再由它新建决算' };
  const session = BudgetSession.open(budget);
  const writers = (session.template.narrative ?? []).map((n) => n.writer);
  const src = writers.some((w) => w.startsWith('sh-')) ? SHANGHAI : XINJIANG;
  const has = (no: number) => session.template.tables.some((t) => t.no === no);
  // A printed figure in 万元 (a 元 table's amount rounded to 0.01 万元, as the text states it).
  const wan = (table: number, row: string, col: string): string | undefined => {
    if (!has(table)) return undefined;
    const text = tableViewCell(session, table, row, col)?.text;
    if (!text) return undefined;
    const unit = session.layout(table).template.printUnit ?? '万元';
    return formatExact(roundToWanCent(amountToFen(text, unit)), '万元');
  };
  const initial: InitialBudget = { totals: {}, gbItems: {}, fundItems: {}, soeItems: {} };
  const funds = [
    ['gb', src.gb, 'gbItems'],
    ['fund', src.fund, 'fundItems'],
    ['soe', src.soe, 'soeItems'],
  ] as const;
  for (const [key, table, record] of funds) {
    if (!has(table) || session.layout(table).template.kind !== 'hier') continue;
    const total = wan(table, 'total', '1');
    if (total) initial.totals[key] = total;
    for (const r of session.layout(table).rows) {
      if (r.level !== 'leaf' || !r.code) continue;
      const v = wan(table, r.key, '1');
      if (v) initial[record][r.code] = v;
    }
  }
  const threePublic: Record<string, string> = {};
  for (const [col, [table, row, c]] of Object.entries(src.threePublic)) {
    const v = wan(table, row, c);
    if (v) threePublic[col] = v;
  }
  const codes = new Set(Object.values(initial).flatMap((rec) => Object.keys(rec)));
  const doc = {
    format: budget.format,
    version: budget.version,
    template: FINAL_ACCOUNTS_FORMAT_ID,
    department: budget.department,
    year: budget.year,
    unit: '万元' as const,
    subUnits: [...budget.subUnits],
    profile: { functions: budget.profile.functions, offices: [...budget.profile.offices], staff: { ...budget.profile.staff } },
    // Every function 科目 of the budget, so each 项 with a 年初预算 has its row; the 决算数 start empty.
    functionRows: budget.functionRows.map((r) => ({ code: r.code, ...(r.name ? { name: r.name } : {}), values: {} })),
    economicRows: [],
    projectRows: [],
    carryoverRows: [],
    fixed: Object.keys(threePublic).length ? { '7': { amount: threePublic } } : {},
    names: { ...budget.names },
    printed: {},
    priorYear: {},
    initialBudget: initial,
    narrative: { purposes: Object.fromEntries(Object.entries(budget.narrative.purposes).filter(([k]) => codes.has(k))) },
    ...(budget.classification ? { classification: structuredClone(budget.classification) } : {}),
  };
  return { ok: true, doc: documentSchema.parse(doc) };
}
