import { describe, expect, it, vi } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { formatExact } from '../../../shared/money';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { applyOp } from '../../../renderer/state/text-findings';
import { type CellEdit, DocStore } from '../../../renderer/state/store';

/**
 * A large block (the whole 表2 cleared, filled, pasted) is written at once and the session built
 * afresh: the same document, findings and undo as the edits made one by one, in a fraction of the time.
 */
const ITEMS = 3_000;

/** Every entered cell of 表2 with an amount (to clear), or every entered cell of its leaves (to fill). */
function table2Cells(s: DocStore, which: 'filled' | 'all'): Array<{ row: string; col: string }> {
  const l = s.session.layout(2);
  const out: Array<{ row: string; col: string }> = [];
  for (const r of l.rows) {
    if (r.level !== 'leaf') continue;
    for (const c of l.template.kind === 'hier' ? l.template.columns : []) {
      if (c.role === 'derived' || s.session.role(2, r.key, c.no) !== 'entered') continue;
      if (which === 'all' || s.session.value(2, r.key, c.no) !== 0) out.push({ row: r.key, col: c.no });
    }
  }
  return out;
}

/** The document as data, its rows' amounts compared as sets (key order aside). */
const plain = (s: DocStore) => JSON.parse(JSON.stringify(s.document));

describe('cell edits in bulk', () => {
  for (const [name, which, text] of [
    ['clearing every amount of 表2', 'filled', ''],
    ['putting 1 in every entered cell of 表2', 'all', '1'],
  ] as const) {
    it(`${name}: the document, findings and undo equal those of the edits one by one`, () => {
      const bulk = new DocStore(syntheticDocument(ITEMS));
      const single = new DocStore(syntheticDocument(ITEMS));
      const original = plain(bulk);
      const edits: CellEdit[] = table2Cells(bulk, which).map((c) => ({ table: 2, ...c, text }));
      expect(edits.length).toBeGreaterThan(1000);
      expect(bulk.session.bulkWorthIt(edits.length)).toBe(true);
      // (3,000 items: 1,176 amounts cleared in 145 ms at once against 216 ms one by one; 11,760 cells filled, 187 against 3,326 ms.)
      expect(bulk.setCells(edits, '清除')).toEqual({ ok: true });
      for (const e of edits) expect(single.session.setCell(e.table, e.row, e.col, e.text).ok).toBe(true);
      expect(plain(bulk)).toEqual(plain(single));
      expect(bulk.session.findings()).toEqual(single.session.findings());
      expect(BudgetSession.open(structuredClone(bulk.document)).findings()).toEqual(bulk.session.findings());
      expect(bulk.undo()).toBe('清除');
      expect(plain(bulk)).toEqual(original);
      expect(bulk.counts()).toEqual(new DocStore(syntheticDocument(ITEMS)).counts());
      bulk.redo();
      expect(plain(bulk)).toEqual(plain(single));
    });
  }

  it('refuses the whole block with the first bad cell’s reason, the document unchanged', () => {
    const s = new DocStore(syntheticDocument(ITEMS));
    const original = plain(s);
    const edits: CellEdit[] = table2Cells(s, 'all').map((c) => ({ table: 2, ...c, text: '2' }));
    edits.splice(1500, 0, { table: 2, row: edits[1500]!.row, col: edits[1500]!.col, text: '12abc' });
    const r = s.setCells(edits, '粘贴');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('12abc');
    expect(plain(s)).toEqual(original);
    expect(s.canUndo()).toBe(false);
  });

  it('the text worker’s copy, sent the block as one operation, ends alike', () => {
    const s = new DocStore(syntheticDocument(ITEMS));
    const mirror = BudgetSession.open(syntheticDocument(ITEMS));
    const edits = table2Cells(s, 'filled').map((c) => ({ table: 2, ...c, text: '' }));
    s.setCells(edits, '清除');
    applyOp(mirror, { op: 'cells', edits });
    expect(JSON.parse(JSON.stringify(mirror.document))).toEqual(plain(s));
    expect(mirror.findings()).toEqual(s.session.findings());
  });
});

