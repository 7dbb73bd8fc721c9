import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../../shared/rules/catalog';
import type { Finding } from '../../../shared/rules/finding';
import { type Grouping, groupFindings, grouped, groupedSteps } from '../../../shared/rules/grouping';
import { type GroupingStep, regroup, regroupSteps } from '../../../shared/rules/regroup';
import { seededRandom } from '../seeded-random';


// Few amounts and rows: findings often share a difference on a row or a printed amount, so joins
// are made and broken as the list changes.
const AMOUNTS = ['0.00', '10.00', '12.00', '22.00', '1,234.50'];
const RULES: RuleId[] = ['t3.t2', 'sum.rows', 'sum.columns', 'rounding.adjusted'];
const TEXT: Record<string, string> = {};

function finding(next: () => number, id?: string): Finding {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const [rule, table, rowKey, column] = id ? (id.split('|') as [RuleId, string, string, string]) : [pick(RULES), String(2 + Math.floor(next() * 2)), `r${Math.floor(next() * 30)}`, String(1 + Math.floor(next() * 3))];
  return {
    id: `${rule}|${table}|${rowKey}|${column}`,
    rule,
    severity: rule === 'rounding.adjusted' ? 'warning' : 'error',
    table: Number(table),
    rowKey,
    row: rowKey,
    column,
    actual: pick(AMOUNTS),
    expected: pick(AMOUNTS),
    message: `${rowKey} 有误`,
  };
}

const sameObjects = (a: readonly Finding[], b: readonly Finding[]) => a.length === b.length && a.every((f, i) => f === b[i]);

