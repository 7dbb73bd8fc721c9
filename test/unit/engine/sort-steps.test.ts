import { describe, expect, it } from 'vitest';
import { sortSteps } from '../../../shared/engine/sort-steps';
import { runSteps } from '../../../shared/engine/steps';
import { seededRandom } from '../seeded-random';

/** Items with few distinct keys (many ties), tagged with where they started: stability shows. */
function items(n: number, keys: number, seed: number): Array<{ key: number; at: number }> {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, (_, at) => ({ key: Math.floor(rnd() * keys), at }));
}

describe('sortSteps: a stable sort in steps', () => {
  const cmp = (a: { key: number }, b: { key: number }) => a.key - b.key;

  it.each([0, 1, 7, 8, 9, 63, 64, 65, 100, 1000, 4097])('gives what the engine’s stable sort gives for %i items (runs of 8)', (n) => {
    const list = items(n, 5, n + 1);
    const steps = sortSteps(list, cmp, 8);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(r.value).toEqual(list.slice().sort(cmp));
    // Ties keep their order: the sort is stable, as Array.prototype.sort is.
    for (let k = 1; k < r.value.length; k++) if (r.value[k]!.key === r.value[k - 1]!.key) expect(r.value[k]!.at).toBeGreaterThan(r.value[k - 1]!.at);
    // Over a run it pauses: about a step per 8 elements sorted or merged.
    if (n > 8) expect(yields).toBeGreaterThanOrEqual(Math.floor(n / 8));
    else expect(yields).toBe(0);
  });

  it('leaves the list it was given as it was', () => {
    const list = items(50, 3, 7);
    const before = list.slice();
    runSteps(sortSteps(list, cmp, 4));
    expect(list).toEqual(before);
  });

  it('sorts 100,000 findings-like items with the default batch in steps of at most a few thousand comparisons', () => {
    const list = items(100_000, 1000, 3);
    let compared = 0;
    let most = 0;
    const steps = sortSteps(list, (a, b) => {
      compared++;
      return cmp(a, b);
    });
    let r = steps.next();
    let since = compared;
    while (!r.done) {
      most = Math.max(most, compared - since);
      since = compared;
      r = steps.next();
    }
    expect(r.value.map((x) => x.at)).toEqual(list.slice().sort(cmp).map((x) => x.at));
    // A run of 4,096 sorted by the engine takes some 50,000 comparisons; a merge step 4,096.
    expect(most).toBeLessThan(70_000);
  });
});
