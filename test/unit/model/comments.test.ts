import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { type Change, DocStore } from '../../../renderer/state/store';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { workbookLayout } from '../../../shared/exporters/workbook';
import { loadDocument, serializeDocument } from '../../../shared/model';
import { commentAt, dropRowComments, setComment } from '../../../shared/model/comments';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { readParts, writeParts } from '../excel/zip-parts';

/** 批注 kept in the document: set/edit/remove, saved and read again, Excel notes in the workbook, never printed. */

describe('cell comments in the model', () => {
  it('are set, edited and removed; a blank text removes; the field goes when the last one does', () => {
    const doc = sampleDocument();
    expect(doc.comments).toBeUndefined();
    expect(setComment(doc, 2, '2080502', '3', '  按人社局核定数  ')).toEqual({ ok: true });
    expect(doc.comments).toEqual({ '2|2080502|3': '按人社局核定数' });
    expect(setComment(doc, 2, '2080502', '3', '按 2025 年核定数')).toEqual({ ok: true });
    expect(commentAt(doc, 2, '2080502', '3')).toBe('按 2025 年核定数');
    expect(setComment(doc, 2, '2080502', '3', '   ')).toEqual({ ok: true });
    expect(doc.comments).toBeUndefined();
    const long = '注'.repeat(2001);
    expect(setComment(doc, 2, '2080502', '3', long)).toEqual({ ok: false, reason: '批注有 2001 个字，最多 2000 个字，未保存' });
    expect(doc.comments).toBeUndefined();
  });

  it('go with their row when it is deleted (every table the row shows in)', () => {
    const doc = sampleDocument();
    setComment(doc, 2, '2080502', '3', 'a');
    setComment(doc, 5, '2080502', '2', 'b');
    setComment(doc, 2, '2080505', '3', 'c');
    expect(dropRowComments(doc, '2080502')).toBe(2);
    expect(doc.comments).toEqual({ '2|2080505|3': 'c' });
    expect(dropRowComments(doc, '2080505')).toBe(1);
    expect(doc.comments).toBeUndefined();
  });

  it('are saved and read again; a malformed key is refused naming the field', () => {
    const doc = sampleDocument();
    setComment(doc, 2, '2080502', '3', '按人社局核定数');
    const back = loadDocument(serializeDocument(doc));
    expect(back.ok && back.doc.comments).toEqual({ '2|2080502|3': '按人社局核定数' });
    const bad = JSON.parse(serializeDocument(doc));
    bad.comments = { '2-2080502-3': 'x' };
    const r = loadDocument(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('批注（comments）');
    expect(!r.ok && r.error).toContain('批注的单元格键应为“表号|行|栏号”');
  });
});

describe('cell comments in the exports', () => {
  const commented = () => {
    const doc = sampleDocument();
    setComment(doc, 2, '2080502', '3', '按人社局核定数');
    setComment(doc, 1, 'in.gb', '1', '含上级转移支付');
    return doc;
  };

  it('the workbook layout puts each on its amount cell, and nowhere else', () => {
    const layout = workbookLayout(BudgetSession.open(commented()), []);
    const notes = layout.sheets.flatMap((s) =>
      s.rows.flatMap((row, r) => row.flatMap((c, i) => (c.note ? [{ table: s.table, name: row.find((x) => typeof x.v === 'string' && x.s.startsWith('name'))?.v, v: c.v, at: [r, i], note: c.note }] : []))),
    );
    expect(notes.map(({ at: _at, ...n }) => n)).toEqual([
      // 表1 一般公共预算拨款 (income side, first amount column): 232.32 in the sample.
      { table: 1, name: '1、一般公共预算拨款', v: 232.32, note: '含上级转移支付' },
      // 表2 2080502 事业单位离退休, 第3栏 (财政拨款): 0.20.
      { table: 2, name: '事业单位离退休', v: 0.2, note: '按人社局核定数' },
    ]);
  });

  it('the .xlsx carries them as Excel notes that Excel (exceljs) reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(commented(), { findingsSheet: false })) as unknown as ArrayBuffer);
    const found: Array<{ sheet: string; ref: string; value: unknown; note: string }> = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const n = cell.note;
          if (n) found.push({ sheet: ws.name, ref: cell.address, value: cell.value, note: typeof n === 'string' ? n : n.texts?.map((t) => t.text).join('') ?? '' });
        }),
      ),
    );
    expect(found.map((f) => [f.sheet.slice(0, 2), f.value, f.note])).toEqual([
      ['表1', 232.32, '含上级转移支付'],
      ['表2', 0.2, '按人社局核定数'],
    ]);
    // The noted cell of 表2 is in the column numbered 3 (the numbering row under the header).
    const t2 = wb.worksheets[1]!;
    const ref = found[1]!.ref;
    const col = t2.getCell(ref).col;
    let numbering: unknown;
    t2.eachRow((row) => {
      if (row.getCell(1).value === '※') numbering = row.getCell(Number(col)).value;
    });
    expect(numbering).toBe('3');
  });

  it('a workbook with notes imports again, its notes on amounts becoming the document’s 批注 (blank and computed cells too)', async () => {
    const doc = commented();
    setComment(doc, 2, 'total', '1', '与财政批复一致');
    setComment(doc, 2, '2080502', '5', '无事业收入'); // a blank amount
    const r = await readWorkbookBuffer(await workbookBuffer(doc, { findingsSheet: false }));
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.doc.functionRows.find((x) => x.code === '2080502')?.values['2.3']).toBe('0.20');
    expect(r.ok && r.doc.comments).toEqual({
      '1|in.gb|1': '含上级转移支付',
      '2|2080502|3': '按人社局核定数',
      '2|2080502|5': '无事业收入',
      '2|total|1': '与财政批复一致',
    });
  });

  it('a note someone left on a name or outside the tables is not a 批注 of an amount', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(sampleDocument(), { findingsSheet: false })) as unknown as ArrayBuffer);
    const t2 = wb.worksheets[1]!;
    t2.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === '事业单位离退休') cell.note = '名称按新科目';
      });
    });
    t2.getCell('A1').note = '草稿';
    const r = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.ok).toBe(true);
    expect(r.ok && r.doc.comments).toBeUndefined();
  });

  it('a comments part that is broken, or points nowhere, costs the notes and nothing else', async () => {
    const parts = readParts(await workbookBuffer(commented(), { findingsSheet: false }));
    const comments = [...parts.keys()].filter((k) => /comments\d*\.xml$/.test(k));
    expect(comments.length).toBe(2);
    // The 表2 note's XML cut off mid-way; the 表1 part's target removed.
    parts.set(comments[1]!, parts.get(comments[1]!)!.slice(0, 200));
    parts.delete(comments[0]!);
    const r = await readWorkbookBuffer(writeParts(parts));
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.doc.functionRows.find((x) => x.code === '2080502')?.values['2.3']).toBe('0.20');
    expect(r.ok && r.doc.comments).toBeUndefined();
  });

  it('the printed packet leaves them out', () => {
    const html = packetHtml(BudgetSession.open(commented()));
    expect(html).not.toContain('按人社局核定数');
    expect(html).not.toContain('含上级转移支付');
    expect(html).toContain('事业单位离退休');
  });
});

