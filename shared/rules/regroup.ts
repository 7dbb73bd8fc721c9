import type { Finding } from './finding';
import { aloneOut, type Grouping, grouped, joinedOut, joinKeys, movedFrom, type OutChange, TEXT_AMOUNT } from './grouping';

/**
 * Grouping again after an edit (grouping.ts does it afresh): an edit changes a few of thousands of
 * findings, and a large draft has tens of thousands. Each function gives what `groupFindings`
 * gives for the new list, and falls back to grouping afresh whenever it cannot be sure.
 */

/** At most this many findings added plus dropped are regrouped in place; more, and the whole list is grouped again. */
const REGROUP_MAX = 64;

/**
 * `groupFindings` of `findings`, reusing `last` (the grouping of the list before the latest edit,
 * which it consumes): when the findings added and dropped since stood alone and still do (none of
 * their keys shared with another) and the joined ones keep their order, each group stays as it
 * was and the rest stand alone, in the list's order. Anything else (a join made or broken, links,
 * many changes) groups the whole list again. One pass over the two lists, no grouping.
 */
export function regroup(last: Grouping | undefined, findings: ReadonlyArray<Finding & { link?: string }>, text: Readonly<Record<string, string>> = {}): Grouping {
  return withChange(last, regroupAlone(last, findings, text));
}

function regroupAlone(last: Grouping | undefined, findings: ReadonlyArray<Finding & { link?: string }>, text: Readonly<Record<string, string>>): Grouping {
  const now = new Set<Finding>(findings);
  if (!last || last.text !== text || !last.plain || now.size !== findings.length) return grouped(findings, text, now);
  const added: Finding[] = [];
  for (const f of findings) {
    if (last.members.has(f)) continue;
    if (added.length === REGROUP_MAX || f.link || TEXT_AMOUNT.has(f.rule)) return grouped(findings, text, now);
    added.push(f);
  }
  const dropped: Finding[] = [];
  for (const f of last.input) {
    if (now.has(f)) continue;
    if (dropped.length === REGROUP_MAX || last.joined.has(f)) return grouped(findings, text, now);
    dropped.push(f);
  }
  // The counts are the old list's; from here they are the new list's (a fallback groups afresh).
  const count = last.keyCount;
  for (const f of dropped) {
    for (const k of joinKeys(f)) {
      const n = count.get(k)! - 1;
      if (n === 0) count.delete(k);
      else count.set(k, n);
    }
  }
  for (const f of added) for (const k of joinKeys(f)) count.set(k, (count.get(k) ?? 0) + 1);
  for (const f of added) for (const k of joinKeys(f)) if (count.get(k) !== 1) return grouped(findings, text, now);
  const out: Finding[] = [];
  const skips: number[] = [];
  const seen = new Int32Array(last.groups.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const j = last.joined.get(f);
    if (!j) {
      out.push(aloneOut(f, text));
      continue;
    }
    // A group's findings in another order would make another group (its first place, its list).
    const at = seen[j.group]!;
    if (at !== j.rank) return grouped(findings, text, now);
    seen[j.group] = at + 1;
    if (at === 0) out.push(last.groups[j.group]!.out);
    else skips.push(i);
  }
  return { input: findings, text, out, members: now, joined: last.joined, groups: last.groups, skips, keyCount: count, plain: true, moved: last.moved, outChange: null };
}

/** One finding taken out of the list (at its index) or put in (at the index it then has). */
export interface GroupingStep {
  at: number;
  finding: Finding & { link?: string };
  added: boolean;
}

/**
 * `regroup` when the caller knows how the list changed (`steps` made `findings` from
 * `last.input`): the output follows the same steps (a finding's place in it is its place in the
 * list less the joined findings before it that are not their group's first), without looking at
 * the findings that stayed. A group may go whole (its findings worded anew) and findings put in
 * may join one another (a new group, placed where its first finding is); findings that stay
 * and would join them, or are left of a group the steps take a part of, are taken out and put
 * back first (`withJoined`). Anything else groups the list afresh.
 */
export function regroupSteps(last: Grouping, findings: ReadonlyArray<Finding & { link?: string }>, steps: readonly GroupingStep[], text: Readonly<Record<string, string>>): Grouping {
  return withChange(last, regroupFollowing(last, findings, withJoined(last, steps), text));
}

