import { describe, expect, it } from 'vitest';
import { type PdfItem, pdfItemsToLayoutText, pdfItemsToText } from '../../../shared/importers/packet/pdf-layout';

const item = (str: string, x: number, width: number, y = 700): PdfItem => ({ str, x, y, width, height: 10 });

describe('PDF text items to lines', () => {
  it('glues touching items as before: CJK without a space, a small gap with one, an amount never glued; an amount split in two is one amount', () => {
    const line = [item('一般', 10, 20), item('公共', 30, 20), item('服务', 52, 20), item('AB', 80, 8), item('CD', 90, 8), item('123.45', 100, 30), item('12', 200, 10), item('.00', 210, 15)];
    expect(pdfItemsToText([line])).toBe('一般公共服务 AB CD 123.45 12.00\n');
    expect(pdfItemsToLayoutText([line])).toBe(`   一般公共服务${' '.repeat(11)}AB CD 123.45${' '.repeat(18)}12.00\n`);
  });

  it('is linear in the items of one line: 130,000 touching items in a crafted one-page PDF took 168 s', () => {
    const line = Array.from({ length: 130_000 }, (_, i) => item(i % 2 ? '表' : '1', i * 5, 5));
    const t0 = performance.now();
    const text = pdfItemsToText([line]);
    const layout = pdfItemsToLayoutText([line]);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(text).toBe(`${'1表'.repeat(65_000)}\n`);
    expect(layout).toBe(`${'1表'.repeat(65_000)}\n`);
  });
});