describe('cell comments in the editing store', () => {
  it('are one undo step each, refresh only their cell, and leave amounts and findings alone', () => {
    const s = new DocStore(sampleDocument());
    const changes: Change[] = [];
    s.onChange((c) => changes.push(c));
    const findings = s.findings().length;
    expect(s.setComment(2, '2080502', '3', '按核定数')).toEqual({ ok: true });
    expect(changes).toEqual([{ type: 'cells', ids: ['2|2080502|3'] }]);
    expect(s.undoLabel()).toBe('添加批注 表2 2080502 事业单位离退休 第3栏');
    expect(s.setComment(2, '2080502', '3', '按 2025 年核定数')).toEqual({ ok: true });
    expect(s.undoLabel()).toBe('修改批注 表2 2080502 事业单位离退休 第3栏');
    expect(s.findings().length).toBe(findings);
    expect(s.session.display(2, '2080502', '3')).toBe(200_000);
    expect(s.undo()).toBe('修改批注 表2 2080502 事业单位离退休 第3栏');
    expect(s.document.comments).toEqual({ '2|2080502|3': '按核定数' });
    expect(changes.at(-1)).toEqual({ type: 'cells', ids: ['2|2080502|3'] });
    s.undo();
    expect(s.document.comments).toBeUndefined();
    expect(s.dirty).toBe(false);
    s.redo();
    expect(s.setComment(2, '2080502', '3', '')).toEqual({ ok: true });
    expect(s.undoLabel()).toBe('删除批注 表2 2080502 事业单位离退休 第3栏');
    expect(s.document.comments).toBeUndefined();
    // Refused text leaves the document as it was, with the reason.
    expect(s.setComment(2, '2080502', '3', 'x'.repeat(2001))).toEqual({ ok: false, reason: '批注有 2001 个字，最多 2000 个字，未保存' });
    expect(s.canRedo()).toBe(false);
  });
});
