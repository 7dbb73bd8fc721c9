import { describe, expect, it } from 'vitest';
import { halfUpBasisPoints, rateBasisPoints, sharesBasisPoints } from '../../../shared/narrative/shares';

const W = 10_000; // 分 per 0.01 万元

describe('shares that add up to 100.00%', () => {
  it('004 五（二）: the printed shares add to 100.01%; largest remainder gives 100.00%', () => {
    const parts = [448.21, 55.86, 36.84, 70.0, 2417.0, 42.24].map((x) => Math.round(x * 100) * W);
    const whole = 3070.15 * 100 * W;
    const halfUp = parts.map((p) => halfUpBasisPoints(p, Math.round(whole)));
    expect(halfUp).toEqual([1460, 182, 120, 228, 7873, 138]);
    expect(halfUp.reduce((a, b) => a + b)).toBe(10001);
    const { bp, method } = sharesBasisPoints(parts, Math.round(whole));
    expect(method).toBe('largest-remainder');
    expect(bp).toEqual([1460, 182, 120, 228, 7872, 138]);
    expect(bp.reduce((a, b) => a + b)).toBe(10000);
  });

  it('003 五（二） and 三: equal to plain rounding where that already adds to 100.00%', () => {
    const parts = [188.75, 23.12, 8.18, 12.27].map((x) => Math.round(x * 100) * W);
    expect(sharesBasisPoints(parts, 23231 * W).bp).toEqual([8125, 995, 352, 528]);
    expect(sharesBasisPoints([16031 * W, 18200 * W], 34231 * W).bp).toEqual([4683, 5317]);
  });

  it('always adds to exactly 10000 basis points when the parts make the whole, and equals half-up whenever half-up adds up', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      const n = 1 + rand(12);
      const parts = Array.from({ length: n }, () => rand(5) === 0 ? 0 : rand(1_000_000) * W);
      const whole = parts.reduce((a, b) => a + b, 0);
      if (whole === 0) continue;
      const { bp } = sharesBasisPoints(parts, whole);
      expect(bp.reduce((a, b) => a + b)).toBe(10000);
      const plain = parts.map((p) => halfUpBasisPoints(p, whole));
      if (plain.reduce((a, b) => a + b) === 10000) expect(bp).toEqual(plain);
      // Never more than 0.01% away from the exact share.
      parts.forEach((p, i) => {
        expect(Math.abs(bp[i]! * whole - p * 10000)).toBeLessThan(whole);
      });
    }
  });

  it('falls back to rounding each share when the parts do not make the whole', () => {
    expect(sharesBasisPoints([1, 1], 3)).toEqual({ bp: [3333, 3333], method: 'half-up' });
  });

  it('change rates follow the packet convention', () => {
    expect(rateBasisPoints(20 * W, 0)).toBe(10000); // 0.20 vs 0: 100.00%
    expect(rateBasisPoints(0, 0)).toBe(0);
    expect(rateBasisPoints(7639 * W, 1000 * W)).toBe(66390); // 004 财政拨款结转 663.90%
    expect(rateBasisPoints(58315 * W, 65739 * W)).toBe(-1129); // 004 一般公共预算 下降 11.29%
  });
});
