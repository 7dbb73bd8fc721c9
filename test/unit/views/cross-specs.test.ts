import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { refId } from '../../../shared/engine/graph';
import { loadDocument } from '../../../shared/model';
import { crossTableChecks } from '../../../shared/rules/checks';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { checkSpecs } from '../../../shared/views/cell-marks';

/**
 * The cells on both sides of a cross-table identity (what a finding of it marks) are found one
 * declaration at a time, when a finding asks (listing every identity after each change of rows
 * held the window ~400 ms at 100,000 items). They are those of the whole list, for every identity.
 */
function expectAllIdentities(s: BudgetSession): number {
  const all = new Map<string, string[]>();
  for (const c of crossTableChecks(s.template.checks, s.layouts)) all.set(`${c.rule}|${c.table}|${c.row}|${c.col}`, [...c.actual, ...c.expected].map(refId));
  const specs = checkSpecs(s);
  for (const [id, refs] of all) {
    const [rule, table, row, col] = id.split('|');
    expect(specs.refs(rule!, Number(table), row!, col!), id).toEqual(refs);
  }
  // A place no identity is declared at.
  expect(specs.refs('cross.t2.t3', 2, 'no-such-row', '1')).toBeUndefined();
  return all.size;
}

describe('the identities a finding marks', () => {
  it('004 (a published packet) and a synthetic department: every identity’s cells, as listed all at once', () => {
    const r = loadDocument(readFileSync(new URL('../../fixtures/004.budget.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(expectAllIdentities(BudgetSession.open(r.doc))).toBeGreaterThan(50);
    expect(expectAllIdentities(BudgetSession.open(syntheticDocument(500)))).toBeGreaterThan(500);
  });

  it('after rows change, the identities of the rows as they are now', () => {
    const s = BudgetSession.open(syntheticDocument(300));
    const before = checkSpecs(s);
    const row = s.document.projectRows[3]!;
    s.applyChanges([{ op: 'splice', path: ['projectRows'], at: 3, removed: [row], inserted: [] }], 'forward');
    expect(checkSpecs(s)).not.toBe(before);
    expectAllIdentities(s);
  });
});
