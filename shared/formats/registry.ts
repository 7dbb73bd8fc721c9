import type { BudgetDocument } from '../model/schema';
import type { FormatTemplate } from '../templates/types';
import { finalAccounts } from './final-accounts';
import { shanghaiBudgetDept, shanghaiBudgetUnit } from './shanghai-budget';
import { xinjiangBudget2024 } from './xinjiang-budget-2024';

/** Formats built into the program, by id. A document names its format (`template`). */
export const BUILTIN_FORMATS: Record<string, FormatTemplate> = {
  [xinjiangBudget2024.id]: xinjiangBudget2024,
  [shanghaiBudgetDept.id]: shanghaiBudgetDept,
  [shanghaiBudgetUnit.id]: shanghaiBudgetUnit,
  [finalAccounts.id]: finalAccounts,
};

export const DEFAULT_FORMAT_ID = xinjiangBudget2024.id;

export function builtinFormat(id: string): FormatTemplate | undefined {
  return Object.hasOwn(BUILTIN_FORMATS, id) ? BUILTIN_FORMATS[id] : undefined;
}

/** The format a document is laid out in: the one it carries (loaded from a file), else the built-in of that id. */
export function formatOf(doc: Pick<BudgetDocument, 'template' | 'customFormat'>): FormatTemplate | undefined {
  if (doc.customFormat && doc.customFormat.id === doc.template) return doc.customFormat as FormatTemplate;
  return builtinFormat(doc.template);
}
