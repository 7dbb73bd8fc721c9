import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import type { BudgetDocument } from '../../../shared/model/schema';
import { applyOp } from '../../../renderer/state/text-findings';
import { type CellEdit, DocStore } from '../../../renderer/state/store';
import { distinctLinesPacketText } from '../../e2e/support/large-packet';

/**
 * An imported packet keeps its printed figures until an amount they depend on is edited. A block
 * of edits there is made at once too (one by one, 2,000 cells cleared held the window 140 s and
 * their undo 300 s): the same printed figures dropped, the same document and findings, and undo
 * puts every printed figure back.
 */
const EXTRA = 60;

function imported(): BudgetDocument {
  const r = importPacketText(distinctLinesPacketText(EXTRA));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/** Every entered cell of 表2 with an amount (to clear), or every entered cell (to fill). */
function table2Cells(s: BudgetSession, which: 'filled' | 'all'): Array<{ row: string; col: string }> {
  const l = s.layout(2);
  const out: Array<{ row: string; col: string }> = [];
  for (const r of l.rows) {
    for (const c of l.template.kind === 'hier' ? l.template.columns : []) {
      if (s.role(2, r.key, c.no) !== 'entered') continue;
      if (which === 'all' || s.value(2, r.key, c.no) !== 0) out.push({ row: r.key, col: c.no });
    }
  }
  return out;
}

const plain = (d: BudgetDocument) => JSON.parse(JSON.stringify(d));

describe('cell edits in bulk in an imported packet', () => {
  const doc = imported();
  const printedBefore = Object.keys(doc.printed).length;

  it('the packet keeps the printed figures of its generated lines', () => {
    // 003 prints 176 figures; each generated line adds its 合计 and 基本支出.
    expect(printedBefore).toBe(176 + 2 * EXTRA);
    expect(doc.printed['2|2011001|1']).toBe('1.00');
  });

  for (const [name, which, text] of [
    ['clearing every amount of 表2', 'filled', ''],
    ['putting 7 in every entered cell of 表2', 'all', '7'],
  ] as const) {
    it(`${name}: the printed figures dropped, document and findings equal those of the edits one by one; undo restores all`, () => {
      const bulk = new DocStore(structuredClone(doc));
      const single = BudgetSession.open(structuredClone(doc));
      const edits: CellEdit[] = table2Cells(bulk.session, which).map((c) => ({ table: 2, ...c, text }));
      expect(edits.length).toBeGreaterThan(EXTRA);
      expect(bulk.session.bulkWorthIt(edits.length)).toBe(true);
      expect(bulk.setCells(edits, '清除')).toEqual({ ok: true });
      for (const e of edits) expect(single.setCell(e.table, e.row, e.col, e.text).ok).toBe(true);
      expect(plain(bulk.document)).toEqual(plain(single.document));
      expect(bulk.session.findings()).toEqual(single.findings());
      // Every printed figure of 表2 depends on an edited amount: none is left; 表1's and 表4's totals went too.
      const left = Object.keys(bulk.document.printed);
      expect(left.filter((id) => id.startsWith('2|'))).toEqual([]);
      expect(left).not.toContain('1|in.gb|1');
      expect(left).not.toContain('4|in.total|1');
      expect(left.length).toBe(120);
      expect(BudgetSession.open(structuredClone(bulk.document)).findings()).toEqual(bulk.session.findings());

      expect(bulk.undo()).toBe('清除');
      expect(plain(bulk.document)).toEqual(plain(doc));
      expect(bulk.counts()).toEqual(new DocStore(structuredClone(doc)).counts());
      bulk.redo();
      expect(plain(bulk.document)).toEqual(plain(single.document));
    });
  }

  it('one edit that empties a row drops the printed figures above it, as a block does', () => {
    const s = BudgetSession.open(structuredClone(doc));
    const r = s.setCell(2, '2011001', '3', '');
    expect(r.ok && r.dropped).toMatchObject({ '2|2011001|1': '1.00', '2|2011001|2': '1.00', '2|total|1': expect.any(String) });
    expect(s.document.printed['2|2011001|1']).toBeUndefined();
    expect(s.document.printed['2|201|1']).toBeUndefined();
    // 表3's printed figures do not depend on 表2's amounts (a check compares them): they stay.
    expect(doc.printed['3|total|1']).toBe('342.31');
    expect(s.document.printed['3|total|1']).toBe('342.31');
  });

  it('the text worker’s copy, sent the block and its undo as one operation each, ends alike', () => {
    const s = new DocStore(structuredClone(doc));
    const mirror = BudgetSession.open(structuredClone(doc));
    const edits = table2Cells(s.session, 'filled').map((c) => ({ table: 2, ...c, text: '' }));
    s.setCells(edits, '清除');
    applyOp(mirror, { op: 'cells', edits });
    expect(plain(mirror.document)).toEqual(plain(s.document));
    s.undo();
    const befores = edits.map((e) => ({ ...e, text: s.storedText(e.table, e.row, e.col) }));
    const dropped: Record<string, string> = Object.fromEntries(Object.entries(doc.printed).filter(([id]) => mirror.document.printed[id] === undefined));
    applyOp(mirror, { op: 'cells', edits: befores, restore: dropped });
    expect(plain(mirror.document)).toEqual(plain(doc));
    expect(mirror.findings()).toEqual(s.session.findings());
  });
});