/**
 * A finding put in that shares a key with findings that stay would join them, and a finding taken
 * out of a group leaves the rest of it, neither of which following the steps can do: those findings
 * (with every finding of their groups) are taken out and put back where they are before the steps,
 * as if worded anew, so they group again with the ones put in. One pass over the last list, only
 * when there are such (grouping the whole list afresh took 80–105 ms at 100,000 items).
 */
function withJoined(last: Grouping, steps: readonly GroupingStep[]): readonly GroupingStep[] {
  if (!last.plain || steps.length > REGROUP_MAX) return steps;
  const added = new Set<Finding>();
  const removed = new Set<Finding>();
  for (const s of steps) {
    if (s.added) added.add(s.finding);
    else if (!added.delete(s.finding)) removed.add(s.finding);
  }
  // Keys the findings put in share with findings that stay.
  const keys = new Set<string>();
  for (const f of added) {
    for (const k of joinKeys(f)) {
      let staying = last.keyCount.get(k) ?? 0;
      if (staying === 0) continue;
      for (const r of removed) if (joinKeys(r).includes(k)) staying--;
      if (staying > 0) keys.add(k);
    }
  }
  // Groups the steps take a part of go whole (one they take whole, worded anew, needs nothing).
  const taken = new Map<number, number>();
  for (const f of removed) {
    const j = last.joined.get(f);
    if (j) taken.set(j.group, (taken.get(j.group) ?? 0) + 1);
  }
  const groups = new Set<number>();
  for (const [g, n] of taken) if (n < last.groups[g]!.size) groups.add(g);
  if (keys.size === 0 && groups.size === 0) return steps;
  const input = last.input;
  const shares = (f: Finding) => !removed.has(f) && joinKeys(f).some((k) => keys.has(k));
  // The groups of the findings that would join, then every finding of those and of the others, in list order.
  for (const f of input) {
    const j = last.joined.get(f);
    if (j && shares(f)) groups.add(j.group);
  }
  const pulled: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const f = input[i]!;
    if (removed.has(f)) continue;
    const j = last.joined.get(f);
    if ((j && groups.has(j.group)) || shares(f)) pulled.push(i);
  }
  if (pulled.length + steps.length > REGROUP_MAX) return steps;
  const extra: GroupingStep[] = [];
  for (let k = pulled.length - 1; k >= 0; k--) extra.push({ at: pulled[k]!, finding: input[pulled[k]!]!, added: false });
  for (const at of pulled) extra.push({ at, finding: input[at]!, added: true });
  return [...extra, ...steps];
}

