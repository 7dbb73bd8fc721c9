import type { Steps } from './steps';

/** Elements sorted (runs) or merged per step: a few ms each at 100,000 findings. */
const SORT_BATCH = 4096;

/**
 * `list` sorted by `cmp` in steps, stably: what `list.slice().sort(cmp)` gives (JavaScript's sort
 * is stable), without one long task. Runs of SORT_BATCH are sorted by the engine a step each, then
 * merged pairwise bottom-up (ties taken from the left run), SORT_BATCH elements a step. Sorting the
 * 40,000 findings of a cleared 表2 at 100,000 items held the window ~0.3 s in one task.
 */
export function* sortSteps<T>(list: readonly T[], cmp: (a: T, b: T) => number, batch = SORT_BATCH): Steps<T[]> {
  const n = list.length;
  let src = list.slice();
  if (n <= batch) return src.sort(cmp);
  for (let lo = 0; lo < n; lo += batch) {
    const run = src.slice(lo, lo + batch).sort(cmp);
    for (let k = 0; k < run.length; k++) src[lo + k] = run[k]!;
    yield;
  }
  let dst = new Array<T>(n);
  let budget = batch;
  for (let width = batch; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (k < hi) {
        dst[k++] = j >= hi || (i < mid && cmp(src[i]!, src[j]!) <= 0) ? src[i++]! : src[j++]!;
        if (--budget === 0) {
          budget = batch;
          yield;
        }
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}
