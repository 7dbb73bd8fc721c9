import { describe, expect, it } from 'vitest';
import { accountingNegative, parseTsv, planPaste, type TargetCell, toTsv, tsvRowCount } from '../../../renderer/grid/clipboard';
import { fillAxis, fillTarget, scrollStep } from '../../../renderer/grid/drag-select';
import { CellRange, dataEdge } from '../../../renderer/grid/selection';
import { parseAmount } from '../../../shared/money';

/** Copy and paste as Excel/WPS do: every row ends with CRLF, blanks clear, blocks repeat, (1,234.00) is negative. */
const grid =
  (entered: (r: number, c: number) => boolean = () => true) =>
  (row: number, col: number): TargetCell => ({ table: 2, row: `r${row}`, col: String(col), entered: entered(row, col), label: `第${row + 1}行第${col}栏` });
const area = { top: 0, left: 0, height: 1, width: 1, rowCount: 6, colCount: 4, cellAt: grid() };

describe('copy as tab-separated text', () => {
  it('ends every row with CRLF as Excel does, so a blank last row survives the round trip', () => {
    const tsv = toTsv([['1.00'], ['2.00'], ['']]);
    expect(tsv).toBe('1.00\r\n2.00\r\n\r\n');
    expect(parseTsv(tsv)).toEqual([['1.00'], ['2.00'], ['']]);
    expect(toTsv([['15.28']])).toBe('15.28\r\n');
    expect(toTsv([['', ''], ['3', '']])).toBe('\t\r\n3\t\r\n');
    expect(parseTsv(toTsv([['', ''], ['3', '']]))).toEqual([['', ''], ['3', '']]);
  });

  it('a copied column with a blank last cell pastes three rows, clearing the third', () => {
    const p = planPaste(toTsv([['1.00'], ['2.00'], ['']]), area, '万元');
    expect(p).toEqual({
      ok: true,
      rows: 3,
      cols: 1,
      edits: [
        { table: 2, row: 'r0', col: '0', text: '1.00' },
        { table: 2, row: 'r1', col: '0', text: '2.00' },
        { table: 2, row: 'r2', col: '0', text: '' },
      ],
    });
  });

  it('blank cells copied clear the cells pasted on; an empty clipboard is nothing to paste', () => {
    expect(planPaste('\r\n\r\n', area, '万元')).toMatchObject({ ok: true, rows: 2, cols: 1, edits: [{ row: 'r0', text: '' }, { row: 'r1', text: '' }] });
    expect(planPaste('\r\n', area, '元')).toMatchObject({ ok: true, rows: 1, cols: 1, edits: [{ row: 'r0', text: '' }] });
    expect(planPaste('', area, '万元')).toEqual({ ok: false, reason: '剪贴板中没有可粘贴的内容' });
    expect(planPaste('  ', area, '万元')).toEqual({ ok: false, reason: '剪贴板中没有可粘贴的内容' });
  });
});

describe('paste habits', () => {
  it('reads accounting negatives (1,234.00) as -1,234.00', () => {
    expect(accountingNegative('(1,234.00)')).toBe('-1,234.00');
    expect(accountingNegative('（1,234.00）')).toBe('-1,234.00');
    expect(accountingNegative('1,234.00')).toBe('1,234.00');
    expect(accountingNegative('()')).toBe('()');
    const p = planPaste('(1,234.00)\r\n', area, '元');
    expect(p).toEqual({ ok: true, rows: 1, cols: 1, edits: [{ table: 2, row: 'r0', col: '0', text: '-1,234.00' }] });
    const fen = p.ok ? parseAmount(p.edits[0]!.text, '元') : null;
    expect(fen).toEqual({ ok: true, fen: -123400 });
  });

  it('repeats a block down a selection that holds it a whole number of times (Excel), else pastes it once', () => {
    const tiled = planPaste('1\t2\r\n', { ...area, height: 3, width: 2 }, '万元');
    expect(tiled.ok && tiled.edits.map((e) => `${e.row}/${e.col}=${e.text}`)).toEqual(['r0/0=1', 'r0/1=2', 'r1/0=1', 'r1/1=2', 'r2/0=1', 'r2/1=2']);
    const twoRows = planPaste('1\r\n2\r\n', { ...area, height: 4, width: 1 }, '万元');
    expect(twoRows.ok && twoRows.edits.map((e) => e.text)).toEqual(['1', '2', '1', '2']);
    // 3 columns do not hold a 2-column block a whole number of times: pasted once.
    const once = planPaste('1\t2\r\n', { ...area, height: 3, width: 3 }, '万元');
    expect(once.ok && once.edits.map((e) => `${e.row}/${e.col}=${e.text}`)).toEqual(['r0/0=1', 'r0/1=2']);
  });
});

