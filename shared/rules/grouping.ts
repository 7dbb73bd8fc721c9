import { runSteps, type Steps } from '../engine/steps';
import { looseCents } from '../importers/packet/tokens';
import type { RuleId } from './catalog';
import type { Finding, FindingPlace } from './finding';
import { SECTION } from './packet-audit/context';
import { roundingNote, transposedNote } from './packet-audit/hints';

/** Rules whose finding is “a printed amount differs from what its parts or its source give”. */
const ARITHMETIC = new Set<RuleId>([
  'sum.rows', 'sum.columns', 'sum.lines', 't1.balance', 't3.t2', 't5.t2', 't8.t2', 't9.t2', 't4.balance', 't6.t5', 't7.t5', 't11.t1', 't11.t2.fiscal', 't11.t2.nonfiscal',
]);
export const TEXT_AMOUNT = new Set<RuleId>(['packet.narrative.table', 'packet.narrative.performance']);

const cents = (t: string) => looseCents(t.replace(/%$/, '')) ?? null;
const cellOf = (f: Finding) => `${f.table}|${f.rowKey}|${f.column}`;

/** What grouping reads of a finding: its amounts in cents, its cell, and (when it stood alone) what it became. */
interface Read {
  actual: number | null;
  expected: number | null;
  cell: string;
  /** An arithmetic finding's keys: the same difference on its row, with its printed amount, as a wrong cell. */
  keys?: [row: string, amount: string, wrongCell: string];
  alone?: { text: Readonly<Record<string, string>>; out: Finding };
}

/**
 * Findings are never changed once made, and the session hands out the same object while a
 * check's amounts stay put: a draft with thousands of findings is grouped again after every
 * edit, without parsing every amount again.
 */
const READ = new WeakMap<Finding, Read>();
function read(f: Finding): Read {
  let r = READ.get(f);
  if (!r) {
    r = { actual: cents(f.actual), expected: cents(f.expected), cell: cellOf(f) };
    READ.set(f, r);
  }
  return r;
}

/**
 * One root cause, one finding. A wrong printed total breaks every identity it takes part in
 * (its column sum, its row sum, the same total in the next table, the text that repeats it):
 * findings are joined when they have the same difference and sit on the same row of a table or
 * print the same amount, when a text figure equals what a wrong table cell should be, or when a
 * check links its finding to a cell. The joined finding keeps the first-reported innermost
 * place and lists all places. Arithmetic findings also say when the difference is one cent of
 * rounding or two swapped digits. Linear in the number of findings (keys, not pairs): a large
 * department has tens of thousands of reminders.
 */
export function groupFindings(findings: ReadonlyArray<Finding & { link?: string }>, text: Readonly<Record<string, string>> = {}): Finding[] {
  return grouped(findings, text).out;
}

/** A grouping, with what `regroup` (regroup.ts) needs to redo it for a list that differs in a few findings. */
export interface Grouping {
  input: ReadonlyArray<Finding & { link?: string }>;
  text: Readonly<Record<string, string>>;
  out: Finding[];
  /** The findings of `input`, to tell what the next list added and dropped. */
  members: Set<Finding>;
  /** Findings joined with others: their group (its place in `groups`) and their rank in it. */
  joined: Map<Finding, { group: number; rank: number }>;
  /** What each group of more than one finding became, and how many findings it has. */
  groups: Array<{ out: Finding; size: number; moved: boolean }>;
  /**
   * Groups (in `input` now) whose finding is of another row than their first finding's: the output
   * is in the list's order of rows (a subsequence of it) when there are none.
   */
  moved: number;
  /** Where in `input` the joined findings are that are not their group's first (they have no place of their own in `out`), ascending. */
  skips: number[];
  /** How many findings of `input` have each join key. */
  keyCount: Map<string, number>;
  /** No finding links to a cell or states a text amount: joins come from the keys alone. */
  plain: boolean;
  /** When `out` was made from the grouping before by a few steps (regroup.ts `regroupSteps`): its output then, and what `out` lost and gained. */
  outChange: OutChange | null;
}

/** How one grouping's output became the next: the findings it lost and those it gained. */
export interface OutChange {
  from: readonly Finding[];
  dropped: readonly Finding[];
  added: readonly Finding[];
}

/** Whether a group's finding stands on another row than its first finding (it then sorts elsewhere). */
export function movedFrom(first: Finding, out: Finding): boolean {
  return out.table !== first.table || out.rowKey !== first.rowKey;
}

