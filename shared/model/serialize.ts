import type { BudgetDocument } from './schema';

/** A document as saved: JSON, one space of indent. A file of its own: writing needs no schema or migrations. */
export function serializeDocument(doc: BudgetDocument): string {
  return `${JSON.stringify(doc, null, 1)}\n`;
}
