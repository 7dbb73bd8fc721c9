import type { Finding } from '../rules/finding';

/** One finding taken out of a list (at its index) or put in (at the index it then has). */
export interface FindingStep {
  at: number;
  finding: Finding;
  added: boolean;
}

/** How one list of findings became the next: `steps` applied in order to `from`. */
export interface FindingsChange {
  from: readonly Finding[];
  steps: readonly FindingStep[];
}

/**
 * A sorted list of findings with `gone` taken out and `added` put where they sort (`compare`),
 * and the steps that did it; the list given is not changed. Undefined when that might not be
 * what sorting the whole new list gives: a finding to take out is not in the list, or one put in
 * sorts alike with one there (their order would depend on where each came from). A finding to
 * take out is looked for where it sorts, then anywhere (its row may be gone).
 */
export function patchSorted(
  sorted: readonly Finding[],
  gone: readonly Finding[],
  added: readonly Finding[],
  compare: (a: Finding, b: Finding) => number,
): { list: Finding[]; steps: FindingStep[] } | undefined {
  const list = sorted.slice();
  const steps: FindingStep[] = [];
  // The first place whose finding does not sort before `f`.
  const lowerBound = (f: Finding) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(list[mid]!, f) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const f of gone) {
    let at = lowerBound(f);
    // A finding of a row removed since has no place in the order now: found where it is.
    if (list[at] !== f) at = list.indexOf(f);
    if (at < 0) return undefined;
    list.splice(at, 1);
    steps.push({ at, finding: f, added: false });
  }
  for (const f of added) {
    const at = lowerBound(f);
    if (at < list.length && compare(list[at]!, f) === 0) return undefined;
    list.splice(at, 0, f);
    steps.push({ at, finding: f, added: true });
  }
  return { list, steps };
}