/** What a group of joined findings (in the list's order) becomes: the innermost place's finding, listing every place. */
export function joinedOut(all: ReadonlyArray<Finding & { link?: string }>, text: Readonly<Record<string, string>>): Finding {
  // The innermost place: the smallest printed amount among the arithmetic ones.
  const table = all.filter((x) => ARITHMETIC.has(x.rule));
  const size = (x: Finding) => Math.abs(read(x).actual ?? 0);
  const chosen = table.length > 0 ? table.reduce((best, x) => (size(x) < size(best) ? x : best), table[0]!) : all[0]!;
  const { link: _link, ...primary } = chosen;
  const f: Finding = { ...primary };
  if (all.some((x) => x.severity === 'error')) f.severity = 'error';
  return withPlaces(f, primary, ARITHMETIC.has(chosen.rule), all, text);
}

const NO_KEYS: readonly string[] = [];
/** Findings per step of `groupedSteps` (a few ms each). */
const GROUP_BATCH = 2000;

/** The keys an arithmetic finding joins others by (the same difference on its row; the same difference and printed amount). */
export function joinKeys(f: Finding): readonly string[] {
  if (!ARITHMETIC.has(f.rule)) return NO_KEYS;
  const r = read(f);
  if (r.actual === null || r.expected === null) return NO_KEYS;
  const k = keysOf(f, r);
  return [k[0], k[1]];
}

/** An arithmetic finding's keys (its amounts read, both known), made once per finding. */
function keysOf(f: Finding, r: Read): NonNullable<Read['keys']> {
  if (!r.keys) {
    const d = r.actual! - r.expected!;
    r.keys = [`row|${d}|${f.table}|${f.rowKey}`, `amount|${d}|${r.actual}`, `${r.expected}|${r.actual}`];
  }
  return r.keys;
}

/** A finding that stands alone, as the grouping gives it (worded once per text). */
export function aloneOut(f: Finding & { link?: string }, text: Readonly<Record<string, string>>): Finding {
  const r = read(f);
  if (r.alone?.text !== text) r.alone = { text, out: single(f, ARITHMETIC.has(f.rule), text) };
  return r.alone.out;
}

export function grouped(findings: ReadonlyArray<Finding & { link?: string }>, text: Readonly<Record<string, string>>, memberSet: Set<Finding> = new Set(findings)): Grouping {
  return runSteps(groupedSteps(findings, text, memberSet));
}

/**
 * `grouped` in steps: a pause every few thousand findings of each pass. A session's first
 * grouping of ~39,000 findings (a table cleared at 100,000 items) took ~0.7 s in one task.
 */
