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
 *   purposes and project descriptions are).
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
  return doc;
}
