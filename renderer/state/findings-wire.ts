import type { Finding, FindingPlace } from '../../shared/rules/finding';

/**
 * Findings as the text worker posts them to the window. A grouped finding can list a place per
 * project (one of 100,000 items lists ~100,000: 40 MB as a structured clone, half a second to
 * receive on the window's thread), and a change of rows changes that list by a place or two. So
 * a finding whose places differ from the same finding's in the worker's previous answer (which
 * the window holds) by a run in the middle goes as that run: the places before and after it are
 * the window's own.
 */
export type WireFinding = Finding | (Omit<Finding, 'places'> & { placesDiff: PlacesDiff }) | (Omit<Finding, 'places'> & { placeColumns: PlaceColumns });

/**
 * A long list of places sent whole goes by field, not by place: a value all the places share once,
 * else an array of one value per place. Received, ~300,000 places as objects (the text findings
 * of 100,000 items right after 打开) held the window ~290 ms for the structured clone alone; a few
 * arrays of strings are read in a fraction of that, and the objects are made again here.
 */
export type PlaceColumns = { [K in keyof FindingPlace]: { same: FindingPlace[K] } | { each: FindingPlace[K][] } } & { length: number };

const PLACE_FIELDS = ['rule', 'table', 'rowKey', 'row', 'column', 'expected', 'actual'] as const;

export interface PlacesDiff {
  /** Places kept from the start and from the end of the previous list. */
  head: number;
  tail: number;
  /** The places between them now. */
  middle: FindingPlace[];
}

/** Shorter lists go as they are. */
const DIFF_FROM = 64;

/** `next` for the window, which holds `prev` (the worker's previous answer; null: nothing). */
export function diffFindings(prev: readonly Finding[] | null, next: readonly Finding[]): WireFinding[] {
  const before = new Map<string, Finding>();
  for (const f of prev ?? []) if (f.places && f.places.length >= DIFF_FROM) before.set(f.id, f);
  return next.map((f) => {
    const was = before.get(f.id)?.places;
    const now = f.places;
    if (!now || now.length < DIFF_FROM) return f;
    if (!was) return byColumns(f, now);
    const most = Math.min(was.length, now.length);
    let head = 0;
    while (head < most && samePlace(was[head]!, now[head]!)) head++;
    let tail = 0;
    while (tail < most - head && samePlace(was[was.length - 1 - tail]!, now[now.length - 1 - tail]!)) tail++;
    const middle = now.slice(head, now.length - tail);
    if (middle.length * 2 > now.length) return byColumns(f, now);
    const { places: _, ...rest } = f;
    return { ...rest, placesDiff: { head, tail, middle } };
  });
}

/** The findings `wire` stands for, given `prev` (the list of the worker's previous answer); null when a diff is not of it. */
export function patchFindings(prev: readonly Finding[] | null, wire: readonly WireFinding[]): Finding[] | null {
  const before = new Map<string, Finding>();
  for (const f of prev ?? []) before.set(f.id, f);
  const out: Finding[] = [];
  for (const w of wire) {
    if ('placeColumns' in w) {
      const { placeColumns, ...rest } = w;
      out.push({ ...rest, places: placesOf(placeColumns) });
      continue;
    }
    if (!('placesDiff' in w)) {
      out.push(w);
      continue;
    }
    const { placesDiff: d, ...rest } = w;
    const was = before.get(w.id)?.places;
    if (!was || d.head + d.tail > was.length) return null;
    const places = was.slice(0, d.head);
    for (const p of d.middle) places.push(p);
    for (let i = was.length - d.tail; i < was.length; i++) places.push(was[i]!);
    out.push({ ...rest, places });
  }
  return out;
}

function samePlace(a: FindingPlace, b: FindingPlace): boolean {
  return a.rowKey === b.rowKey && a.row === b.row && a.table === b.table && a.column === b.column && a.rule === b.rule && a.expected === b.expected && a.actual === b.actual;
}

/** `f` with its places by field; as it is when a place has more than the fields of FindingPlace (nothing is dropped). */
function byColumns(f: Finding, places: readonly FindingPlace[]): WireFinding {
  for (const p of places) if (Object.keys(p).length !== PLACE_FIELDS.length) return f;
  const cols = { length: places.length } as Record<string, unknown>;
  for (const k of PLACE_FIELDS) {
    const first = places[0]![k];
    let i = 1;
    while (i < places.length && places[i]![k] === first) i++;
    cols[k] = i === places.length ? { same: first } : { each: places.map((p) => p[k]) };
  }
  const { places: _, ...rest } = f;
  return { ...rest, placeColumns: cols as PlaceColumns };
}

/** The places `c` stands for, each made with the fields in FindingPlace's order. */
function placesOf(c: PlaceColumns): FindingPlace[] {
  const at = <K extends keyof FindingPlace>(k: K): ((i: number) => FindingPlace[K]) => {
    const col = c[k] as { same: FindingPlace[K] } | { each: FindingPlace[K][] };
    if ('same' in col) {
      const v = col.same;
      return () => v;
    }
    const each = col.each;
    return (i) => each[i]!;
  };
  const rule = at('rule');
  const table = at('table');
  const rowKey = at('rowKey');
  const row = at('row');
  const column = at('column');
  const expected = at('expected');
  const actual = at('actual');
  const out: FindingPlace[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = { rule: rule(i), table: table(i), rowKey: rowKey(i), row: row(i), column: column(i), expected: expected(i), actual: actual(i) };
  return out;
}