describe('Ctrl+Shift+Arrow reaches the edge of the data', () => {
  // A column: filled, filled, filled, blank, blank, filled, blank.
  const col = [true, true, true, false, false, true, false];
  const filled = (r: number) => col[r] ?? false;
  const down = [1, 0] as const;
  const up = [-1, 0] as const;
  it('runs along filled cells to the last before a blank, jumps blanks to the next filled cell, stops at the edge', () => {
    expect(dataEdge({ row: 0, col: 0 }, down, col.length, 1, filled)).toEqual({ row: 2, col: 0 });
    expect(dataEdge({ row: 2, col: 0 }, down, col.length, 1, filled)).toEqual({ row: 5, col: 0 });
    expect(dataEdge({ row: 5, col: 0 }, down, col.length, 1, filled)).toEqual({ row: 6, col: 0 });
    expect(dataEdge({ row: 6, col: 0 }, down, col.length, 1, filled)).toEqual({ row: 6, col: 0 });
    expect(dataEdge({ row: 5, col: 0 }, up, col.length, 1, filled)).toEqual({ row: 2, col: 0 });
    expect(dataEdge({ row: 2, col: 0 }, up, col.length, 1, filled)).toEqual({ row: 0, col: 0 });
  });

  it('Ctrl+A (selectAll) covers the table with the focus kept; a move of the focus or Shift+Arrow leaves it', () => {
    const r = new CellRange();
    r.collapse({ row: 7, col: 6 });
    r.selectAll(18, 16, { row: 7, col: 6 });
    expect(r.rect).toEqual({ top: 0, left: 0, bottom: 17, right: 15 });
    expect(r.end).toEqual({ row: 7, col: 6 });
    expect(r.isBlock).toBe(true);
    r.extendTo({ row: 8, col: 6 });
    expect(r.rect).toEqual({ top: 0, left: 0, bottom: 8, right: 6 });
    r.selectAll(18, 16, { row: 7, col: 6 });
    r.collapse({ row: 3, col: 2 });
    expect(r.rect).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    r.selectAll(1, 1, { row: 0, col: 0 });
    expect(r.isBlock).toBe(false);
  });

  it('the fill handle grows the block along the axis the pointer left it furthest, and not at all inside it', () => {
    const block = { top: 8, left: 9, bottom: 9, right: 9 };
    expect(fillTarget(block, { row: 12, col: 9 })).toEqual({ top: 8, left: 9, bottom: 12, right: 9 });
    expect(fillTarget(block, { row: 12, col: 10 })).toEqual({ top: 8, left: 9, bottom: 12, right: 9 });
    expect(fillTarget(block, { row: 10, col: 13 })).toEqual({ top: 8, left: 9, bottom: 9, right: 13 });
    expect(fillTarget(block, { row: 3, col: 9 })).toEqual({ top: 3, left: 9, bottom: 9, right: 9 });
    expect(fillTarget(block, { row: 9, col: 6 })).toEqual({ top: 8, left: 6, bottom: 9, right: 9 });
    expect(fillTarget(block, { row: 9, col: 9 })).toBe(block);
    // The axis it grows along: the only one the grid then scrolls along while the handle is held past a corner.
    expect(fillAxis(block, fillTarget(block, { row: 12, col: 10 }))).toBe('vertical');
    expect(fillAxis(block, fillTarget(block, { row: 3, col: 9 }))).toBe('vertical');
    expect(fillAxis(block, fillTarget(block, { row: 10, col: 13 }))).toBe('sideways');
    expect(fillAxis(block, fillTarget(block, { row: 9, col: 6 }))).toBe('sideways');
    expect(fillAxis(block, block)).toBeNull();
  });

  it('a drag past the rows scrolls about a row a tick just past their edge, faster the further out, up to ~1,800 rows a second', () => {
    // Per 50 ms tick, in CSS px (a row is 26 px).
    expect([0, 1, 30, 60, 90, 150, 300].map(scrollStep)).toEqual([0, 29, 56, 112, 224, 896, 2400]);
    expect(scrollStep(-5)).toBe(0);
  });

  it('a paste of more rows than the table has room for is refused before the text is split (a worksheet column: a million lines)', () => {
    expect([tsvRowCount(''), tsvRowCount('1'), tsvRowCount('1\r\n'), tsvRowCount('1\r\n2'), tsvRowCount('1\r2\r'), tsvRowCount('\r\n\r\n')]).toEqual([1, 1, 1, 2, 2, 2]);
    const column = '1.00\r\n'.repeat(1_048_576);
    const t0 = performance.now();
    expect(planPaste(column, { ...area, top: 2 }, '万元')).toEqual({ ok: false, reason: '粘贴的数据有 1048576 行，从所选单元格起表格只剩 4 行，超出了表格范围，未粘贴' });
    expect(performance.now() - t0).toBeLessThan(1000);
    // 200,000 rows in a table that has them: no “Maximum call stack” from spreading them into Math.max.
    const rows = 200_000;
    const big = { ...area, rowCount: rows };
    const p = planPaste('2\t3\r\n'.repeat(rows), big, '万元');
    expect(p.ok && [p.rows, p.cols, p.edits.length]).toEqual([rows, 2, 2 * rows]);
  });
});
