import { afterEach, describe, expect, it, vi } from 'vitest';
import { addProject, deleteProject } from '../../../renderer/state/row-ops';
import { DocStore, TEXT_DELAY_MS } from '../../../renderer/state/store';
import { type TextFindingsRequest, TextMirror } from '../../../renderer/state/text-findings';
import { FakeWorker } from './support/fake-text-worker';
import { type BudgetDocument, loadValidatedDocument, serializeDocument } from '../../../shared/model';
import { formatExact } from '../../../shared/money';
import { allFindings } from '../../../shared/rules/all-findings';
import type { Finding } from '../../../shared/rules/finding';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/**
 * The text worker keeps its own session of the window's document: given the document once, then
 * the changes the window made to its session (at 100,000 items cloning the document held the
 * window ~250 ms after every pause in typing). Here the worker is a stand-in that runs the real
 * TextMirror on structured clones, as postMessage hands it, and the window's store is the real one.
 */

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Once the edits settle, the findings the window shows (its text part from the worker) are those
 * its own session gives when it writes the text itself (allFindings: both parts, on this thread).
 */
function settle(store: DocStore): void {
  store.findings();
  vi.advanceTimersByTime(2000);
  expect(store.findingsPending()).toBe(false);
  expect(store.findings()).toEqual(allFindings(store.session));
  // The worker's session holds the window's document, value for value.
  expect(FakeWorker.last!.mirror.document).toEqual(store.document);
}

/** A store of `doc` with the stand-in worker, settled once (the worker given the document). */
function opened(doc: BudgetDocument): { store: DocStore; worker: FakeWorker } {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  const store = new DocStore(doc);
  settle(store);
  return { store, worker: FakeWorker.last! };
}

const kinds = (w: FakeWorker) => w.requests.map((r) => ('doc' in r ? 'doc' : 'docText' in r ? 'text' : 'ops'));

