import type { FormatTemplate } from '../templates/types';
import type { AmountUnit } from '../money';
import { type BudgetDocument, CURRENT_VERSION, documentSchema } from './schema';

/** A blank document; a format loaded from a file (`customFormat`) is stored in it. */
export function newDocument(
  department: string,
  year: number,
  unit: AmountUnit = '万元',
  template = 'xinjiang-budget-2024',
  customFormat?: FormatTemplate,
): BudgetDocument {
  return documentSchema.parse({ format: 'budget-desk-document', version: CURRENT_VERSION, template, department, year, unit, customFormat });
}
