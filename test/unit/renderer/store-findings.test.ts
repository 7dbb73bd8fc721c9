import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocStore } from '../../../renderer/state/store';
import { allFindings, countFindings } from '../../../shared/rules/all-findings';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';

afterEach(() => vi.useRealTimers());

describe('the store reads the one findings list', () => {
  it('a department of typical size: every edit gives the counts of allFindings at once', () => {
    const store = new DocStore(sampleDocument());
    expect(store.counts()).toEqual({ errors: 0, warnings: 0 });
    expect(store.setCells([{ table: 2, row: '2010350', col: '3', text: '120' }], '修改').ok).toBe(true);
    expect(store.findingsPending()).toBe(false);
    expect(store.findings()).toEqual(allFindings(store.session));
    // 表3/表5 against 表2 on this 项 (one cause); 表1 and 表4 no longer balance (different totals, two findings).
    expect(store.findings().filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['t1.balance', 't3.t2', 't4.balance']);
    expect(store.counts()).toEqual({ errors: 3, warnings: 0 });
    expect(store.marks().get('2|2010350|3')?.severity).toBe('error');
  });

  it('a large department: the text part is written once the edits settle (here, without a worker, on this thread)', () => {
    vi.useFakeTimers();
    const store = new DocStore(syntheticDocument(2000));
    expect(store.findingsPending()).toBe(true);
    store.findings();
    vi.advanceTimersByTime(1000);
    expect(store.findingsPending()).toBe(false);
    const settled = countFindings(allFindings(store.session));
    expect(store.counts()).toEqual(settled);
    expect(settled.warnings).toBeGreaterThan(0);
    const leaf = store.document.functionRows[0]!.code;
    expect(store.setCells([{ table: 2, row: leaf, col: '3', text: '1' }], '修改').ok).toBe(true);
    // The tables' part is current at once; the text follows.
    expect(store.findingsPending()).toBe(true);
    expect(store.counts().errors).toBe(countFindings(allFindings(store.session)).errors);
    vi.advanceTimersByTime(1000);
    expect(store.findingsPending()).toBe(false);
    expect(store.findings()).toEqual(allFindings(store.session));
  });
});