function regroupFollowing(last: Grouping, findings: ReadonlyArray<Finding & { link?: string }>, steps: readonly GroupingStep[], text: Readonly<Record<string, string>>): Grouping {
  if (last.text !== text || !last.plain || steps.length > REGROUP_MAX) return regroupAlone(last, findings, text);
  // A group goes whole or not at all.
  const going = new Map<number, number>();
  for (const s of steps) {
    const j = s.added ? undefined : last.joined.get(s.finding);
    if (j) going.set(j.group, (going.get(j.group) ?? 0) + 1);
  }
  let moved = last.moved;
  for (const [g, n] of going) {
    if (last.groups[g]!.size !== n) return grouped(findings, text);
    if (last.groups[g]!.moved) moved--;
  }
  // The last grouping's sets, kept up to date in place (it is consumed).
  const members = last.members;
  const count = last.keyCount;
  // Where each finding put in is in the list as the steps go on.
  const addedAt = new Map<Finding, number>();
  for (const s of steps) {
    const f = s.finding;
    for (const [g, at] of addedAt) if (at > s.at || (s.added && at === s.at)) addedAt.set(g, s.added ? at + 1 : at - 1);
    if (s.added) {
      if (f.link || TEXT_AMOUNT.has(f.rule)) return grouped(findings, text);
      members.add(f);
      addedAt.set(f, s.at);
      for (const k of joinKeys(f)) count.set(k, (count.get(k) ?? 0) + 1);
    } else {
      members.delete(f);
      addedAt.delete(f);
      for (const k of joinKeys(f)) {
        const n = count.get(k)! - 1;
        if (n === 0) count.delete(k);
        else count.set(k, n);
      }
    }
  }
  // Each finding put in stands alone or joins only others put in: every key it has is theirs alone.
  const byKey = new Map<string, Finding[]>();
  for (const f of addedAt.keys()) for (const k of joinKeys(f)) byKey.get(k)?.push(f) ?? byKey.set(k, [f]);
  for (const [k, list] of byKey) if (count.get(k) !== list.length) return grouped(findings, text);

  const out = last.out.slice();
  const skips = last.skips.slice();
  const before = (at: number) => {
    let n = 0;
    while (n < skips.length && skips[n]! < at) n++;
    return n;
  };
  // First as if each finding put in stood alone…
  const joined = last.joined;
  // What the output lost and gained (for views that follow it, cell marks).
  const droppedOut: Finding[] = [];
  const addedOut = new Set<Finding>();
  for (const s of steps) {
    const n = before(s.at);
    const j = s.added ? undefined : joined.get(s.finding);
    if (s.added) {
      const o = aloneOut(s.finding, text);
      out.splice(s.at - n, 0, o);
      addedOut.add(o);
    }
    // A group's first finding holds its place in the output; the others are skipped places.
    else if (!j || j.rank === 0) {
      const o = out.splice(s.at - n, 1)[0]!;
      if (!addedOut.delete(o)) droppedOut.push(o);
    } else skips.splice(n, 1);
    if (j) joined.delete(s.finding);
    for (let k = n; k < skips.length; k++) skips[k] = skips[k]! + (s.added ? 1 : -1);
  }
  // …then those that share keys become one group each, in the list's order.
  const groups = last.groups;
  const drop: number[] = [];
  for (const group of addedGroups(addedAt, byKey)) {
    const first = addedAt.get(group[0]!)!;
    addedOut.delete(out[first - before(first)]!);
    out[first - before(first)] = joinedOut(group, text);
    addedOut.add(out[first - before(first)]!);
    group.forEach((f, rank) => {
      joined.set(f, { group: groups.length, rank });
      if (rank > 0) drop.push(addedAt.get(f)!);
    });
    const made = { out: out[first - before(first)]!, size: group.length, moved: movedFrom(group[0]!, out[first - before(first)]!) };
    if (made.moved) moved++;
    groups.push(made);
  }
  drop.sort((a, b) => b - a);
  for (const at of drop) addedOut.delete(out.splice(at - before(at), 1)[0]!);
  if (drop.length > 0) {
    skips.push(...drop);
    skips.sort((a, b) => a - b);
  }
  return { input: findings, text, out, members, joined, groups, skips, keyCount: count, plain: true, moved, outChange: { from: last.out, dropped: droppedOut, added: [...addedOut] } };
}

/** The findings put in that share keys, as groups in the list's order (each sorted by where it is). */
function addedGroups(addedAt: ReadonlyMap<Finding, number>, byKey: ReadonlyMap<string, Finding[]>): Finding[][] {
  const parent = new Map<Finding, Finding>();
  const find = (f: Finding): Finding => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const f of addedAt.keys()) parent.set(f, f);
  for (const list of byKey.values()) for (let k = 1; k < list.length; k++) parent.set(find(list[k]!), find(list[0]!));
  const byRoot = new Map<Finding, Finding[]>();
  for (const f of addedAt.keys()) byRoot.get(find(f))?.push(f) ?? byRoot.set(find(f), [f]);
  const at = (f: Finding) => addedAt.get(f)!;
  return [...byRoot.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((a, b) => at(a) - at(b)))
    .sort((a, b) => at(a[0]!) - at(b[0]!));
}

/**
 * A grouping made without following steps (afresh, or in one pass) still says what its output lost
 * and gained against the last one's, found by identity: unchanged findings and groups are the same
 * objects (aloneOut, joinedOut), so the views that follow the output (the grid's cell marks: 0.7 s
 * to make afresh at 100,000 items) update those alone.
 */
function withChange(last: Grouping | undefined, g: Grouping): Grouping {
  if (g.outChange || !last) return g;
  g.outChange = outDiff(last.out, g.out);
  return g;
}

/** What `to` lost and gained against `from` (by identity), if the findings in both are in the same order; else null. */
function outDiff(from: readonly Finding[], to: readonly Finding[]): OutChange | null {
  const inTo = new Set(to);
  const inFrom = new Set(from);
  let i = 0;
  for (const f of to) {
    if (!inFrom.has(f)) continue;
    while (i < from.length && !inTo.has(from[i]!)) i++;
    if (from[i] !== f) return null;
    i++;
  }
  return { from, dropped: from.filter((f) => !inTo.has(f)), added: to.filter((f) => !inFrom.has(f)) };
}
