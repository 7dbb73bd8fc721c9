import { describe, expect, it } from 'vitest';
import { formatIn } from '../../../shared/money/format-unit';
import { add, changePercent, formatCell, formatExact, formatPercent, formatWan, MoneyOverflowError, parseAmount, roundToWanCent, sharePercent } from '../../../shared/money';

const fen = (text: string, unit: '万元' | '元' = '万元') => {
  const r = parseAmount(text, unit);
  if (!r.ok) throw new Error(r.reason);
  return r.fen;
};

describe('parseAmount', () => {
  it('reads what accountants type and paste', () => {
    expect(fen('1,234.56')).toBe(1_234_560_000);
    expect(fen('1234.5')).toBe(1_234_500_000);
    expect(fen('１２３４．５６')).toBe(1_234_560_000);
    expect(fen('-0.01')).toBe(-10_000);
    expect(fen(' 3,146.54 ')).toBe(3_146_540_000);
    expect(fen('')).toBe(0);
    expect(fen('.5')).toBe(500_000);
    expect(fen('1234.56', '元')).toBe(123_456);
  });
  it('refuses anything else with a Chinese reason', () => {
    for (const bad of ['abc', '1.2.3', '12a', '--1', '1e5', '0x10']) {
      const r = parseAmount(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(bad);
    }
    expect(parseAmount('1.234', '元').ok).toBe(false);
    expect(parseAmount('1.1234567').ok).toBe(false);
  });
  it('never goes through binary floating point: 0.1 + 0.2 is exactly 0.3', () => {
    expect(add(fen('0.1'), fen('0.2'))).toBe(fen('0.3'));
    expect(formatWan(add(fen('160.31'), fen('0.01')))).toBe('160.32');
  });
  it('guards the safe-integer range', () => {
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyOverflowError);
  });
});

describe('formatting', () => {
  it('prints 万元 with 2 decimals and thousands separators, blank for zero', () => {
    expect(formatWan(3_146_540_000)).toBe('3,146.54');
    expect(formatWan(3_146_540_000, { thousands: false })).toBe('3146.54');
    expect(formatWan(-10_000)).toBe('-0.01');
    expect(formatCell(0)).toBe('');
    expect(formatCell(200_000)).toBe('0.20');
  });
  it('writes every amount as the string way did (integer arithmetic now): zero, signs, rounding, each size up to the bound', () => {
    // The former formatWan: the rounded amount as a 6-decimal string, cut to 2 decimals.
    const was = (f: number, thousands = true) => {
      const r = roundToWanCent(f);
      const s = String(Math.abs(r)).padStart(7, '0');
      let frac = s.slice(s.length - 6).replace(/0+$/, '');
      if (frac.length < 2) frac = frac.padEnd(2, '0');
      const int = thousands ? s.slice(0, s.length - 6).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s.slice(0, s.length - 6);
      return `${r < 0 ? '-' : ''}${int}.${frac}`.replace(/(\.\d{2})\d*$/, '$1');
    };
    const cases = [0, -0, 1, -1, 4_999, 5_000, -5_000, -4_999, 9_999, 10_000, 99_994_999, 99_995_000, 1_000_000, 999_999_999, 123_456_789_012, -987_654_321_098, 2 ** 52, -(2 ** 52)];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 48_271) % 2_147_483_647;
      cases.push((x % 2 ? -1 : 1) * Math.floor((x / 2_147_483_647) * 10 ** (i % 16)));
    }
    for (const f of cases) {
      expect(formatWan(f)).toBe(was(f));
      expect(formatWan(f, { thousands: false })).toBe(was(f, false));
    }
    expect(formatWan(-4_999)).toBe('0.00');
    expect(formatWan(1_234_567_890_000)).toBe('1,234,567.89');
  });
  it('rounds half away from zero to 0.01 万元', () => {
    expect(roundToWanCent(fen('1234.56', '元'))).toBe(fen('0.12'));
    expect(roundToWanCent(fen('50.00', '元'))).toBe(fen('0.01'));
    expect(roundToWanCent(fen('49.99', '元'))).toBe(0);
    expect(roundToWanCent(-fen('50.00', '元'))).toBe(-fen('0.01'));
  });
  it('prints a table amount (formatIn) exactly as formatWan without separators, or 元 to the 分', () => {
    expect(formatIn(3_146_540_000, '万元')).toBe('3146.54');
    expect(formatIn(-5_000, '万元')).toBe('-0.01');
    expect(formatIn(-4_999, '万元')).toBe('0.00');
    expect(formatIn(90_000, '万元')).toBe('0.09');
    expect(formatIn(999_999_999_999_999, '万元')).toBe('1000000000.00');
    expect(formatIn(-123_456, '元')).toBe('-1234.56');
    // The fast path against the string-based formatter over amounts of every size and sign.
    let x = 1;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 48_271) % 2_147_483_647;
      const f = (i % 2 ? -1 : 1) * Math.floor((x / 2_147_483_647) * 10 ** (i % 16));
      expect(formatIn(f, '万元')).toBe(formatWan(f, { thousands: false }));
    }
  });
  it('keeps the exact entry for saving', () => {
    expect(formatExact(fen('1234.56', '元'), '元')).toBe('1234.56');
    expect(formatExact(fen('0.123456'), '万元')).toBe('0.123456');
  });
});

describe('percentages (packet conventions)', () => {
  it('share = part / total, 2 decimals', () => {
    // 003: 一般公共预算 232.31 of 342.31 is 67.87%; 单位资金 110.00 is 32.13%.
    expect(formatPercent(sharePercent(fen('232.31'), fen('342.31')))).toBe('67.87%');
    expect(formatPercent(sharePercent(fen('110'), fen('342.31')))).toBe('32.13%');
  });
  it('rate = change / last year; 100.00% when last year is 0', () => {
    // 003: 232.31 vs 202.18 → +30.13, 14.90%.
    expect(formatPercent(changePercent(fen('232.31'), fen('202.18')))).toBe('14.90%');
    expect(formatPercent(changePercent(fen('0.20'), 0))).toBe('100.00%');
    expect(formatPercent(changePercent(0, 0))).toBe('0.00%');
  });
});
