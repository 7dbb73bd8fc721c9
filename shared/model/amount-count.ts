import type { BudgetDocument } from './schema';

/** How many table amounts the document holds (row values, fixed cells, printed figures). */
export function amountCount(doc: BudgetDocument): number {
  let n = keyCount(doc.printed);
  for (const rows of [doc.functionRows, doc.economicRows, doc.projectRows, doc.carryoverRows]) {
    for (let i = 0; i < rows.length; i++) n += keyCount(rows[i]!.values);
  }
  for (const t of Object.values(doc.fixed)) for (const r of Object.values(t)) n += keyCount(r);
  return n;
}

/** A plain record's keys, counted without an array of them (one per row at every open). */
function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}
