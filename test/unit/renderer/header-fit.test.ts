import { describe, expect, it } from 'vitest';
import { estimatedFont, type HeaderFont, headerHeights, headerLines, MIN_HEADER, rowHeight, specWidth } from '../../../renderer/grid/header-fit';
import { buildGridModel } from '../../../renderer/grid/model';
import { DocStore } from '../../../renderer/state/store';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { tableView } from '../../../shared/views/table-view';

/**
 * The header rows' heights are worked out from the text (no forced layout per header cell as the
 * grid is made). The figures below are what AG Grid measured in Chromium for the same headers in
 * bold 12 px Noto Sans CJK SC (lines of 17 px): 27 px a line, 44 for two, 62 for three.
 */
// CJK characters are an em wide in a CJK font, as the canvas measures them in the window.
const font: HeaderFont = { width: estimatedFont(12).width, lineHeight: 17 };

describe('header heights worked out from the text', () => {
  it('wraps as the header cell does: CJK anywhere, a word of other characters whole, an exact fit on one line', () => {
    expect(headerLines('一般公共预算', 118, font)).toBe(1);
    expect(headerLines('财政专户（教育收费）', 118, font)).toBe(2);
    expect(headerLines('上级一般公共预算安排的转移支付', 118, font)).toBe(2);
    expect(headerLines('上级国有资本经营预算安排的转移支付', 118, font)).toBe(3);
    // 96 px of text in a 112 px cell (8 px of padding each side): one line, as the grid showed it.
    expect(headerLines('经济分类科目编码', 112, font)).toBe(1);
    expect(headerLines('经济分类科目编码', 111, font)).toBe(2);
    // Curly quotes count an em (a CJK font sets them so; the canvas measures them half).
    expect(headerLines('“三公”经费支出内容', 135, font)).toBe(2);
    expect(headerLines('“三公”经费支出内容', 136, font)).toBe(1);
    expect(headerLines('ABCDEFGHIJKLMNOP', 40, font)).toBe(1);
    expect(headerLines('2024年 预算数', 60, font)).toBe(2);
    expect(headerLines('', 20, font)).toBe(1);
  });

  it('row heights: the theme’s 28 px for a line, then 17 px a line and the padding', () => {
    expect([1, 2, 3].map((n) => rowHeight(n, font))).toEqual([MIN_HEADER, 45, 62]);
  });

  it('the sample’s tables: 表2 two group rows of three lines, 表7 one of two, the rest one line', () => {
    const store = new DocStore(sampleDocument());
    const got: Record<number, { header: number; group: number }> = {};
    for (const t of store.session.template.tables) got[t.no] = headerHeights(buildGridModel(tableView(store.session, t.no), store.marks()).columns, font);
    expect(got[2]).toEqual({ header: 28, group: 62 });
    expect(got[7]).toEqual({ header: 28, group: 45 });
    for (const no of [1, 3, 4, 5, 6, 8, 9, 10, 11]) expect(got[no], `表${no}`).toEqual({ header: 28, group: 28 });
    // A group is as wide as its columns.
    const t2 = buildGridModel(tableView(store.session, 2), store.marks()).columns;
    const fiscal = t2.find((c) => c.header === '财政拨款（补助）');
    expect(fiscal && specWidth(fiscal)).toBe(826);
  });
});
