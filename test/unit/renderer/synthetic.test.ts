import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { syntheticDocument } from '../../../shared/samples/synthetic';

describe('syntheticDocument', () => {
  it('is consistent and has exactly the requested number of lines', () => {
    for (const n of [2, 7, 100, 1000]) {
      const doc = syntheticDocument(n);
      expect(doc.functionRows.length + doc.projectRows.length + doc.economicRows.length).toBe(n);
      const s = BudgetSession.open(doc);
      expect(s.findings().filter((f) => f.severity === 'error')).toEqual([]);
      // Table 6 total equals table 5 basic, and table 1 balances.
      expect(s.value(6, 'total', '1')).toBe(s.value(5, 'total', '2'));
      expect(s.value(1, 'in.total', '1')).toBeGreaterThan(0);
    }
  });

  it('is deterministic and scales to 10,000 lines without errors', () => {
    const a = syntheticDocument(10_000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(syntheticDocument(10_000)));
    const s = BudgetSession.open(a);
    expect(s.counts().errors).toBe(0);
    expect(s.layout(7).rows.length).toBeGreaterThan(5000);
  });
});
