import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model';
import { amountToFen } from '../../../shared/money';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { xinjiangBudget2024 } from '../../../shared/formats/xinjiang-budget-2024';
import { addFunctionItem, addProject, codeChoices, deleteFunctionItem, deleteProject, searchCodes } from '../../../renderer/state/row-ops';
import { type Change, DocStore } from '../../../renderer/state/store';

const fen = (s: DocStore, t: number, r: string, c: string) => s.session.display(t, r, c);

describe('DocStore', () => {
  it('edits incrementally, reports changed cells, and undoes/redoes exactly', () => {
    const s = new DocStore(sampleDocument());
    const changes: Change[] = [];
    s.onChange((c) => changes.push(c));
    expect(s.setCells([{ table: 2, row: '2010350', col: '3', text: '120' }], '录入')).toEqual({ ok: true });
    expect(changes.at(-1)?.type).toBe('cells');
    const ids = (changes.at(-1) as { ids: string[] }).ids;
    expect(ids).toContain('2|total|1');
    expect(ids).toContain('1|in.total|1');
    expect(fen(s, 2, 'total', '1')).toBe(345_570_000);
    expect(s.dirty).toBe(true);
    expect(s.counts().errors).toBeGreaterThan(0);
    expect(s.undo()).toBe('录入');
    expect(fen(s, 2, 'total', '1')).toBe(342_320_000);
    expect(s.counts().errors).toBe(0);
    s.redo();
    expect(fen(s, 2, 'total', '1')).toBe(345_570_000);
  });

  it('applies a block all-or-nothing: one refused cell reverts the others', () => {
    const s = new DocStore(sampleDocument());
    const r = s.setCells(
      [
        { table: 2, row: '2010350', col: '3', text: '1' },
        { table: 2, row: '201', col: '3', text: '2' },
      ],
      '粘贴',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('不能直接修改');
    expect(fen(s, 2, '2010350', '3')).toBe(116_750_000);
    expect(s.canUndo()).toBe(false);
  });

  it('refuses bad text with the reason and keeps the value', () => {
    const s = new DocStore(sampleDocument());
    const r = s.setCells([{ table: 2, row: '2010350', col: '3', text: '12a' }], '录入');
    expect(r).toEqual({ ok: false, reason: '“12a”不是有效的金额' });
    expect(fen(s, 2, '2010350', '3')).toBe(116_750_000);
    expect(s.dirty).toBe(false);
  });

  it('row changes are document steps: a new 项 brings its 款 and 类 rows, undo removes them', () => {
    const s = new DocStore(sampleDocument());
    expect(s.updateDocument('添加', (d) => addFunctionItem(d, '2150805'))).toEqual({ ok: true });
    const keys = s.session.layout(2).rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['215', '21508', '2150805']));
    s.undo();
    expect(s.session.layout(2).rows.some((r) => r.key === '215')).toBe(false);
  });

  it('drops the printed figures an edit makes stale, and undo brings them back', () => {
    const r = loadDocument(readFileSync(new URL('../../fixtures/003.budget.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    const s = new DocStore(r.doc);
    expect(s.document.printed['2|total|1']).toBe('342.31');
    s.setCells([{ table: 2, row: '2010350', col: '3', text: '120' }], '录入');
    expect(s.document.printed['2|total|1']).toBeUndefined();
    expect(s.session.printed(2, 'total', '1')).toBeUndefined();
    s.undo();
    expect(s.document.printed['2|total|1']).toBe('342.31');
    expect(fen(s, 2, '2010350', '3')).toBe(116_750_000);
  });
});

describe('undo history', () => {
  it('keeps each row change as the change (bytes, not a copy of the document) and undoes it exactly', () => {
    const original = syntheticDocument(2_000);
    const s = new DocStore(original);
    const docBytes = JSON.stringify(original).length;
    const id = original.projectRows[700]!.id;
    expect(s.updateDocument('删除', (d) => deleteProject(d, id))).toEqual({ ok: true });
    expect(s.document.projectRows.some((p) => p.id === id)).toBe(false);
    expect(s.updateDocument('添加', (d) => addFunctionItem(d, '2999901', '自定义科目'))).toEqual({ ok: true });
    expect(s.setCells([{ table: 2, row: '2999901', col: '3', text: '12.5' }], '录入')).toEqual({ ok: true });
    const after = structuredClone(s.document);
    // Three steps: far below one copy of the document.
    expect(s.historyBytes()).toBeLessThan(1_500);
    expect(docBytes).toBeGreaterThan(150_000);
    s.undo();
    s.undo();
    s.undo();
    expect(s.document).toEqual(original);
    expect(s.session.value(7, `p:${id}`, '3')).toBe(amountToFen(original.projectRows[700]!.values['7.3']!, '万元'));
    expect(s.session.value(7, `p:${id}`, '3')).toBeGreaterThan(0);
    s.redo();
    s.redo();
    s.redo();
    expect(s.document).toEqual(after);
    expect(s.session.value(2, '2999901', '3')).toBe(12_500_000);
  });
});

describe('a change of format through the history', () => {
  it('lays the document out in the new format, and undo brings the old one back', () => {
    const s = new DocStore(sampleDocument());
    const before = s.session.template.id;
    const custom = { ...structuredClone(xinjiangBudget2024), id: 'custom-test', name: '测试格式' };
    expect(
      s.updateDocument('导入格式', (d) => {
        d.customFormat = custom as never;
        d.template = custom.id;
        return { ok: true };
      }),
    ).toEqual({ ok: true });
    expect(s.session.template.id).toBe('custom-test');
    s.undo();
    expect(s.session.template.id).toBe(before);
    expect(s.document.customFormat).toBeUndefined();
    s.redo();
    expect(s.session.template.id).toBe('custom-test');
  });
});

describe('row operations', () => {
  it('finds 项 by code prefix or by name, with the 类/款 path', () => {
    const doc = sampleDocument();
    const choices = codeChoices(doc, 'function');
    expect(searchCodes(choices, '201 03').map((c) => c.code)).toEqual(['2010301', '2010302', '2010350', '2010399']);
    const hit = searchCodes(choices, '中小企业')[0]!;
    expect(hit.code).toBe('2150805');
    expect(hit.path).toContain('资源勘探工业信息等支出');
  });

  it('refuses duplicates, bad codes and deleting a 项 that still has projects', () => {
    const doc = sampleDocument();
    expect(addFunctionItem(doc, '2010350')).toEqual({ ok: false, reason: '科目 2010350 已在表中，不能重复添加' });
    expect(addFunctionItem(doc, '20103')).toMatchObject({ ok: false });
    expect(addFunctionItem(doc, '2999901')).toMatchObject({ ok: false, reason: expect.stringContaining('请同时填写科目名称') });
    expect(addFunctionItem(doc, '2999901', '自定义科目')).toEqual({ ok: true });
    expect(deleteFunctionItem(doc, '2010302')).toMatchObject({ ok: false, reason: expect.stringContaining('1 个项目') });
    const p = addProject(doc, { code: '2010302', project: '新项目' });
    expect(p).toMatchObject({ ok: true, id: 'p2' });
  });
});

describe('unsaved state', () => {
  it('is clean again when undo returns to the saved state', () => {
    const s = new DocStore(sampleDocument(), '/x/a.budget');
    expect(s.dirty).toBe(false);
    s.setCells([{ table: 2, row: '2010350', col: '3', text: '1' }], '录入');
    expect(s.dirty).toBe(true);
    s.undo();
    expect(s.dirty).toBe(false);
    s.redo();
    s.markSaved('/x/a.budget');
    expect(s.dirty).toBe(false);
    s.undo();
    expect(s.dirty).toBe(true);
    s.replace(sampleDocument(), undefined, true);
    expect(s.dirty).toBe(true);
  });
});
