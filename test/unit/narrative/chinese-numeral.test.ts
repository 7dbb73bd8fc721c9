import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { chineseNumeral } from '../../../shared/narrative/sections/common';
import { syntheticDocument } from '../../../shared/samples/synthetic';

describe('chineseNumeral: section, sub-section and item numbers as a published packet writes them', () => {
  it('writes 0–99 as before', () => {
    expect([0, 1, 9, 10, 11, 15, 19, 20, 21, 30, 99].map(chineseNumeral)).toEqual(['零', '一', '九', '十', '十一', '十五', '十九', '二十', '二十一', '三十', '九十九']);
  });

  it('writes hundreds, thousands and 万 with one 零 for each gap and 一十 inside a number', () => {
    const cases: Array<[number, string]> = [
      [100, '一百'],
      [101, '一百零一'],
      [105, '一百零五'],
      [110, '一百一十'],
      [113, '一百一十三'],
      [120, '一百二十'],
      [999, '九百九十九'],
      [1000, '一千'],
      [1001, '一千零一'],
      [1010, '一千零一十'],
      [1050, '一千零五十'],
      [1100, '一千一百'],
      [1764, '一千七百六十四'],
      [10000, '一万'],
      [10001, '一万零一'],
      [10010, '一万零一十'],
      [10100, '一万零一百'],
      [11000, '一万一千'],
      [12345, '一万二千三百四十五'],
      [60000, '六万'],
      [100000, '十万'],
      [100001, '十万零一'],
      [110000, '十一万'],
      [1100000, '一百一十万'],
      [100001000, '一亿零一千'],
      [100000001, '一亿零一'],
    ];
    expect(cases.map(([n]) => [n, chineseNumeral(n)])).toEqual(cases);
  });

  it('writes anything but a non-negative whole number in digits', () => {
    expect([-1, 1.5, Number.NaN].map(chineseNumeral)).toEqual(['-1', '1.5', 'NaN']);
  });

  it('a department with 1,764 projects: its packet numbers every project in words, never “undefined”', () => {
    const html = packetHtml(BudgetSession.open(syntheticDocument(3_000)));
    expect(html).not.toContain('undefined');
    expect(html).toContain('（一百一十三）');
    expect(html).toContain('（一千七百六十四）');
  });
});
