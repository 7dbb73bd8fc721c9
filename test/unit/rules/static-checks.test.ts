import { describe, expect, it } from 'vitest';
import { codeListFor, nameLookup } from '../../../shared/classification/names';
import { buildLayouts } from '../../../shared/engine/layout';
import { BudgetSession } from '../../../shared/engine/session';
import { formatOf } from '../../../shared/formats/registry';
import type { BudgetDocument } from '../../../shared/model';
import { staticFindings } from '../../../shared/rules/static-checks';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/** A department with one function 项, one economic 款 and one project entered twice. */
function withRepeats(): BudgetDocument {
  const doc = syntheticDocument(200);
  doc.functionRows.push(structuredClone(doc.functionRows[3]!));
  doc.economicRows.push(structuredClone(doc.economicRows[1]!));
  doc.projectRows.push(structuredClone(doc.projectRows[5]!));
  return doc;
}

const duplicates = (doc: BudgetDocument, tables: number[]) => {
  const layouts = buildLayouts(formatOf(doc)!.tables, doc, nameLookup(doc)).filter((l) => tables.includes(l.no));
  return staticFindings(doc, layouts, codeListFor(doc), [], (_t, r) => r)
    .filter((f) => f.rule === 'row.duplicate')
    .map((f) => [f.table, f.rowKey]);
};

describe('row.duplicate: a repeated row is never lost between the graph and the static checks', () => {
  it('a row set no table shows whole is looked at here', () => {
    const doc = withRepeats();
    expect(duplicates(doc, [])).toEqual([
      [2, doc.functionRows[3]!.code],
      [6, doc.economicRows[1]!.code],
      [7, doc.projectRows[5]!.id],
    ]);
  });

  it('a row set a table shows whole is left to the graph, which refuses to open the document', () => {
    const doc = withRepeats();
    // Tables 2, 6 and 7 show every function 项, economic 款 and project.
    expect(duplicates(doc, [2, 6, 7])).toEqual([]);
    expect(() => BudgetSession.open(doc)).toThrow(/重复/);
  });
});
