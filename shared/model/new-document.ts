import type { FormatTemplate } from '../templates/types';
import type { AmountUnit } from '../money';
import { type BudgetDocument, CURRENT_VERSION, documentSchema, MAX_DEPARTMENT_CHARS } from './schema';

/** A blank document; a format loaded from a file (`customFormat`) is stored in it. */
export function newDocument(
  department: string,
  year: number,
  unit: AmountUnit = '万元',
  template = 'xinjiang-budget-2024',
  customFormat?: FormatTemplate,
): BudgetDocument {
  // A name read from a packet's title may run on (a misread line): kept to the length a document allows, to be corrected in 部门概况.
  const name = department.slice(0, MAX_DEPARTMENT_CHARS);
  return documentSchema.parse({ format: 'budget-desk-document', version: CURRENT_VERSION, template, department: name, year, unit, customFormat });
}