/** A cell's marks as data: severity and the ids of the findings it explains. */
const marksOf = (s: DocStore) => [...s.marks()].map(([k, m]) => [k, m.severity, m.findings.map((f) => f.id)]).sort();

describe('a large block made in steps (the window paints and shows it busy meanwhile)', () => {
  it('clearing 表2 in steps ends as the block made at once: document, findings, marks, undo and redo', async () => {
    const stepped = new DocStore(syntheticDocument(ITEMS));
    const atOnce = new DocStore(syntheticDocument(ITEMS));
    const original = plain(stepped);
    const originalMarks = marksOf(stepped);
    const shown = stepped.document;
    let emitted = 0;
    stepped.subscribe(() => emitted++);
    let pauses = 0;
    // Until the block is committed the store shows the document as it was, and tells no view of anything.
    const pause = async () => {
      pauses++;
      expect(stepped.document).toBe(shown);
      expect(emitted).toBe(0);
    };
    const edits: CellEdit[] = table2Cells(stepped, 'filled').map((c) => ({ table: 2, ...c, text: '' }));
    // sliceMs 0: a pause before every step.
    expect(await stepped.setCellsInSteps(edits, '清除', pause, 0)).toEqual({ ok: true });
    expect(atOnce.setCells(edits, '清除')).toEqual({ ok: true });
    // The session built a table and some thousands of rows or checks at a time, the findings worded, grouped and marked in batches.
    expect(pauses).toBeGreaterThan(20);
    expect(emitted).toBe(1);
    expect(plain(stepped)).toEqual(plain(atOnce));
    expect(stepped.session.findings()).toEqual(atOnce.session.findings());
    expect(stepped.counts().errors).toBeGreaterThan(1000);
    expect(stepped.counts()).toEqual(atOnce.counts());
    expect(marksOf(stepped)).toEqual(marksOf(atOnce));
    expect([...stepped.tableMarks(3)].sort()).toEqual([...atOnce.tableMarks(3)].sort());
    expect(stepped.undoLabel()).toBe('清除');

    pauses = 0;
    expect(await stepped.undoInSteps(async () => void pauses++, 0)).toBe('清除');
    expect(pauses).toBeGreaterThan(20);
    expect(plain(stepped)).toEqual(original);
    expect(marksOf(stepped)).toEqual(originalMarks);
    expect(stepped.canUndo()).toBe(false);
    expect(await stepped.redoInSteps(async () => {})).toBe('清除');
    expect(plain(stepped)).toEqual(plain(atOnce));
    expect(marksOf(stepped)).toEqual(marksOf(atOnce));
    // Then edits one at a time follow the committed block as usual.
    const leaf = edits[0]!;
    expect(stepped.setCells([{ ...leaf, text: '7' }], '录入')).toEqual({ ok: true });
    expect(atOnce.setCells([{ ...leaf, text: '7' }], '录入')).toEqual({ ok: true });
    expect(marksOf(stepped)).toEqual(marksOf(atOnce));
    expect(stepped.counts()).toEqual(atOnce.counts());
  });

  it('a refused block or one overtaken by another change leaves the document as it was, with the reason', async () => {
    const s = new DocStore(syntheticDocument(ITEMS));
    const original = plain(s);
    const edits: CellEdit[] = table2Cells(s, 'all').map((c) => ({ table: 2, ...c, text: '2' }));
    const bad = [...edits];
    bad.splice(1500, 0, { ...edits[1500]!, text: '12abc' });
    const r = await s.setCellsInSteps(bad, '粘贴', async () => {});
    expect(r.ok ? '' : r.reason).toContain('12abc');
    expect(plain(s)).toEqual(original);
    expect(s.canUndo()).toBe(false);

    // Another edit reached the document while the block was being made: the block is not applied over it.
    const second = s.storedText(2, edits[1]!.row, edits[1]!.col);
    let once = false;
    const r2 = await s.setCellsInSteps(edits, '粘贴', async () => {
      if (once) return;
      once = true;
      expect(s.setCells([{ ...edits[0]!, text: '5' }], '录入')).toEqual({ ok: true });
    });
    expect(r2.ok ? '' : r2.reason).toContain('此次修改未应用');
    expect(s.storedText(2, edits[0]!.row, edits[0]!.col)).toBe('5.00');
    expect(s.storedText(2, edits[1]!.row, edits[1]!.col)).toBe(second);
    expect(s.undoLabel()).toBe('录入');
  });

  it('a failure while the block is built off to the side leaves the document and its undo as they were, and says so', async () => {
    const s = new DocStore(syntheticDocument(ITEMS));
    const original = plain(s);
    const edits: CellEdit[] = table2Cells(s, 'filled').map((c) => ({ table: 2, ...c, text: '' }));
    // The build of the new session fails (as an engine fault would) after its first steps.
    const spy = vi.spyOn(BudgetSession, 'withCellsSteps').mockImplementation(function* () {
      yield;
      throw new Error('模拟的内部错误');
    });
    try {
      const r = await s.setCellsInSteps(edits, '清除', async () => {});
      expect(r).toEqual({ ok: false, reason: '未能完成此次修改（模拟的内部错误），文档未改动' });
    } finally {
      spy.mockRestore();
    }
    expect(plain(s)).toEqual(original);
    expect(s.canUndo()).toBe(false);
    expect(s.counts().errors).toBe(0);
    // And the same block then goes through.
    expect(await s.setCellsInSteps(edits, '清除', async () => {})).toEqual({ ok: true });
  });

  it('a small document, or a block below bulkWorthIt, is made at once', async () => {
    const s = new DocStore(syntheticDocument(200));
    let pauses = 0;
    const edits: CellEdit[] = table2Cells(s, 'filled').map((c) => ({ table: 2, ...c, text: '' }));
    expect(await s.setCellsInSteps(edits, '清除', async () => void pauses++)).toEqual({ ok: true });
    expect(pauses).toBe(0);
    expect(s.undoLabel()).toBe('清除');
  });
});

