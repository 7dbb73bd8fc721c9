import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELLS_ON_OWN_LINES_ERROR, cellsOnOwnLines } from '../../../shared/importers/cells-on-own-lines';
import { importAnyPacketText } from '../../../shared/importers/detect-format';

const text = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

/**
 * A packet's text whose tables lost their rows: pdftotext without -layout (the `.flow.txt`
 * fixtures, made from the Putuo PDFs) or text copied out of a PDF viewer puts each cell on a line
 * of its own, in the PDF's drawing order (“208 / 05 / 01 / 行政单位离退休 / 1,554,220.00 …”).
 */
describe('a packet whose table cells stand one per line is refused, not read as empty tables', () => {
  it('the Putuo 部门预算 and 部门决算 as pdftotext prints them without -layout: refused, saying why and what to do', () => {
    // Before, the 部门预算 “imported” with 表1–表8 empty and no warning; the 决算 with 57 warnings and 39 false findings.
    for (const f of ['shanghai/text/putuo-govoffice-2025-budget-dept.flow.txt', 'shanghai/text/putuo-finance-2024-final-accounts.flow.txt']) {
      const r = importAnyPacketText(text(f));
      expect(r).toEqual({ ok: false, error: CELLS_ON_OWN_LINES_ERROR });
    }
    expect(CELLS_ON_OWN_LINES_ERROR).toContain('请直接导入原 PDF 文件');
  });

  it('a Xinjiang packet with its tab-separated cells each on a line: refused too', () => {
    const r = importAnyPacketText(text('003_d8581a66e967af08.txt').replace(/\t+/g, '\n'));
    expect(r).toEqual({ ok: false, error: CELLS_ON_OWN_LINES_ERROR });
  });

  it('packets whose rows are kept still import: the Xinjiang texts (cells wrapped or tab-separated) and the PDF readings', () => {
    for (const f of ['000_76f4246f7dc2bf91.txt', '003_d8581a66e967af08.txt', '004_b7e4b340c6b3bf95.txt', 'shanghai/text/putuo-govoffice-2025-budget-dept.raw.txt', 'shanghai/text/putuo-finance-2024-final-accounts.raw.txt']) {
      const r = importAnyPacketText(text(f));
      expect(r.ok, f).toBe(true);
    }
  });

  it('tells the two apart by whether a table line with an amount also names its row', () => {
    const rows = ['201 03 01 行政运行 12,029,501.84 12,029,501.84', '208 05 行政事业单位养老支出 4,213,779.28 4,213,779.28'];
    const flow = ['201', '03', '01', '行政运行', '12,029,501.84 12,029,501.84', '208', '05', '行政事业单位养老支出', '4,213,779.28', '4,213,779.28'];
    expect(cellsOnOwnLines(Array(10).fill(rows).flat())).toBe(false);
    expect(cellsOnOwnLines(Array(10).fill(flow).flat())).toBe(true);
    // A handful of bare amounts (表9's one row of figures) is not enough to tell.
    expect(cellsOnOwnLines(['867.50 839.00 28.50 213.28', '合计'])).toBe(false);
  });
});
