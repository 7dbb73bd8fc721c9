import type { BudgetDocument } from '../model/schema';
import type { FormatTemplate } from '../templates/types';
import { builtinFormat } from './registry';

/**
 * The document laid out in another format: a built-in one is named, any other travels with the
 * document (`customFormat`). Rows and values are kept; cells the format has no column for are
 * simply not shown (and come back if the document is switched back).
 */
export function withFormat(doc: BudgetDocument, format: FormatTemplate): BudgetDocument {
  const next: BudgetDocument = { ...doc, template: format.id };
  if (builtinFormat(format.id) === format) delete next.customFormat;
  else next.customFormat = structuredClone(format);
  return next;
}
