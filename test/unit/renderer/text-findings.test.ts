import { describe, expect, it } from 'vitest';
import { deleteProject } from '../../../renderer/state/row-ops';
import { DocStore } from '../../../renderer/state/store';
import { textFindingsReply } from '../../../renderer/state/text-findings';
import { textPart } from '../../../shared/rules/all-findings';
import { syntheticDocument } from '../../../shared/samples/synthetic';

describe('the text worker’s answer', () => {
  it('for the window’s document as the worker gets it (a structured clone, after edits): the text part the window would write', () => {
    const store = new DocStore(syntheticDocument(2_000));
    const leaf = store.session.layout(2).rows.find((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0)!;
    expect(store.setCells([{ table: 2, row: leaf.key, col: '3', text: '1234.56' }], '修改')).toEqual({ ok: true });
    const project = store.document.projectRows[7]!;
    expect(store.updateDocument('删除', (d) => deleteProject(d, project.id)).ok).toBe(true);
    // What postMessage hands the worker.
    const doc = structuredClone(store.document);
    const reply = textFindingsReply({ rev: 5, doc });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.rev).toBe(5);
    const own = textPart(store.session, store.narrative());
    expect(own.length).toBeGreaterThan(10);
    // And what comes back through postMessage.
    expect(structuredClone(reply.findings)).toEqual(own);
  });

  it('a document it cannot open: the reason, in Chinese, for the window to write the text itself', () => {
    const doc = { ...structuredClone(syntheticDocument(50)), template: '不存在的格式' };
    const reply = textFindingsReply({ rev: 2, doc });
    expect(reply).toEqual({ rev: 2, ok: false, error: '未知的表格格式“不存在的格式”' });
  });
});
