import type { AmountUnit } from '../money';
import { type BudgetDocument, CURRENT_VERSION, documentSchema } from './schema';

export function newDocument(department: string, year: number, unit: AmountUnit = '万元', template = 'budget-2024'): BudgetDocument {
  return documentSchema.parse({ format: 'budget-desk-document', version: CURRENT_VERSION, template, department, year, unit });
}