describe('the text worker follows the window’s session', () => {
  it('the document once, then only the changes: cell edits, rows added and removed, undo and redo; its findings those of the document as it is', () => {
    const { store, worker } = opened(syntheticDocument(2_000));
    expect(kinds(worker)).toEqual(['doc']);
    expect(allFindings(store.session).length).toBeGreaterThan(10);

    // Cell edits, a row removed, undone and redone, a project added and undone: each pause sends the changes alone.
    const leaves = store.session.layout(2).rows.filter((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0);
    expect(store.setCells([{ table: 2, row: leaves[3]!.key, col: '3', text: '1234.56' }, { table: 2, row: leaves[9]!.key, col: '3', text: '' }], '修改').ok).toBe(true);
    // A refused edit (not an amount): what it made and took back is made in the worker too.
    expect(store.setCells([{ table: 2, row: leaves[4]!.key, col: '3', text: '7' }, { table: 2, row: leaves[5]!.key, col: '3', text: '不是数' }], '修改').ok).toBe(false);
    settle(store);
    const project = store.document.projectRows[7]!;
    expect(store.updateDocument('删除', (d) => deleteProject(d, project.id)).ok).toBe(true);
    expect(store.undo()).toBe('删除');
    expect(store.redo()).toBe('删除');
    settle(store);
    // The list of every project's place came as what changed in it (findings-wire), and the window's findings are the same.
    const last = worker.answers.at(-1)!;
    expect(last.ok && 'findings' in last && last.findings.some((f) => 'placesDiff' in f)).toBe(true);
    const code = store.document.functionRows[0]!.code;
    expect(store.updateDocument('添加', (d) => addProject(d, { code, project: '新项目' })).ok).toBe(true);
    settle(store);
    expect(store.undo()).toBe('添加');
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'ops', 'ops', 'ops', 'ops']);
    expect(worker.requests.slice(1).every((r) => 'ops' in r && r.ops.length > 0)).toBe(true);
  });

  it('a document opened from main’s text goes to the worker as that text while unchanged; edited first, as the document', () => {
    const { store, worker } = opened(syntheticDocument(2_000));
    // 打开: the window parsed main's text as it is (loadValidatedDocument) and hands it on.
    const text = serializeDocument(syntheticDocument(2_500));
    const r = loadValidatedDocument(text);
    expect(r.ok && r.verbatim).toBe(true);
    if (!r.ok) return;
    store.replace(r.doc, 'a.budget', false, text);
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'text']);
    expect((worker.requests[1] as { docText: string }).docText).toBe(text);
    // Then only the changes, as for a document sent whole.
    const leaf = store.session.layout(2).rows.find((x) => x.level === 'leaf')!;
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '88.5' }], '修改').ok).toBe(true);
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'text', 'ops']);
    // Edited before the worker was sent anything: the text no longer is the document, which goes instead.
    const again = loadValidatedDocument(text);
    if (!again.ok) return;
    store.replace(again.doc, 'a.budget', false, text);
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '99' }], '修改').ok).toBe(true);
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'text', 'ops', 'doc']);
    expect(store.session.value(2, leaf.key, '3')).toBe(99_000_000); // 99 万元 in fen
  });

  it('another document is sent whole; a worker that lost its copy answers stale and is sent the document', () => {
    const { store, worker } = opened(syntheticDocument(2_000));
    store.replace(syntheticDocument(2_500), undefined, false);
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'doc']);
    // The worker loses its session (it failed, say): the changes it is sent next are refused as
    // stale, and the window sends the document.
    worker.mirror = new TextMirror();
    const leaf = store.session.layout(2).rows.find((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0)!;
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '99.99' }], '修改').ok).toBe(true);
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'doc', 'ops', 'doc']);
  });

  it('another document opened while the worker checks the last one: that worker is let go unread, a new one is sent the new document', () => {
    const { store, worker } = opened(syntheticDocument(2_000));
    const leaf = store.session.layout(2).rows.find((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0)!;
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '77.7' }], '修改').ok).toBe(true);
    store.findings();
    // The edits settled: the changes are posted, the answer not yet back.
    vi.advanceTimersByTime(TEXT_DELAY_MS);
    expect(kinds(worker)).toEqual(['doc', 'ops']);
    const replies = worker.posted.filter((k) => k === 'reply').length;
    store.replace(syntheticDocument(2_500), undefined, false);
    expect(worker.terminated).toBe(true);
    settle(store);
    // The old worker's answer was never delivered; the new worker had the new document whole.
    expect(worker.posted.filter((k) => k === 'reply').length).toBe(replies);
    expect(FakeWorker.last).not.toBe(worker);
    expect(kinds(FakeWorker.last!)).toEqual(['doc']);
    // A document opened while nothing is in flight keeps its worker.
    const second = FakeWorker.last!;
    store.replace(syntheticDocument(2_000), undefined, false);
    settle(store);
    expect(FakeWorker.last).toBe(second);
    expect(second.terminated).toBe(false);
    expect(kinds(second)).toEqual(['doc', 'doc']);
  });

  it('an imported packet: an edit that makes printed figures give way, and its undo that brings them back, are made alike', () => {
    const doc = syntheticDocument(2_000);
    const probe = new DocStore(structuredClone(doc));
    doc.printed['2|total|3'] = formatExact(probe.session.value(2, 'total', '3'), '万元');
    const { store, worker } = opened(doc);
    const leaf = store.session.layout(2).rows.find((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0)!;
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '4321.09' }], '修改').ok).toBe(true);
    expect(store.document.printed['2|total|3']).toBeUndefined();
    settle(store);
    expect(store.undo()).toBe('修改');
    expect(store.document.printed['2|total|3']).toBeDefined();
    settle(store);
    expect(kinds(worker)).toEqual(['doc', 'ops', 'ops']);
  });

  it('an answer “same” stands for the worker\'s last findings, even those of an answer that came too late to be shown', () => {
    vi.useFakeTimers();
    // A worker that answers as scripted: the window's side of the protocol alone.
    const replies: Array<(rev: number) => unknown> = [];
    class ScriptedWorker extends FakeWorker {
      override postMessage(m: TextFindingsRequest): void {
        this.requests.push(structuredClone(m));
        const answer = replies.shift()!;
        setTimeout(() => this.onmessage?.({ data: answer(m.rev) }), 0);
      }
    }
    vi.stubGlobal('Worker', ScriptedWorker);
    const text = (message: string): Finding => ({ id: `narrative.input.missing|${message}`, rule: 'narrative.input.missing', severity: 'warning', table: 0, rowKey: 's1', row: '第三部分', column: '', expected: message, actual: '', message });
    const store = new DocStore(syntheticDocument(2_000));
    const shown = () => store.findings().filter((f) => f.rule === 'narrative.input.missing').map((f) => f.expected);
    replies.push((rev) => ({ rev, ok: true, findings: [text('甲')] }));
    store.findings();
    vi.advanceTimersByTime(1000);
    expect(shown()).toEqual(['甲']);
    const leaf = store.session.layout(2).rows.find((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0)!;
    // An edit; its answer (乙) arrives after the next edit, so it is not shown, but it is the worker's last.
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '1.00' }], '修改').ok).toBe(true);
    replies.push((rev) => ({ rev, ok: true, findings: [text('乙')] }));
    store.findings();
    vi.advanceTimersToNextTimer(); // the text pass posts; its answer waits
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '2.00' }], '修改').ok).toBe(true);
    replies.push((rev) => ({ rev, ok: true, same: true }));
    store.findings();
    vi.advanceTimersByTime(2000);
    expect(store.findingsPending()).toBe(false);
    expect(shown()).toEqual(['乙']);
    // Another document: an answer “same” before any findings of it is not trusted; the document is sent.
    store.replace(syntheticDocument(2_000), undefined, false);
    replies.push((rev) => ({ rev, ok: true, same: true }), (rev) => ({ rev, ok: true, findings: [text('丙')] }));
    store.findings();
    vi.advanceTimersByTime(3000);
    expect(shown()).toEqual(['丙']);
    expect(kinds(FakeWorker.last!)).toEqual(['doc', 'ops', 'ops', 'doc', 'doc']);
  });

  it('the worker answers “same” when the findings are those it last answered with; a new document starts afresh', () => {
    const mirror = new TextMirror();
    const doc = syntheticDocument(300);
    const first = mirror.reply({ rev: 1, doc: structuredClone(doc) });
    expect(first.ok && 'findings' in first && first.findings.length).toBeGreaterThan(0);
    expect(mirror.reply({ rev: 2, base: 1, ops: [] })).toEqual({ rev: 2, ok: true, same: true });
    expect(mirror.reply({ rev: 3, base: 1, ops: [] })).toEqual({ rev: 3, ok: false, stale: true });
    const again = mirror.reply({ rev: 4, doc: structuredClone(doc) });
    expect(again.ok && 'findings' in again).toBe(true);
  });

  it('a document it cannot open: the reason, in Chinese, for the window to write the text itself', () => {
    const doc = { ...structuredClone(syntheticDocument(50)), template: '不存在的格式' };
    expect(new TextMirror().reply({ rev: 2, doc })).toEqual({ rev: 2, ok: false, error: '未知的表格格式“不存在的格式”' });
  });
});
