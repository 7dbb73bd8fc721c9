import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSchema, parseDocument, serializeDocument } from '../../../shared/model';
import { migrate } from '../../../shared/model/migrate';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/**
 * Rows plainly valid are read by hand (shared/model/fast-rows.ts), the rest by the schema: for
 * any document the result must be the schema's own, to the key order of the output and the
 * issues it reports.
 */
function viaSchema(value: Record<string, unknown>) {
  const r = documentSchema.safeParse(value);
  return r.success ? { ok: true, doc: serializeDocument(r.data) } : { ok: false, issues: r.error.issues.map((i) => [i.path.join('.'), i.message]) };
}

function viaLoad(value: Record<string, unknown>, owned: boolean) {
  const r = parseDocument(value, owned);
  return r.ok ? { ok: true, doc: serializeDocument(r.doc) } : { ok: false, issues: r.issues.map((i) => [i.path.join('.'), i.message]) };
}

function fixture(name: string): Record<string, unknown> {
  const m = migrate(JSON.parse(readFileSync(new URL(`../../fixtures/${name}.budget.json`, import.meta.url), 'utf8')));
  if (!m.ok) throw new Error(m.error);
  return m.value;
}

function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

type Raw = Record<string, unknown>;
const ROWS = ['functionRows', 'economicRows', 'projectRows', 'carryoverRows'] as const;

/** One random change that may or may not keep the document valid. */
function mutate(doc: Raw, rand: (n: number) => number): string {
  const set = ROWS[rand(ROWS.length)]!;
  const rows = doc[set] as Raw[];
  if (!Array.isArray(rows) || rows.length === 0) return 'empty';
  const i = rand(rows.length);
  const row = rows[i]!;
  if (row === null || typeof row.values !== 'object') return 'not a row';
  const values = row.values as Record<string, unknown>;
  const key = Object.keys(values)[0];
  const change = rand(16);
  switch (change) {
    case 0:
      if (key) values[key] = '12.3456789';
      break;
    case 1:
      if (key) values[key] = 12.5;
      break;
    case 2:
      values['2.x'] = '1';
      break;
    case 3:
      row.extra = 'x';
      break;
    case 4:
      if ('code' in row) row.code = '12345';
      break;
    case 5:
      rows.push(structuredClone(row));
      break;
    case 6:
      if ('id' in row) row.id = 'a/b';
      break;
    case 7:
      row.unit = 'unit:x';
      break;
    case 8:
      row.name = 7;
      break;
    case 9:
      if (key) values[key] = '999999999999999';
      break;
    case 10:
      doc[set] = 'rows';
      break;
    case 11:
      delete doc[set];
      break;
    case 12:
      // The same row with its keys in another order.
      rows[i] = Object.fromEntries(Object.entries(row).reverse());
      break;
    case 13:
      doc.year = 'x';
      break;
    case 14:
      rows[i] = null as unknown as Raw;
      break;
    case 15:
      if (key) values[key] = '-0.000001';
      break;
  }
  return `${set}[${i}] change ${change}`;
}

/** One random change to the document's code lists that may or may not keep it valid. */
function mutateLists(doc: Raw, rand: (n: number) => number): string {
  const lists = doc.classification as Record<string, unknown> | null | undefined;
  if (typeof lists !== 'object' || lists === null) return 'no lists';
  const kind = rand(2) === 0 ? 'function' : 'economic';
  const list = Array.isArray(lists[kind]) ? (lists[kind] as Raw[]) : [];
  const i = rand(Math.max(1, list.length));
  const change = rand(13);
  switch (change) {
    case 0:
      if (list[i]) list[i]!.code = 2010101;
      break;
    case 1:
      if (list[i]) delete list[i]!.name;
      break;
    case 2:
      if (list[i]) list[i]!.extra = 'x';
      break;
    case 3:
      list[i] = null as unknown as Raw;
      break;
    case 4:
      lists[kind] = 'list';
      break;
    case 5:
      delete lists[kind];
      break;
    case 6:
      lists.other = [];
      break;
    case 7:
      doc.classification = null;
      break;
    case 8:
      delete doc.classification;
      break;
    case 9:
      // Keys in another order, in an entry and in the lists.
      if (list[i]) list[i] = Object.fromEntries(Object.entries(list[i]!).reverse());
      doc.classification = Object.fromEntries(Object.entries(lists).reverse());
      break;
    case 10:
      doc.year = 'x';
      break;
    case 11:
      if (list[i]) list[i]!.name = '';
      break;
    case 12:
      if (list[0]) list.push(structuredClone(list[0]));
      break;
  }
  return `classification.${kind}[${i}] change ${change}`;
}

describe('rows read by hand = rows read by the schema', () => {
  it('valid documents: the fixtures and a synthetic department give the schema’s document', () => {
    for (const doc of [fixture('000'), fixture('003'), fixture('004'), JSON.parse(serializeDocument(syntheticDocument(300)))]) {
      const expected = viaSchema(structuredClone(doc));
      expect(expected.ok).toBe(true);
      expect(viaLoad(structuredClone(doc), false)).toEqual(expected);
      expect(viaLoad(structuredClone(doc), true)).toEqual(expected);
    }
  });

  it('mutated documents: the same document or the same issues, 400 times', () => {
    const rand = lcg(14);
    const bases = [fixture('003'), fixture('004'), JSON.parse(serializeDocument(syntheticDocument(60)))];
    let refused = 0;
    for (let n = 0; n < 400; n++) {
      const doc = structuredClone(bases[n % bases.length]!);
      const what = [mutate(doc, rand), ...(rand(3) === 0 ? [mutate(doc, rand)] : [])].join(', ');
      const expected = viaSchema(structuredClone(doc));
      if (!expected.ok) refused++;
      expect(viaLoad(structuredClone(doc), n % 2 === 0), what).toEqual(expected);
    }
    // Both kinds were exercised.
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(350);
  });

  it('code lists (科目代码表): mutated, the same document or the same issues, 300 times', () => {
    const rand = lcg(21);
    const base = JSON.parse(serializeDocument(syntheticDocument(60)));
    expect(base.classification.function.length).toBeGreaterThan(10);
    let refused = 0;
    let changed = 0;
    for (let n = 0; n < 300; n++) {
      const doc = structuredClone(base);
      const what = [mutateLists(doc, rand), ...(rand(3) === 0 ? [mutateLists(doc, rand)] : [])].join(', ');
      const expected = viaSchema(structuredClone(doc));
      if (!expected.ok) refused++;
      else if (expected.doc !== viaSchema(structuredClone(base)).doc) changed++;
      expect(viaLoad(structuredClone(doc), n % 2 === 0), what).toEqual(expected);
    }
    // Refused, accepted as changed (keys dropped, a default list), and accepted unchanged all came up.
    expect(refused).toBeGreaterThan(60);
    expect(changed).toBeGreaterThan(30);
    expect(refused + changed).toBeLessThan(290);
  });

  it('the caller’s object is left as it was unless it is given up', () => {
    const doc = JSON.parse(serializeDocument(syntheticDocument(50)));
    const r = parseDocument(doc, false);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.functionRows[0]!.values).not.toBe(doc.functionRows[0].values);
  });
});
