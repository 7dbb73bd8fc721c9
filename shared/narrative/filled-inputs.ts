import type { BudgetDocument } from '../model';

/** Strings of a record (and of records inside it) that are not blank. */
function filled(v: unknown): number {
  if (typeof v === 'string') return v.trim() === '' ? 0 : 1;
  if (v && typeof v === 'object') return Object.values(v as Record<string, unknown>).reduce<number>((n, x) => n + filled(x), 0);
  return 0;
}

/**
 * How many of the 情况说明's inputs a document holds (last year's and 年初预算 figures, reasons,
 * purposes, project texts, 政府采购, 国有资产, 绩效 counts): what an import read from a packet's
 * text, for its 导入结果 to say.
 */
export function filledInputCount(doc: BudgetDocument): number {
  const n = doc.narrative;
  return (
    filled(doc.priorYear) +
    filled(doc.initialBudget) +
    filled(n.reasons) +
    filled(n.purposes) +
    filled(n.projects) +
    filled(n.carryoverPurposes) +
    filled(n.procurement) +
    filled(n.assets) +
    filled(n.performance) +
    filled(n.runningCosts)
  );
}
