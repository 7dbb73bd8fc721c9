import { describe, expect, it } from 'vitest';
import { storedToFen } from '../../../shared/engine/amount';
import { amountToFen } from '../../../shared/money';

/** The engine reads stored amounts digit by digit; it must agree with the money module on every text. */
describe('storedToFen', () => {
  it('reads stored amounts exactly as amountToFen does', () => {
    expect(storedToFen('1234.56', '万元')).toBe(1_234_560_000);
    expect(storedToFen('0.000001', '万元')).toBe(1);
    expect(storedToFen('-3.1', '元')).toBe(-310);
    expect(storedToFen('12.3400', '元')).toBe(1234);
    expect(storedToFen('-0', '万元')).toBe(0);
    expect(storedToFen(undefined, '元')).toBe(0);
    let s = 1;
    const r = (n: number) => {
      s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
      return s % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const int = String(r(10 ** (1 + r(9))));
      const frac = r(2) ? '' : `.${String(r(10 ** (1 + r(6)))).padStart(1 + r(6), '0')}`;
      const text = `${r(5) ? '' : '-'}${int}${frac}`;
      for (const unit of ['万元', '元'] as const) {
        const expected = (() => {
          try {
            return amountToFen(text, unit);
          } catch {
            return 'refused';
          }
        })();
        const actual = (() => {
          try {
            return storedToFen(text, unit);
          } catch {
            return 'refused';
          }
        })();
        expect(actual, `${text} ${unit}`).toBe(expected);
      }
    }
  });

  it('refuses what is not an amount with the money module’s reason', () => {
    expect(() => storedToFen('12a', '万元')).toThrow('不是有效的金额');
    expect(() => storedToFen('1.001', '元')).toThrow('小数位过多');
  });
});
