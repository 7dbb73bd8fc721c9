import { describe, expect, it } from 'vitest';
import { applyChanges, changesSize, diffDocument, jsonEqual } from '../../../shared/model/doc-changes';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/** Seeded generator (same sequence every run). */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function randomValue(r: (n: number) => number, depth: number): unknown {
  const k = r(depth > 2 ? 3 : 6);
  if (k === 0) return r(100);
  if (k === 1) return `s${r(10)}`;
  if (k === 2) return r(2) === 0;
  if (k === 3) return Array.from({ length: r(5) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = r(4); i > 0; i--) o[`k${r(6)}`] = randomValue(r, depth + 1);
  return o;
}

/** A random edit somewhere inside `v` (set, delete, insert or remove array elements). */
function mutate(v: unknown, r: (n: number) => number): unknown {
  if (Array.isArray(v)) {
    const op = r(4);
    if (op === 0) v.splice(r(v.length + 1), 0, randomValue(r, 1));
    else if (op === 1 && v.length > 0) v.splice(r(v.length), 1 + r(2));
    else if (v.length > 0) {
      const i = r(v.length);
      v[i] = mutate(v[i], r);
    }
    return v;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const op = r(4);
    if (op === 0 || keys.length === 0) o[`k${r(6)}`] = randomValue(r, 1);
    else if (op === 1) delete o[keys[r(keys.length)]!];
    else {
      const k = keys[r(keys.length)]!;
      o[k] = mutate(o[k], r);
    }
    return o;
  }
  return randomValue(r, 1);
}

describe('document changes', () => {
  it('turn before into after and back again exactly, for random trees and edits (seeded)', () => {
    const r = lcg(14);
    for (let round = 0; round < 400; round++) {
      const before = { root: randomValue(r, 0), rows: Array.from({ length: r(8) }, () => randomValue(r, 1)) };
      const after = structuredClone(before);
      for (let e = 1 + r(4); e > 0; e--) mutate(after, r);
      const changes = diffDocument(before, after);
      const doc = structuredClone(before);
      applyChanges(doc, changes, 'forward');
      expect(jsonEqual(doc, after)).toBe(true);
      applyChanges(doc, changes, 'back');
      expect(jsonEqual(doc, before)).toBe(true);
      // Applying does not share values with the change list: a second round trip is identical.
      applyChanges(doc, changes, 'forward');
      expect(jsonEqual(doc, after)).toBe(true);
    }
  });

  it('keep a deleted row of a 10,000-item department as that row, not the document', () => {
    const before = syntheticDocument(10_000);
    const after = structuredClone(before);
    const [removed] = after.projectRows.splice(4321, 1);
    after.functionRows[7]!.values['2.3'] = '1.00';
    const changes = diffDocument(before, after);
    expect(changes).toEqual([
      { op: 'set', path: ['functionRows', 7, 'values', '2.3'], before: before.functionRows[7]!.values['2.3'], after: '1.00' },
      { op: 'splice', path: ['projectRows'], at: 4321, removed: [removed], inserted: [] },
    ]);
    expect(changesSize(changes)).toBeLessThan(400);
    const doc = structuredClone(after);
    applyChanges(doc, changes, 'back');
    expect(doc).toEqual(before);
  });
});
