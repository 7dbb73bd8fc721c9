import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withFormat } from '../../../shared/formats/apply';
import { builtinFormat } from '../../../shared/formats/registry';
import { BudgetSession } from '../../../shared/engine/session';
import { type BudgetDocument, documentAmountMagnitude, loadDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import {
  addCarryover,
  addEconomicItem,
  addFunctionItem,
  addProject,
  codeChoices,
  deleteCarryover,
  deleteEconomicItem,
  deleteFunctionItem,
  deleteProject,
} from '../../../renderer/state/row-ops';
import { inYuan } from './helpers';
import { DocStore } from '../../../renderer/state/store';

/**
 * Property: after any sequence of cell edits, rows added and deleted, undo and redo, the
 * session edited in place (incremental layout, graph, checks, tie-out) equals a session opened
 * afresh on the same document: every row, every cell's value, role and printed amount, every
 * finding. `FUZZ_FULL=1` runs 2,000 steps per document instead of 70.
 */
const STEPS = process.env.FUZZ_FULL ? 2000 : 70;
/** The full count takes minutes on a loaded machine. */
const TIMEOUT = process.env.FUZZ_FULL ? 3_600_000 : 60_000;

function fixture(name: string): BudgetDocument {
  const r = loadDocument(readFileSync(new URL(`../../fixtures/${name}.budget.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Everything a view can read of a session, as plain data. */
function observe(s: BudgetSession) {
  const tables = s.layouts.map((l) => ({
    no: l.no,
    rows: l.rows.map((r) => ({
      key: r.key,
      name: r.name,
      depth: r.depth,
      level: r.level,
      children: r.children,
      source: r.source,
      cells: l.template.columns.map((c) => s.cellShown(l.no, r.key, c.no) ?? null),
    })),
  }));
  // In the order the list shows them: a list patched after a row change must sort as a fresh one.
  const findings = s.findings().map((f) => JSON.stringify(f));
  // Every check's value too (actual − expected), not only whether it fails: a wrong value can fail alike.
  const index = (s as unknown as { checks: { values(): Iterable<{ id: string; node: number }> } }).checks;
  const checks = [...index.values()].map((c) => `${c.id}=${s.graph.valueAt(c.node)}`).sort();
  return { tables, findings, checks, counts: s.counts(), cells: s.graph.size, magnitude: s.amountMagnitude() };
}

function step(store: DocStore, rand: (n: number) => number): string {
  const doc = store.document;
  const yuan = doc.unit === '元';
  const amount = () => {
    // In 元, amounts of up to 100,000 with 元 and 分 give many cells remainders below 0.01 万元.
    const whole = rand(3) === 0 ? '0' : String(1 + rand(yuan ? 100_000 : 500));
    return yuan ? `${whole}${rand(2) ? `.${String(rand(100)).padStart(2, '0')}` : ''}` : `${whole}.${String(rand(100)).padStart(2, '0')}`;
  };
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[rand(xs.length)] : undefined);
  const op = rand(12);
  if (op <= 3) {
    const l = pick(store.session.layouts)!;
    const rows = l.rows.filter((r) => l.template.columns.some((c) => store.session.role(l.no, r.key, c.no) === 'entered'));
    const row = pick(rows);
    if (!row) return 'no entered row';
    const cols = l.template.columns.filter((c) => store.session.role(l.no, row.key, c.no) === 'entered');
    const col = pick(cols)!;
    const text = rand(4) === 0 ? '' : amount();
    store.setCells([{ table: l.no, row: row.key, col: col.no, text }], '录入');
    return `set ${l.no}|${row.key}|${col.no}=${text}`;
  }
  if (op === 4) return `undo ${store.undo()}`;
  if (op === 5) return `redo ${store.redo()}`;
  const kind = pick(['fn+', 'fn-', 'econ+', 'econ-', 'proj+', 'proj-', 'carry+', 'carry-'] as const)!;
  const r = store.updateDocument(kind, (d) => {
    switch (kind) {
      case 'fn+': {
        const c = pick(codeChoices(d, 'function').filter((x) => !d.functionRows.some((r) => r.code === x.code)));
        return c ? addFunctionItem(d, c.code) : { ok: false, reason: 'none' };
      }
      case 'fn-': {
        const free = d.functionRows.filter((r) => !d.projectRows.some((p) => p.code === r.code));
        const row = pick(free);
        return row ? deleteFunctionItem(d, row.code) : { ok: false, reason: 'none' };
      }
      case 'econ+': {
        const c = pick(codeChoices(d, 'economic').filter((x) => !d.economicRows.some((r) => r.code === x.code)));
        return c ? addEconomicItem(d, c.code) : { ok: false, reason: 'none' };
      }
      case 'econ-': {
        const row = pick(d.economicRows);
        return row ? deleteEconomicItem(d, row.code) : { ok: false, reason: 'none' };
      }
      case 'proj+': {
        const fn = pick(d.functionRows);
        const units = ['', d.department, '第一分中心', '新设中心'];
        return fn ? addProject(d, { code: fn.code, project: `项目${rand(1000)}`, unit: pick(units) }) : { ok: false, reason: 'none' };
      }
      case 'proj-': {
        const row = pick(d.projectRows);
        return row ? deleteProject(d, row.id) : { ok: false, reason: 'none' };
      }
      case 'carry+':
        return addCarryover(d, { project: `结转${rand(1000)}`, unit: pick(['', '第一分中心', '新设中心']) });
      case 'carry-': {
        const row = pick(d.carryoverRows);
        return row ? deleteCarryover(d, row.id) : { ok: false, reason: 'none' };
      }
    }
  });
  return `${kind} ${r.ok ? 'ok' : r.reason}`;
}

/** Runs the steps; returns how many row changes succeeded and how many full rebuilds the session made. */
function run(name: string, doc: BudgetDocument, seed: number, steps = STEPS): { rowChanges: number; rebuilds: number } {
  const original = serializeDocument(doc);
  const store = new DocStore(doc);
  let rebuilds = 0;
  const rebuild = store.session.rebuild.bind(store.session);
  store.session.rebuild = () => {
    rebuilds++;
    rebuild();
  };
  const rand = lcg(seed);
  const log: string[] = [];
  let rowChanges = 0;
  for (let i = 0; i < steps; i++) {
    log.push(step(store, rand));
    if (/^(fn|econ|proj|carry)[+-] ok/.test(log.at(-1)!)) rowChanges++;
    const fresh = BudgetSession.open(store.document);
    const got = observe(store.session);
    const want = observe(fresh);
    expect(fresh.amountMagnitude()).toBe(documentAmountMagnitude(store.document));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      // The failing step and the ones before it say how to reproduce it.
      expect({ name, step: i, log: log.slice(-8), ...got }).toEqual({ name, step: i, log: log.slice(-8), ...want });
    }
  }
  expect(serializeDocument(doc)).toBe(original); // the caller's document is never written
  return { rowChanges, rebuilds };
}

/** Most row changes (and their undo) must take the incremental path, or the property proves little. */
function expectMostlyIncremental(r: { rowChanges: number; rebuilds: number }): void {
  expect(r.rowChanges).toBeGreaterThan(5);
  expect(r.rebuilds).toBeLessThan(r.rowChanges / 2);
}

describe('incremental session = fresh session, after random edits, row changes, undo and redo', () => {
  const noPrinted = (d: BudgetDocument) => ({ ...d, printed: {} });
  it('003 and 004 (imported packets; with and without their printed figures)', () => {
    run('003', fixture('003'), 3);
    expectMostlyIncremental(run('003 unprinted', noPrinted(fixture('003')), 31));
    expectMostlyIncremental(run('004 unprinted', noPrinted(fixture('004')), 4));
    expectMostlyIncremental(run('000 unprinted', noPrinted(fixture('000')), 7));
  }, TIMEOUT);

  it('entered in 元: tie-out to 0.01 万元 kept in step', () => {
    expectMostlyIncremental(run('004 元', inYuan(noPrinted(fixture('004'))), 44));
    expectMostlyIncremental(run('000 元', inYuan(noPrinted(fixture('000'))), 70));
  }, TIMEOUT);

  it('a synthetic department with sub-units, and the Shanghai format', () => {
    expectMostlyIncremental(run('synthetic', syntheticDocument(120), 120, Math.ceil(STEPS / 2)));
    expectMostlyIncremental(run('003 shanghai', withFormat(noPrinted(fixture('003')), builtinFormat('shanghai-budget')!), 9, Math.ceil(STEPS / 2)));
  }, TIMEOUT);
});

describe('the graph is sized with room for the rows added after opening', () => {
  it('deleting a project and undoing it keeps the same arrays (no copy of the whole graph mid-edit)', () => {
    const doc = syntheticDocument(2000);
    const store = new DocStore(doc);
    const buffer = store.session.graph.snapshot().buffer;
    for (let i = 0; i < 20; i++) {
      const r = store.updateDocument('删除', (d) => deleteProject(d, doc.projectRows[i * 37]!.id));
      expect(r.ok).toBe(true);
      store.undo();
    }
    expect(store.session.graph.slots).toBeGreaterThan(store.session.graph.size); // the re-added rows took new slots
    expect(store.session.graph.snapshot().buffer).toBe(buffer);
  });
});
