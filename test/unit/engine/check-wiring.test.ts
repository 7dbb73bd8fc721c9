import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuiltCheck, CheckIndex } from '../../../shared/engine/check-index';
import { BudgetSession } from '../../../shared/engine/session';
import { loadDocument } from '../../../shared/model';
import { buildGraph } from '../../../shared/engine/build';
import { crossChecks, crossTableChecks } from '../../../shared/rules/checks';
import { syntheticDocument } from '../../../shared/samples/synthetic';

const fixture = (f: string) => readFileSync(join(__dirname, '../../fixtures', f), 'utf8');
const checksOf = (s: BudgetSession): BuiltCheck[] => [...(s as unknown as { checks: CheckIndex }).checks.values()];

/** actual − expected from the check's spec, cell by cell: what its node, wired by family, must hold. */
function fromSpec(s: BudgetSession, c: BuiltCheck): number {
  const spec = c.spec;
  let v = (spec.actualConst ?? 0) - (spec.expectedConst ?? 0);
  for (const r of spec.actual) v += r.coef * s.value(r.table, r.row, r.col);
  for (const r of spec.expected) v -= r.coef * s.value(r.table, r.row, r.col);
  return v;
}

describe('checks wired by family', () => {
  it('every check node holds what its spec sums, and the checks are those the format declares', () => {
    const s = BudgetSession.open(syntheticDocument(400));
    // Break some identities: table 3 and 5 no longer agree with table 2 on these rows.
    const leaves = s.layout(2).rows.filter((r) => r.level === 'leaf' && s.value(2, r.key, '3') !== 0);
    for (const r of leaves.slice(0, 5)) expect(s.setCell(2, r.key, '3', '1234.56').ok).toBe(true);
    const checks = checksOf(s);
    const declared = crossTableChecks(s.template.checks, s.layouts);
    expect(new Set(checks.map((c) => c.id))).toEqual(new Set(declared.map((d) => `${d.rule}|${d.table}|${d.row}|${d.col}`)));
    expect(checks.length).toBeGreaterThan(400);
    for (const c of checks) expect(s.graph.valueAt(c.node), c.id).toBe(fromSpec(s, c));
    const broken = checks.filter((c) => c.broken(s.graph.valueAt(c.node)));
    expect(broken.length).toBeGreaterThanOrEqual(5);
    expect(s.findings().filter((f) => f.rule !== 'rounding.adjusted' && broken.some((c) => c.id === f.id))).toHaveLength(broken.length);
  });

  it('a packet with printed figures: checks count them as constants and still sum as their specs say', () => {
    const r = loadDocument(fixture('004.budget.json'));
    if (!r.ok) throw new Error(r.error);
    const s = BudgetSession.open(r.doc);
    const checks = checksOf(s);
    expect(checks.length).toBeGreaterThan(50);
    expect(checks.some((c) => (c.spec.actualConst ?? 0) !== 0 || (c.spec.expectedConst ?? 0) !== 0)).toBe(true);
    for (const c of checks) expect(s.graph.valueAt(c.node), c.id).toBe(fromSpec(s, c));
  });

  it('a declaration repeated is built once; a check is found by id after others of its family went', () => {
    const s = BudgetSession.open(syntheticDocument(300));
    const once = crossChecks(s.template.checks, s.layouts);
    const twice = crossChecks([...s.template.checks, ...s.template.checks], s.layouts);
    expect(twice.family).toHaveLength(2 * once.family.length);
    const built = buildGraph(s.document, s.layouts, twice);
    const ids = built.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(built.index.size).toBe(once.family.length);
    // Each kept check is the first declaration's (its family object).
    for (const c of built.checks.slice(0, 50)) expect(once.family.some((f) => f.key === c.family.key)).toBe(true);
    const first = built.checks.find((c) => c.family.key.startsWith('t3.t2|'))!;
    const second = built.checks.find((c) => c.family === first.family && c !== first)!;
    expect(second).toBeDefined();
    built.index.delete(first);
    expect(built.index.get(first.family.rule, first.family.table, first.row, first.family.col)).toBeUndefined();
    expect(built.index.get(second.family.rule, second.family.table, second.row, second.family.col)).toBe(second);
    expect(built.index.holds(first)).toBe(false);
    expect(built.index.size).toBe(once.family.length - 1);
  });
});
