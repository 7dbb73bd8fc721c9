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

  it('entered in 元: the same department with amounts finer than 0.01 万元, still consistent, tied out', () => {
    const wan = syntheticDocument(1000);
    const yuan = syntheticDocument(1000, { unit: '元' });
    expect(yuan.unit).toBe('元');
    // The same rows; a drawn amount within 99 元 of the 万元 department's.
    expect(yuan.functionRows.map((r) => r.code)).toEqual(wan.functionRows.map((r) => r.code));
    const first = yuan.functionRows.find((r) => r.values['3.2'])!;
    const fen = (v: string, unit: number) => Math.round(Number(v) * unit);
    const wanFirst = wan.functionRows.find((r) => r.code === first.code)!;
    expect(Math.abs(fen(first.values['3.2']!, 1) - fen(wanFirst.values['3.2']!, 10_000))).toBeLessThan(100);
    const s = BudgetSession.open(yuan);
    expect(s.findings().filter((f) => f.severity === 'error')).toEqual([]);
    expect(s.value(6, 'total', '1')).toBe(s.value(5, 'total', '2'));
    // Most amounts fall between two 0.01 万元: the tables need their tie-out, and say so.
    expect(s.counts().warnings).toBeGreaterThan(100);
    expect(s.findings().every((f) => f.rule === 'rounding.adjusted')).toBe(true);
  });
});
