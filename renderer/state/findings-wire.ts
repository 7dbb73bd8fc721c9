import type { Finding, FindingPlace } from '../../shared/rules/finding';

/**
 * Findings as the text worker posts them to the window. A grouped finding can list a place per
 * project (one of 100,000 items lists ~100,000: 40 MB as a structured clone, half a second to
 * receive on the window's thread), and a change of rows changes that list by a place or two. So
 * a finding whose places differ from the same finding's in the worker's previous answer (which
 * the window holds) by a run in the middle goes as that run: the places before and after it are
 * the window's own.
 */
export type WireFinding = Finding | (Omit<Finding, 'places'> & { placesDiff: PlacesDiff });

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
    if (!was || !now || now.length < DIFF_FROM) return f;
    const most = Math.min(was.length, now.length);
    let head = 0;
    while (head < most && samePlace(was[head]!, now[head]!)) head++;
    let tail = 0;
    while (tail < most - head && samePlace(was[was.length - 1 - tail]!, now[now.length - 1 - tail]!)) tail++;
    const middle = now.slice(head, now.length - tail);
    if (middle.length * 2 > now.length) return f;
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