describe('a large imported packet’s block made in steps', () => {
  it('drops the printed figures it makes stale as the block made at once does, and its undo puts them back', async () => {
    const packet = () => {
      const doc = syntheticDocument(ITEMS);
      const s = BudgetSession.open(doc);
      // As an imported packet: table 2's 总计 and each 类 printed in column 3.
      for (const r of s.layout(2).rows.filter((x) => x.level === 'class' || x.key === 'total')) doc.printed[`2|${r.key}|3`] = formatExact(s.value(2, r.key, '3'), '万元');
      return doc;
    };
    const stepped = new DocStore(packet());
    const atOnce = new DocStore(packet());
    const original = plain(stepped);
    expect(Object.keys(original.printed).length).toBeGreaterThan(10);
    const edits: CellEdit[] = table2Cells(stepped, 'filled')
      .filter((c) => c.col === '3')
      .map((c) => ({ table: 2, ...c, text: '' }));
    expect(stepped.blockMadeInSteps(edits.length)).toBe(true);
    expect(await stepped.setCellsInSteps(edits, '清除', async () => {})).toEqual({ ok: true });
    expect(atOnce.setCells(edits, '清除')).toEqual({ ok: true });
    expect(plain(stepped)).toEqual(plain(atOnce));
    // Every 类 and the 总计 printed in column 3 went stale with its 项.
    expect(Object.keys(plain(stepped).printed)).toEqual([]);
    expect(marksOf(stepped)).toEqual(marksOf(atOnce));
    expect(stepped.counts()).toEqual(atOnce.counts());
    expect(await stepped.undoInSteps(async () => {})).toBe('清除');
    expect(plain(stepped)).toEqual(original);
    expect(atOnce.undo()).toBe('清除');
    expect(marksOf(stepped)).toEqual(marksOf(atOnce));
  });
});
