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

  it('by code: every code of either table once, in code order, with the rows that carry it in the other (none when only one table has it)', () => {
    const doc = syntheticDocument(300);
    // Codes only table 5 has (their projects taken away), one only table 7 has (a project of a 项 the department lacks).
    const dropped = [...new Set(doc.projectRows.map((p) => p.code))].slice(0, 3);
    doc.projectRows = doc.projectRows.filter((p) => !dropped.includes(p.code));
    doc.projectRows.push({ id: 'only7', code: '2990999', project: '只在表7的项目', values: { '7.3': '12.00' } }, { id: 'only7b', code: '2990999', project: '同一项的另一个', values: { '7.3': '1.00' } });
    const s = BudgetSession.open(doc);
    const decl = s.template.checks.find((d) => d.kind === 'by-code')!;
    if (decl.kind !== 'by-code') throw new Error('no by-code check');
    const leaves = (no: number) => s.layout(no).rows.filter((r) => r.level === 'leaf' && r.code);
    // The reference: written from the layouts as the declaration reads.
    const expected = new Map<string, string[]>();
    for (const r of leaves(decl.from.table)) expected.set(r.code!, [...(expected.get(r.code!) ?? []), r.key]);
    for (const r of leaves(decl.table)) if (!expected.has(r.code!)) expected.set(r.code!, []);
    const codes = [...expected.keys()].sort();
    const got = crossChecks([decl], s.layouts);
    expect(got.row).toEqual(codes);
    expect(got.rows.map((r) => [...(r ?? ['(own row)'])])).toEqual(codes.map((c) => expected.get(c)));
    expect(new Set(got.family).size).toBe(1);
    // Both kinds of code are there: some only table 5 has, one only table 7 has (with its two projects).
    expect(dropped.every((c) => got.row.includes(c) && got.rows[got.row.indexOf(c)]!.length === 0)).toBe(true);
    expect(got.rows[got.row.indexOf('2990999')]).toEqual(['p:only7', 'p:only7b']);
  });
});
