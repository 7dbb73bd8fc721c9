import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tablePart } from '../../../shared/rules/all-findings';
import { DocStore } from '../../../renderer/state/store';
import { BudgetSession } from '../../../shared/engine/session';
import { runSteps, runStepsPaused, type Steps } from '../../../shared/engine/steps';
import { type BudgetDocument, loadDocument, newDocument } from '../../../shared/model';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/**
 * A large document is opened in the window a step per task (BudgetSession.openSteps,
 * DocStore.replaceInSteps): at 100,000 items the build at once held the window over a second.
 * The session it makes must be the one `open` makes: every cell, every layout row, every finding.
 */
const fixture = (name: string): BudgetDocument => {
  const r = loadDocument(readFileSync(join(__dirname, '../../fixtures', name), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

/** The session built a step at a time, with the number of pauses it took. */
async function stepped(doc: BudgetDocument): Promise<{ session: BudgetSession; pauses: number }> {
  let pauses = 0;
  const session = await runStepsPaused(
    BudgetSession.openSteps(doc),
    async () => {
      pauses++;
    },
    0,
  );
  return { session, pauses };
}

function expectSameSession(a: BudgetSession, b: BudgetSession, what: string): void {
  expect(Array.from(a.graph.snapshot()), what).toEqual(Array.from(b.graph.snapshot()));
  expect(a.graph.size, what).toBe(b.graph.size);
  expect(
    a.layouts.map((l) => l.rows.map((r) => `${r.key}:${r.level}:${r.children?.length ?? 0}`)),
    what,
  ).toEqual(b.layouts.map((l) => l.rows.map((r) => `${r.key}:${r.level}:${r.children?.length ?? 0}`)));
  expect(a.findings(), what).toEqual(b.findings());
  expect(a.amountMagnitude(), what).toBe(b.amountMagnitude());
}

describe('a document opened in steps', () => {
  it('the sample, three published packets (printed figures) and a 元 department: the same session as opened at once', async () => {
    const docs: Array<[string, BudgetDocument]> = [
      ['sample', sampleDocument()],
      ['000', fixture('000.budget.json')],
      ['003', fixture('003.budget.json')],
      ['004', fixture('004.budget.json')],
      ['元', syntheticDocument(300, { unit: '元' })],
    ];
    for (const [what, doc] of docs) {
      const whole = BudgetSession.open(doc);
      const { session, pauses } = await stepped(doc);
      expectSameSession(session, whole, what);
      // A table laid out and wired per step at least.
      expect(pauses, what).toBeGreaterThanOrEqual(whole.layouts.filter((l) => l.template.kind === 'hier').length);
    }
  });

  it('55,000 items: the same session, with the long tables and the checks cut into more steps', async () => {
    const small = await stepped(syntheticDocument(2_000));
    const doc = syntheticDocument(55_000);
    const whole = BudgetSession.open(doc);
    const { session, pauses } = await stepped(doc);
    expectSameSession(session, whole, '55,000');
    // Table 2 alone has over 20,000 rows here: its wiring is split, and so are the checks.
    expect(whole.layout(2).rows.length).toBeGreaterThan(20_000);
    expect(pauses).toBeGreaterThan(small.pauses + 2);
    // Edits after work as on a session opened at once.
    const key = whole.layout(2).rows.find((r) => r.level === 'leaf')!.key;
    for (const s of [whole, session]) expect(s.setCell(2, key, '3', '123.45').ok).toBe(true);
    expect(session.value(2, 'total', '3')).toBe(whole.value(2, 'total', '3'));
    expect(session.findings()).toEqual(whole.findings());
  });

  it('a document out of bound is refused with the same Chinese reason', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push({ code: '2010302', values: { '2.3': '1.00' } }, { code: '2010350', values: { '2.3': '2.00' } }, { code: '2010302', values: { '2.3': '3.00' } });
    expect(() => BudgetSession.open(d)).toThrow(/^预算文档内容有误：功能分类科目编码“2010302”重复/);
    expect(() => runSteps(BudgetSession.openSteps(d))).toThrow(/^预算文档内容有误：功能分类科目编码“2010302”重复/);
  });
});

describe('runStepsPaused', () => {
  it('runs steps on until a slice has taken sliceMs, then pauses; one pause before the first', async () => {
    let clock = 0;
    const done: number[] = [];
    function* tenSteps(): Steps<string> {
      for (let k = 0; k < 10; k++) {
        clock += 10; // each step takes 10 ms
        done.push(k);
        yield;
      }
      return 'built';
    }
    const seen: number[][] = [];
    const result = await runStepsPaused(
      tenSteps(),
      async () => {
        seen.push(done.slice());
      },
      40,
      () => clock,
    );
    expect(result).toBe('built');
    // Four steps (40 ms) per slice: paused before steps 0, 4 and 8.
    expect(seen).toEqual([[], [0, 1, 2, 3], [0, 1, 2, 3, 4, 5, 6, 7]]);
  });
});

describe('DocStore.replaceInSteps', () => {
  it('keeps the open document until the last step, then is what replace makes: history afresh, the new counts', async () => {
    const store = new DocStore(sampleDocument());
    expect(store.updateDocument('改部门名称', (d) => {
      d.department = '改过的部门';
      return { ok: true };
    }).ok).toBe(true);
    const before = store.document;
    const doc = syntheticDocument(3_000);
    let pauses = 0;
    let sameMeanwhile = true;
    let events = 0;
    const off = store.subscribe(() => events++);
    await store.replaceInSteps(
      doc,
      'big.budget',
      false,
      undefined,
      async () => {
        pauses++;
        if (store.document !== before) sameMeanwhile = false;
      },
      0,
    );
    off();
    expect(pauses).toBeGreaterThan(5);
    expect(sameMeanwhile).toBe(true);
    expect(events).toBe(1);
    const atOnce = new DocStore(sampleDocument());
    atOnce.replace(doc, 'big.budget', false);
    expect(store.document.department).toBe(doc.department);
    expect(store.filePath).toBe('big.budget');
    expect(store.dirty).toBe(false);
    expect(store.canUndo()).toBe(false);
    expect(store.counts()).toEqual(atOnce.counts());
    expect(store.findings()).toEqual(atOnce.findings());
  });

  it('a draft with hundreds of findings: their wording and marks made in the steps, before it shows; the same as at once', async () => {
    const doc = syntheticDocument(3_000);
    // 表2 left without its column 3: 表3 and 表5 disagree with every 项.
    for (const r of doc.functionRows) delete r.values['2.3'];
    const store = new DocStore(sampleDocument());
    const atOnce = new DocStore(sampleDocument());
    atOnce.replace(structuredClone(doc), 'big.budget', false);
    let pauses = 0;
    await store.replaceInSteps(structuredClone(doc), 'big.budget', false, undefined, async () => void pauses++, 0);
    // sliceMs 0: a pause per step, so the wording (a batch of 500 checks) and the marks (of 200 findings) took steps of their own.
    const worded = store.session.findings().length;
    const marked = tablePart(store.session).length;
    expect(marked).toBeGreaterThan(500);
    expect(pauses).toBeGreaterThanOrEqual(stepsOfOpen(doc) + Math.floor(worded / 500) + Math.floor(marked / 200) + 2);
    const asData = (s: DocStore) => [...s.marks()].map(([k, m]) => [k, m.severity, m.findings.map((f) => f.id)]);
    expect(asData(store)).toEqual(asData(atOnce));
    expect(store.counts()).toEqual(atOnce.counts());
  });
});

/** How many steps opening `doc` takes. */
function stepsOfOpen(doc: BudgetDocument): number {
  let n = 0;
  const steps = BudgetSession.openSteps(structuredClone(doc));
  while (!steps.next().done) n++;
  return n;
}