describe('regroup', () => {
  it.each([
    ['comparing the lists', false],
    ['following the steps that changed it', true],
  ])('groups a list changed a few findings at a time exactly as grouping it afresh does, %s', (_, withSteps) => {
    const next = seededRandom(20261205);
    const byId = new Map<string, Finding>();
    while (byId.size < 60) {
      const f = finding(next);
      byId.set(f.id, f);
    }
    let list = [...byId.values()];
    let g: Grouping | undefined;
    let inPlace = 0;
    let joinedGroups = 0;
    let followed = 0;
    // Findings taken out: the same objects come back (an edit undone finds the wording it had).
    const gone: Finding[] = [];
    for (let step = 0; step < 600; step++) {
      const op = next();
      // How the list changed, as the session reports it (none for a reordering).
      let steps: GroupingStep[] | null = [];
      const drop = (at: number) => {
        steps?.push({ at, finding: list[at]!, added: false });
        gone.push(list[at]!);
        list.splice(at, 1);
      };
      const put = (at: number, f: Finding) => {
        list.splice(at, 0, f);
        steps?.push({ at, finding: f, added: true });
      };
      if (op < 0.25 && list.length > 10) {
        // Findings resolved.
        for (let k = 1 + Math.floor(next() * 3); k > 0; k--) drop(Math.floor(next() * list.length));
      } else if (op < 0.4) {
        // Findings of one new cause: the same amounts no other finding has, so they join only one another.
        const actual = `${step},001.00`;
        for (let k = 2 + Math.floor(next() * 3); k > 0; k--) {
          const f = { ...finding(next), actual, expected: '1.00' };
          f.id = `${f.rule}|${f.table}|${f.rowKey}|${f.column}`;
          if (!list.some((x) => x.id === f.id)) put(Math.floor(next() * (list.length + 1)), f);
        }
      } else if (op < 0.48) {
        // One cause worded anew: every finding with its amounts gets the same new ones.
        const f = list[Math.floor(next() * list.length)]!;
        const actual = `${step},002.00`;
        for (let i = 0; i < list.length; i++) {
          const x = list[i]!;
          if (x.actual !== f.actual || x.expected !== f.expected) continue;
          drop(i);
          put(i, { ...x, actual, expected: '2.00' });
        }
      } else if (op < 0.52) {
        // Findings taken out before come back, themselves.
        for (let k = 1 + Math.floor(next() * 3); k > 0 && gone.length > 0; k--) {
          const f = gone.splice(Math.floor(next() * gone.length), 1)[0]!;
          if (!list.some((x) => x.id === f.id)) put(Math.floor(next() * (list.length + 1)), f);
        }
      } else if (op < 0.55) {
        // Findings that appear, where their row sorts.
        for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
          const f = finding(next);
          if (!list.some((x) => x.id === f.id)) put(Math.floor(next() * (list.length + 1)), f);
        }
      } else if (op < 0.85) {
        // Findings worded anew: the same check, other amounts.
        for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
          const i = Math.floor(next() * list.length);
          const id = list[i]!.id;
          drop(i);
          put(i, finding(next, id));
        }
      } else if (op < 0.97) {
        // The same list again, compared whole.
        steps = null;
      } else {
        // The rows in another order.
        list = list.map((f) => ({ f, k: next() })).sort((a, b) => a.k - b.k).map((x) => x.f);
        steps = null;
      }
      // A grouping keeps the list it was given: the next step changes a copy.
      list = list.slice();
      const before = g;
      g = withSteps && g && steps ? regroupSteps(g, list.slice(), steps, TEXT) : regroup(g, list.slice(), TEXT);
      if (before && g.joined === before.joined) inPlace++;
      expect(g.out).toEqual(groupFindings(list, TEXT));
      // What the output lost and gained, however it was grouped: the cell marks follow it.
      if (before) {
        const c = g.outChange;
        if (c) {
          expect(c.from).toBe(before.out);
          const dropped = new Set(c.dropped);
          const added = new Set(c.added);
          expect(sameObjects(before.out.filter((f) => !dropped.has(f)), g.out.filter((f) => !added.has(f)))).toBe(true);
          for (const f of c.added) expect(before.out.includes(f)).toBe(false);
          for (const f of c.dropped) expect(g.out.includes(f)).toBe(false);
          followed++;
        } else expect(op).toBeGreaterThanOrEqual(0.97); // only rows put in another order go unsaid
      }
      joinedGroups = Math.max(joinedGroups, g.groups.length);
    }
    // Both ways were taken: many edits regrouped in place, and lists with joined findings. Following
    // the steps, findings that join ones already there, or leave part of a group, are regrouped in
    // place too (319 of 600 steps before withJoined).
    expect(inPlace).toBeGreaterThan(withSteps ? 500 : 100);
    expect(joinedGroups).toBeGreaterThan(3);
    expect(followed).toBeGreaterThan(550);
  });

  it('is the same grouping when nothing changed', () => {
    const next = seededRandom(7);
    const list = Array.from({ length: 20 }, (_, i) => finding(next, `t3.t2|3|r${i}|1`));
    const g = regroup(undefined, list, TEXT);
    const again = regroup(g, list.slice(), TEXT);
    expect(again.out).toEqual(g.out);
    expect(again.joined).toBe(g.joined);
  });
});

describe('groupedSteps', () => {
  it('groups 10,000 findings as grouped does, a few thousand per step', () => {
    const next = seededRandom(20261207);
    // Each on a row of its own: they join by a difference and printed amount they share.
    const unique = Array.from({ length: 10_000 }, (_, i) => {
      const f = finding(next);
      return { ...f, rowKey: `r${i}`, row: `r${i}`, id: `${f.rule}|${f.table}|r${i}|${f.column}` };
    });
    const steps = groupedSteps(unique, TEXT);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    // Three passes over the findings, a pause every 2,000 of each.
    expect(yields).toBeGreaterThanOrEqual(3 * (unique.length / 2000) - 1);
    const once = grouped(unique, TEXT);
    expect(r.value.out.map((f) => [f.id, f.message, f.places?.length])).toEqual(once.out.map((f) => [f.id, f.message, f.places?.length]));
    expect(r.value.out.length).toBeLessThan(unique.length);
    expect(r.value.skips).toEqual(once.skips);
  });
});
