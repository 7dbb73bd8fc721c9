import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { narrativeView } from '../../../renderer/packet/narrative-view';
import { DocStore } from '../../../renderer/state/store';
import { TextMirror } from '../../../renderer/state/text-findings';
import { BudgetSession } from '../../../shared/engine/session';
import { loadDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { inputPathText, narrativeInputs, writeInput } from '../../../shared/narrative/inputs';
import { paragraphText } from '../../../shared/narrative/types';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { FakeWorker } from './support/fake-text-worker';

/**
 * 情况说明 shows a view of the text: the sections' headings and counts and the open section's
 * paragraphs in pages. A large department's text is written in the text worker, which posts the
 * view of the page shown (the whole text of 100,000 items is ~65 MB to clone); the window never
 * writes it.
 */
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const fixture = (name: string) => {
  const r = loadDocument(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe('the view of a text', () => {
  it('003 (a published packet) without its reasons: every section with its paragraph count and the fields it still needs; the open section’s first paragraphs and their fields', () => {
    const doc = fixture('003.budget.json');
    doc.narrative.reasons = {};
    const n = generateNarrative(BudgetSession.open(doc));
    const v = narrativeView(doc, n, { open: 's3', count: 2 });
    expect(v.year).toBe(n.year);
    expect(v.sections.map((s) => s.title)).toEqual(n.sections.map((s) => s.title));
    expect(v.sections.map((s) => s.paragraphs)).toEqual(n.sections.map((s) => s.paragraphs.length));
    expect(v.missing).toBe(n.missing.length);
    const fields = narrativeInputs(doc, n);
    const needed = new Set(n.missing.map((m) => m.field));
    n.sections.forEach((s, i) => {
      const ids = new Set(s.paragraphs.map((p) => p.id));
      expect(v.sections[i]!.missing).toBe(fields.filter((f) => ids.has(f.paragraph) && f.value === '' && needed.has(inputPathText(f.path))).length);
    });
    // What the sections say is to be filled in is what the page's total counts.
    expect(v.sections.reduce((a, s) => a + s.missing, 0)).toBe(v.missing);
    expect(v.paragraphs).toEqual(n.sections[2]!.paragraphs.slice(0, 2));
    expect(v.fields).toEqual(fields.filter((f) => v.paragraphs.some((p) => p.id === f.paragraph)));
    expect(v.missing).toBeGreaterThan(0);
    // No section open: headings only.
    expect(narrativeView(doc, n, { open: '', count: 300 }).paragraphs).toEqual([]);
  });

  it('the worker’s mirror answers with the view of the page asked for, and a request without changes reuses the text it wrote', () => {
    const doc = syntheticDocument(2_000);
    const mirror = new TextMirror();
    const first = mirror.reply({ rev: 1, doc: structuredClone(doc), page: { open: 's7', count: 300 } });
    if (!first.ok || !('findings' in first)) throw new Error('no findings');
    const n = generateNarrative(BudgetSession.open(doc));
    expect(first.view).toEqual(narrativeView(doc, n, { open: 's7', count: 300 }));
    expect(first.view!.paragraphs).toHaveLength(300);
    const more = mirror.reply({ rev: 1, base: 1, ops: [], page: { open: 's7', count: 600 } });
    expect(more).toMatchObject({ rev: 1, ok: true, same: true });
    if (!more.ok || !more.view) throw new Error('no view');
    expect(more.view.paragraphs).toHaveLength(600);
    // The same paragraph objects: the text was not written again.
    expect(more.view.paragraphs[0]).toBe(first.view!.paragraphs[0]);
    // Without a page, no view.
    expect(mirror.reply({ rev: 1, base: 1, ops: [] })).not.toHaveProperty('view');
  });
});

describe('情况说明 of a large department through the text worker', () => {
  it('the view comes from the worker; after an input the last view stays (not current) until the new text arrives', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const store = new DocStore(syntheticDocument(2_000));
    const page = { open: 's7', count: 300 };
    expect(store.narrativeView(page)).toEqual({ view: null, current: false });
    const worker = FakeWorker.last!;
    expect(worker.requests.map((r) => r.page)).toEqual([page]);
    vi.advanceTimersByTime(10);
    const ready = store.narrativeView(page);
    expect(ready.current).toBe(true);
    expect(ready.view).toEqual(narrativeView(store.document, generateNarrative(store.session), page));

    // 显示更多: asked at once, without changes; the worker reuses its text.
    const more = { open: 's7', count: 600 };
    expect(store.narrativeView(more)).toEqual({ view: ready.view, current: false });
    vi.advanceTimersByTime(10);
    expect(worker.requests.at(-1)).toMatchObject({ ops: [], page: more });
    expect(store.narrativeView(more).view!.paragraphs).toHaveLength(600);

    // A project's 设立的政策依据 typed: the text says it once the worker has written it again.
    const field = store.narrativeView(more).view!.fields.find((f) => f.label.endsWith('：设立的政策依据'))!;
    expect(store.updateDocument('填写', (d) => writeInput(d, field, '《合成项目管理办法》')).ok).toBe(true);
    const says = (v: ReturnType<DocStore['narrativeView']>['view']) =>
      v!.paragraphs.some((p) => paragraphText(p.runs) === '设立的政策依据：《合成项目管理办法》');
    const waiting = store.narrativeView(more);
    expect(waiting.current).toBe(false);
    expect(says(waiting.view)).toBe(false);
    // Asked at once (an input is one step, not typing in a cell). The worker posts the view as soon
    // as the text is written, then checks it: the page shows the new text while the findings are
    // still pending.
    vi.advanceTimersToNextTimer();
    expect(worker.posted.at(-1)).toBe('early');
    expect(store.findingsPending()).toBe(true);
    const after = store.narrativeView(more);
    expect(after.current).toBe(true);
    expect(says(after.view)).toBe(true);
    expect(after.view).toEqual(narrativeView(store.document, generateNarrative(store.session), more));
    expect(worker.requests.map((r) => ('doc' in r ? 'doc' : 'docText' in r ? 'text' : r.ops.length > 0 ? 'ops' : 'page'))).toEqual(['doc', 'page', 'ops']);
    vi.advanceTimersToNextTimer();
    expect(store.findingsPending()).toBe(false);
    // A view before the findings only when the text was written: not for 显示更多.
    expect(worker.posted).toEqual(['early', 'reply', 'reply', 'early', 'reply']);
    // The window itself never wrote the text.
    expect((store as unknown as { narrativeCache: unknown }).narrativeCache).toBeNull();

    // 情况说明 closed: the next answers carry no view.
    store.stopNarrativeView();
    expect(store.updateDocument('填写', (d) => writeInput(d, field, '《办法》')).ok).toBe(true);
    store.findings();
    vi.advanceTimersByTime(2000);
    expect(worker.requests.at(-1)!.page).toBeUndefined();
  });

  it('another document opened while the worker writes the text: the old document’s text is never shown', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const store = new DocStore(syntheticDocument(2_000));
    const page = { open: 's7', count: 300 };
    store.narrativeView(page);
    const first = FakeWorker.last!;
    // Opened before the worker's answers for the first document arrive: that worker is let go.
    store.replace(syntheticDocument(2_500), undefined, false);
    expect(first.terminated).toBe(true);
    expect(store.narrativeView(page)).toEqual({ view: null, current: false });
    vi.advanceTimersByTime(1);
    // Nothing of the first document arrived; the new worker's view is of the new one.
    expect(first.posted).toEqual([]);
    expect(FakeWorker.last).not.toBe(first);
    expect(FakeWorker.last!.posted).toEqual(['early', 'reply']);
    expect(store.narrativeView(page).view).toEqual(narrativeView(store.document, generateNarrative(store.session), page));
    vi.advanceTimersByTime(2000);
    const r = store.narrativeView(page);
    expect(r.current).toBe(true);
    expect(r.view).toEqual(narrativeView(store.document, generateNarrative(store.session), page));
  });

  it('a small department’s view is written in the window, current at once', () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const store = new DocStore(fixture('004.budget.json'));
    const r = store.narrativeView({ open: 's1', count: 300 });
    expect(r.current).toBe(true);
    expect(r.view).toEqual(narrativeView(store.document, generateNarrative(store.session), { open: 's1', count: 300 }));
    expect(FakeWorker.last).toBeUndefined();
  });
});
