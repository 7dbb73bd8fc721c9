import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, childRows } from '../../../shared/engine/build';
import type { TableLayout } from '../../../shared/engine/layout';
import { BudgetSession } from '../../../shared/engine/session';
import { type BudgetDocument, loadDocument } from '../../../shared/model';
import { crossChecks } from '../../../shared/rules/checks';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/**
 * The build sums a 类/款/总计 row's children found by the layout's order (childRows), not by
 * looking each child's key up: the order must give every row's own `children`, and where it does
 * not the build looks the keys up as before.
 */
const fixture = (name: string): BudgetDocument => {
  const r = loadDocument(readFileSync(join(__dirname, '../../fixtures', name), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe('children found by the layout’s order', () => {
  it('every hierarchical table of the sample, packets 003/004 and a 3,000-item department: each row’s children, as its keys name them', () => {
    let parents = 0;
    for (const doc of [sampleDocument(), fixture('003.budget.json'), fixture('004.budget.json'), syntheticDocument(3_000)]) {
      const s = BudgetSession.open(doc);
      for (const l of s.layouts) {
        if (l.template.kind !== 'hier') continue;
        const tree = childRows(l.rows);
        expect(tree, `表${l.no}`).toBeDefined();
        const at = new Map(l.rows.map((r, i) => [r.key, i]));
        l.rows.forEach((row, r) => {
          const got = Array.from(tree!.list.subarray(tree!.start[r]!, tree!.start[r + 1]!));
          expect(got, `表${l.no} ${row.key}`).toEqual((row.children ?? []).map((k) => at.get(k)));
          if (row.children?.length) parents++;
        });
      }
    }
    expect(parents).toBeGreaterThan(300);
  });

  it('an order that does not match the keys is refused, and the build then finds the children by key: the same totals', () => {
    const doc = fixture('003.budget.json');
    const s = BudgetSession.open(doc);
    const t2 = s.layout(2);
    // Two 项 of one 款 swapped in the order: the 款's children, by key, stay as they were.
    const i = t2.rows.findIndex((r, k) => r.level === 'leaf' && t2.rows[k + 1]?.level === 'leaf' && t2.rows[k + 1]!.depth === r.depth);
    expect(i).toBeGreaterThan(0);
    const rows = t2.rows.slice();
    [rows[i], rows[i + 1]] = [rows[i + 1]!, rows[i]!];
    expect(childRows(rows)).toBeUndefined();
    // A row deeper than a row without children, and a second row at the top, are refused too.
    expect(childRows([t2.rows[0]!, { ...t2.rows[1]!, depth: 0 }])).toBeUndefined();
    expect(childRows([{ key: 'a', level: 'leaf', name: '', depth: 0 }, { key: 'b', level: 'leaf', name: '', depth: 1 }])).toBeUndefined();

    const layouts: TableLayout[] = s.layouts.map((l) => (l.no === 2 ? { ...l, rows } : l));
    const swapped = buildGraph(s.document, layouts, crossChecks(s.template.checks, layouts)).graph;
    for (const row of t2.rows) {
      for (const col of t2.template.kind === 'hier' ? t2.template.columns.map((c) => c.no) : []) {
        const a = s.graph.cell(2, row.key, col);
        const b = swapped.cell(2, row.key, col);
        expect(b === undefined ? undefined : swapped.valueAt(b), `${row.key}|${col}`).toBe(a === undefined ? undefined : s.graph.valueAt(a));
      }
    }
  });
});
