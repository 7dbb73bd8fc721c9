import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../renderer/grid/model';
import { formatSelectionStats, selectionStats } from '../../../renderer/grid/selection-stats';

const row = (texts: (string | undefined)[]): GridRow => ({
  id: 'r',
  level: 'leaf',
  depth: 0,
  code: [],
  name: '',
  cells: Object.fromEntries(texts.map((text, i) => [`c${i + 1}`, { text, computed: 0, role: 'entered' as const }])),
  marks: {},
});
const cols = ['name', 'c1', 'c2', 'c3'];
const all = { top: 0, left: 0, bottom: 1, right: 3 };

describe('selection stats', () => {
  it('sums exactly, skips blanks and text columns', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in 分 it is 0.30.
    const s = selectionStats([row(['0.10', undefined, '0.20']), row([undefined, undefined, undefined])], cols, all);
    expect(s).toEqual({ sum: 300_000, count: 2 }); // 0.30 万元 in 分
    expect(formatSelectionStats(s!)).toBe('求和 0.30  计数 2  平均 0.15');
  });

  it('rounds the mean half away from zero, negatives too', () => {
    const s = selectionStats([row(['-0.01', '-0.02', undefined])], cols, all);
    expect(formatSelectionStats(s!)).toBe('求和 -0.03  计数 2  平均 -0.02');
    const big = selectionStats([row(['1234567.89', '0.01', '0.01'])], cols, all);
    expect(formatSelectionStats(big!)).toBe('求和 1,234,567.91  计数 3  平均 411,522.64');
  });

  it('is null below two numbers', () => {
    expect(selectionStats([row(['5.00', undefined, undefined])], cols, all)).toBeNull();
  });
});
