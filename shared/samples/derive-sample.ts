import type { BudgetDocument } from '../model';

/**
 * The built-in sample department, derived from the published 2024 packet of
 * 昌吉回族自治州人民政府驻北京联络处 (test/fixtures/003_…txt) with its printed defects corrected:
 * - the printed totals that were rounded cell by cell (342.31, 232.31, 160.31 …) are dropped, so every
 *   total is the sum of the entered lines (342.32, 232.32, 160.32);
 * - table 6: the 工资福利支出 lines add to 140.36 while the packet prints 140.35 for the 类 and
 *   140.88 for 人员经费 (= 140.35 + 0.53), and table 5 gives 160.32 for basic expenditure;
 *   津贴补贴 19.15 is taken as the line 0.01 too high and entered as 19.14;
 * - the narrative as printed quotes the uncorrected totals, so it is not kept (the reasons,
 *   purposes and project descriptions are);
 * - the 绩效目标表: the overall table's amounts as typed in the packet (232.31) are dropped so they
 *   come from the tables (232.32), and each table's indicator weights (which add to 90 in the packet) get the usual
 *   10-point 预算执行率 indicator so they add to 100.
 */
export const SAMPLE_CORRECTIONS: ReadonlyArray<{ code: string; key: string; from: string; to: string }> = [
  { code: '30102', key: '6.2', from: '19.15', to: '19.14' },
];

export function deriveSample(imported: BudgetDocument): BudgetDocument {
  const doc = structuredClone(imported);
  doc.sample = true;
  doc.printed = {};
  doc.narrative.printed = {};
  for (const c of SAMPLE_CORRECTIONS) {
    const row = doc.economicRows.find((r) => r.code === c.code);
    if (row?.values[c.key] !== c.from) throw new Error(`示例部门：${c.code} 的 ${c.key} 应为 ${c.from}，实为 ${row?.values[c.key]}`);
    row.values[c.key] = c.to;
  }
  const targets = doc.performanceTargets;
  if (targets?.overall) {
    delete targets.overall.superior;
    delete targets.overall.own;
    delete targets.overall.other;
  }
  for (const t of [...(targets?.overall ? [targets.overall] : []), ...(targets?.projects ?? [])]) {
    const total = t.indicators.reduce((a, i) => a + (Number.parseInt(i.weight, 10) || 0), 0);
    if (total === 90) {
      t.indicators.push({ level1: '产出指标', level2: '时效指标', level3: '预算执行率(%)', value: '>=95%', basis: '计划标准', weight: '10' });
    }
  }
  return doc;
}
