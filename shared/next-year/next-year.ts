import { BudgetSession } from '../engine/session';
import { type BudgetDocument, documentSchema, type PriorYear } from '../model';
import { amountToFen, formatExact } from '../money';
import { INCOME_SOURCES } from '../narrative/keys';
import { tableViewCell } from '../views/table-view';

/**
 * 新建下一年度预算: start next year's draft from this year's document (drafted here or imported
 * from the published packet). What stays from year to year is copied — department, sub-units,
 * functions text, offices and staff counts, the function and economic 科目 used, the project
 * list with its descriptions, purposes, glossary, code lists. This year's amounts become next
 * year's prior-year baseline (as printed where the packet printed them); the amounts, reasons,
 * carry-overs and everything specific to this year start empty.
 */
export function nextYearDocument(doc: BudgetDocument): BudgetDocument {
  const session = BudgetSession.open(doc);
  const has = new Set(session.template.tables.map((t) => t.no));
  // Amounts in the document's unit, read as the table prints them (万元, or 元 for a 元 table).
  const amount = (table: number, row: string, col: string): string | undefined => {
    if (!has.has(table)) return undefined;
    const text = tableViewCell(session, table, row, col)?.text;
    if (!text) return undefined;
    const printed = session.layout(table).template.printUnit ?? '万元';
    return printed === doc.unit ? text : formatExact(amountToFen(text, printed), doc.unit);
  };
  const writers = (session.template.narrative ?? []).map((n) => n.writer);
  const prior = writers.some((w) => w.startsWith('fa-'))
    ? finalAccountsPriors(amount, doc.narrative.runningCosts)
    : writers.some((w) => w.startsWith('sh-'))
      ? shanghaiPriors(amount)
      : xinjiangPriors(session, amount);
  const staff = { ...doc.profile.staff };
  delete staff.activeChange;
  delete staff.retiredChange;
  delete staff.veteranChange;

  const next = {
    format: doc.format,
    version: doc.version,
    template: doc.template,
    // A format loaded from a file stays with the next year's document.
    ...(doc.customFormat ? { customFormat: structuredClone(doc.customFormat) } : {}),
    department: doc.department,
    year: doc.year + 1,
    unit: doc.unit,
    subUnits: [...doc.subUnits],
    profile: { functions: doc.profile.functions, offices: [...doc.profile.offices], staff },
    functionRows: doc.functionRows.map((r) => ({ code: r.code, ...(r.name ? { name: r.name } : {}), values: {} })),
    economicRows: doc.economicRows.map((r) => ({ code: r.code, ...(r.name ? { name: r.name } : {}), values: {} })),
    projectRows: doc.projectRows.map((r) => ({ ...r, values: {} })),
    carryoverRows: [],
    fixed: {},
    names: { ...doc.names },
    printed: {},
    priorYear: prior,
    narrative: {
      reasons: {},
      purposes: { ...doc.narrative.purposes },
      projects: structuredClone(doc.narrative.projects),
      // Projects mostly run on: their 项目经费情况说明 is next year's draft.
      projectNotes: [...doc.narrative.projectNotes],
      carryoverPurposes: {},
      procurement: {},
      assets: {},
      performance: {},
      overrides: {},
      printed: {},
    },
    ...(doc.glossary ? { glossary: structuredClone(doc.glossary) } : {}),
    ...(doc.classification ? { classification: structuredClone(doc.classification) } : {}),
  };
  return documentSchema.parse(next);
}

type Amount = (table: number, row: string, col: string) => string | undefined;
const ZERO = '0.00';

/** The Xinjiang 11-table format: the keys its 第三部分 compares with (shared/narrative/keys.ts). */
function xinjiangPriors(session: BudgetSession, amount: Amount): PriorYear {
  const prior: PriorYear = { income: {}, gbItems: {}, threePublic: {} };
  for (const s of INCOME_SOURCES) prior.income[s.id] = amount(2, 'total', s.col) ?? ZERO;
  prior.basic = amount(3, 'total', '2') ?? ZERO;
  prior.project = amount(3, 'total', '3') ?? ZERO;
  prior.gbBasic = amount(5, 'total', '2') ?? ZERO;
  prior.gbProject = amount(5, 'total', '3') ?? ZERO;
  if (session.template.tables.some((t) => t.no === 5)) {
    for (const r of session.layout(5).rows) if (r.level === 'leaf' && r.code) prior.gbItems[r.code] = amount(5, r.key, '1') ?? ZERO;
  }
  for (const key of ['total', 'abroad', 'reception', 'vehicles', 'vehicle.purchase', 'vehicle.running']) prior.threePublic[key] = amount(10, key, '1') ?? ZERO;
  prior.runningCosts = amount(6, 'total', '3') ?? ZERO;
  return prior;
}

/** The Shanghai format: 财政拨款 by fund (表1, 表4), 三公 and 机关运行经费 (表9), as its 编制说明 compares them. */
function shanghaiPriors(amount: Amount): PriorYear {
  const prior: PriorYear = { income: {}, gbItems: {}, threePublic: {} };
  prior.income.fiscal = amount(1, 'in.fiscal', '1') ?? ZERO;
  prior.income.gb = amount(4, 'out.total', '3') ?? ZERO;
  prior.income.fund = amount(4, 'out.total', '4') ?? ZERO;
  prior.income.soe = amount(4, 'out.total', '5') ?? ZERO;
  const t9: Array<[string, string]> = [
    ['total', '1'],
    ['abroad', '2'],
    ['reception', '3'],
    ['vehicles', '4'],
    ['vehicle.purchase', '5'],
    ['vehicle.running', '6'],
  ];
  for (const [key, col] of t9) prior.threePublic[key] = amount(9, 'budget', col) ?? ZERO;
  prior.runningCosts = amount(9, 'budget', '7') ?? ZERO;
  return prior;
}

/** 部门决算: this year's 决算数 become next year's 上年决算数 (the keys shared/narrative/sections/final-accounts reads). */
function finalAccountsPriors(amount: Amount, runningCosts: string | undefined): PriorYear {
  const prior: PriorYear = { income: {}, gbItems: {}, threePublic: {} };
  prior.income.total = amount(1, 'in.total', '1') ?? ZERO;
  prior.income.fiscal = amount(4, 'in.total', '1') ?? ZERO;
  prior.income.gb = amount(5, 'total', '1') ?? ZERO;
  const t7: Array<[string, string]> = [
    ['total', '2'],
    ['abroad', '4'],
    ['vehicles', '6'],
    ['vehicle.purchase', '8'],
    ['vehicle.running', '10'],
    ['reception', '12'],
  ];
  for (const [key, col] of t7) prior.threePublic[key] = amount(7, 'amount', col) ?? ZERO;
  // The 机关运行经费 the 决算 stated: typed (units not all 行政/参公), else 表6 公用经费合计.
  prior.runningCosts = runningCosts ?? amount(6, 'out.total', '2') ?? ZERO;
  return prior;
}