export function* groupedSteps(findings: ReadonlyArray<Finding & { link?: string }>, text: Readonly<Record<string, string>>, memberSet: Set<Finding> = new Set(findings)): Steps<Grouping> {
  const parent = findings.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    let x = i;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const reads: Read[] = [];
  for (let i = 0; i < findings.length; i++) {
    reads.push(read(findings[i]!));
    if (i % GROUP_BATCH === GROUP_BATCH - 1) yield;
  }
  const diff = (i: number) => {
    const { actual: a, expected: e } = reads[i]!;
    return a === null || e === null ? null : a - e;
  };
  const arithmetic = findings.map((f) => ARITHMETIC.has(f.rule));
  // Every finding joins the first one that shares a key with it: the same difference on the
  // same row, or the same difference and printed amount; a text figure joins the table cell
  // whose wrong and right amounts it states the other way round.
  const first = new Map<string, number>();
  const keyCount = new Map<string, number>();
  const join = (key: string, i: number) => {
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      keyCount.set(key, 1);
    } else {
      union(i, j);
      keyCount.set(key, keyCount.get(key)! + 1);
    }
  };
  const wrongCell = new Map<string, number>();
  for (let i = 0; i < findings.length; i++) {
    if (i % GROUP_BATCH === GROUP_BATCH - 1) yield;
    if (!arithmetic[i] || diff(i) === null) continue;
    const [row, amount, wrong] = keysOf(findings[i]!, reads[i]!);
    join(row, i);
    join(amount, i);
    if (!wrongCell.has(wrong)) wrongCell.set(wrong, i);
  }
  let plain = true;
  const sameCell = new Map<string, number[]>();
  // Only a finding that links to a cell needs the findings of each cell.
  if (findings.some((f) => f.link)) {
    reads.forEach((r, i) => {
      sameCell.get(r.cell)?.push(i) ?? sameCell.set(r.cell, [i]);
    });
  }
  findings.forEach((f, i) => {
    if (f.link || TEXT_AMOUNT.has(f.rule)) plain = false;
    if (TEXT_AMOUNT.has(f.rule) && f.actual !== '') {
      const j = wrongCell.get(`${reads[i]!.actual}|${reads[i]!.expected}`);
      if (j !== undefined) union(i, j);
    }
    if (f.link) for (const j of sameCell.get(f.link) ?? []) if (j !== i) union(i, j);
  });
  const groups = new Map<number, number[]>();
  findings.forEach((_, i) => {
    const r = find(i);
    groups.get(r)?.push(i) ?? groups.set(r, [i]);
  });
  const out: Finding[] = [];
  const joined: Grouping['joined'] = new Map();
  const multi: Grouping['groups'] = [];
  const skips: number[] = [];
  let moved = 0;
  let made = 0;
  for (const members of groups.values()) {
    made += members.length;
    if (made >= GROUP_BATCH) {
      made = 0;
      yield;
    }
    if (members.length === 1) {
      out.push(aloneOut(findings[members[0]!]!, text));
      continue;
    }
    out.push(joinedOut(
      members.map((i) => findings[i]!),
      text,
    ));
    members.forEach((i, rank) => {
      joined.set(findings[i]!, { group: multi.length, rank });
      if (rank > 0) skips.push(i);
    });
    const group = { out: out[out.length - 1]!, size: members.length, moved: movedFrom(findings[members[0]!]!, out[out.length - 1]!) };
    if (group.moved) moved++;
    multi.push(group);
  }
  skips.sort((a, b) => a - b);
  return { input: findings, text, out, members: memberSet, joined, groups: multi, skips, keyCount, plain, moved, outChange: null };
}

function single(x: Finding & { link?: string }, arithmetic: boolean, text: Readonly<Record<string, string>>): Finding {
  const { link: _link, ...primary } = x;
  return withPlaces({ ...primary }, primary, arithmetic, [primary], text);
}

/** The notes on the difference, and every other place of the same cause (cells, then the text that repeats it). */
function withPlaces(f: Finding, primary: Finding, arithmetic: boolean, all: readonly Finding[], text: Readonly<Record<string, string>>): Finding {
  const a = cents(primary.actual);
  const e = cents(primary.expected);
  const d = a === null || e === null ? null : a - e;
  if (arithmetic && d !== null) f.message += roundingNote(d);
  if ((arithmetic || TEXT_AMOUNT.has(primary.rule)) && d !== null) f.message += transposedNote(primary.actual, primary.expected);
  const places: FindingPlace[] = all.map((x) => ({ rule: x.rule, table: x.table, rowKey: x.rowKey, row: x.row, column: x.column, expected: x.expected, actual: x.actual }));
  // The text that repeats a wrong printed total is one more place of the same cause.
  if (arithmetic && Math.abs(a ?? 0) >= 1000) {
    const sections = Object.entries(text).filter(([k, t]) => /^\d+$/.test(k) && repeats(t, primary.actual));
    for (const [k] of sections) places.push({ rule: primary.rule, table: 0, rowKey: '', row: `第三部分${SECTION[Number(k)] ?? k}`, column: '', expected: primary.expected, actual: primary.actual });
  }
  const others = places.filter((p) => !(p.table === primary.table && p.row === primary.row && p.column === primary.column && p.rule === primary.rule));
  if (others.length > 0) {
    const seen = new Set<string>();
    const where = others
      .map((p) => (p.table === 0 ? `${p.row}（写为 ${p.actual}）` : `表${p.table} ${p.row} 第${p.column}栏`))
      .filter((w) => !seen.has(w) && seen.add(w));
    f.message += `；同一原因还涉及：${where.join('、')}`;
    f.places = places;
  }
  return f;
}

/** Does a printed section state this amount (with or without thousands separators)? */
function repeats(text: string, amount: string): boolean {
  const plain = amount.replace(/,/g, '');
  const [i = '', d = ''] = plain.replace('-', '').split('.');
  const grouped = `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
  const t = text.replace(/\s+/g, '');
  return [plain, grouped].some((a) => new RegExp(`(?<![\\d.,])${a.replace(/[.]/g, '\\.')}万元`).test(t));
}
