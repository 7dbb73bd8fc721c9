import { BudgetSession } from '../engine/session';
import { type BudgetDocument, documentSchema, type PriorYear } from '../model';
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
  // Amounts in the document's unit; the tables print 万元, so convert when entering in 元.
  const amount = (table: number, row: string, col: string): string | undefined => {
    const text = tableViewCell(session, table, row, col)?.text;
    if (!text) return undefined;
    return doc.unit === '元' ? wanToYuan(text) : text;
  };
  const zero = doc.unit === '元' ? '0.00' : '0.00';
  const prior: PriorYear = { income: {}, gbItems: {}, threePublic: {} };
  for (const s of INCOME_SOURCES) prior.income[s.id] = amount(2, 'total', s.col) ?? zero;
  prior.basic = amount(3, 'total', '2') ?? zero;
  prior.project = amount(3, 'total', '3') ?? zero;
  prior.gbBasic = amount(5, 'total', '2') ?? zero;
  prior.gbProject = amount(5, 'total', '3') ?? zero;
  for (const r of session.layout(5).rows) if (r.level === 'leaf' && r.code) prior.gbItems[r.code] = amount(5, r.key, '1') ?? zero;
  for (const key of ['total', 'abroad', 'reception', 'vehicles', 'vehicle.purchase', 'vehicle.running']) prior.threePublic[key] = amount(10, key, '1') ?? zero;
  prior.runningCosts = amount(6, 'total', '3') ?? zero;

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

/** `1,234.56` 万元 → `12345600.00` 元 (exact: 万元 with 2 decimals is a whole number of 元). */
function wanToYuan(wan: string): string {
  const t = wan.replace(/,/g, '');
  const neg = t.startsWith('-');
  const [i = '0', f = ''] = t.replace('-', '').split('.');
  const yuan = `${i}${f.padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  return `${neg ? '-' : ''}${yuan}.00`;
}
