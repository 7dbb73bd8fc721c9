import { halfUpBasisPoints } from '../shares';

/**
 * The 部门决算 comparisons, on figures as the text prints them (hundredths of 万元, or 分: every
 * function here is unit-free except the rounding tolerance, which is stated in printed units):
 *  - 决算数 against 年初预算: 大于/小于/等于, 完成率 = 决算数 ÷ 年初预算数, 预决算差异率 =
 *    (决算数 − 年初预算数) ÷ 年初预算数;
 *  - against 上年: 增加/减少 X, 增长/下降 Y%, or 持平.
 */
export type Relation = 'greater' | 'less' | 'equal';

export const RELATION_WORD: Record<Relation, '大于' | '小于' | '等于'> = { greater: '大于', less: '小于', equal: '等于' };

export function relation(final: number, budget: number): Relation {
  return final > budget ? 'greater' : final < budget ? 'less' : 'equal';
}

/** 完成率 in basis points (98.20% = 9820), half-up; null when there was no 年初预算. */
export function completionBp(final: number, budget: number): number | null {
  return budget === 0 ? null : halfUpBasisPoints(final, budget);
}

/** 预决算差异率 in basis points, signed (决算数 above the budget is positive); null without a budget. */
export function varianceBp(final: number, budget: number): number | null {
  return budget === 0 ? null : halfUpBasisPoints(final - budget, budget);
}

export interface Change {
  /** 增加 / 减少, or 持平 when the printed figures are equal. */
  word: '增加' | '减少' | '持平';
  rateWord?: '增长' | '下降';
  /** Magnitude of the change. */
  amount: number;
  /** Magnitude of the rate in basis points; 100.00% when last year was 0 (the packets' convention). */
  bp: number;
}

export function changeAgainst(current: number, prior: number): Change {
  const d = current - prior;
  if (d === 0) return { word: '持平', amount: 0, bp: 0 };
  const bp = prior === 0 ? 10000 : halfUpBasisPoints(Math.abs(d), Math.abs(prior));
  return d > 0 ? { word: '增加', rateWord: '增长', amount: d, bp } : { word: '减少', rateWord: '下降', amount: -d, bp };
}

/** A rate as printed: its value in basis points and how many decimals it was printed with (`0%`, `98.20%`). */
export interface PrintedRate {
  bp: number;
  decimals: number;
}

export function printedRate(text: string): PrintedRate | null {
  const m = /^(-)?(\d{1,9})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  const decimals = m[3]?.length ?? 0;
  const frac = (m[3] ?? '').padEnd(4, '0');
  // Beyond two decimals the value is kept in basis points rounded half up (a rate of 12.345% is 1235).
  let bp = Number(m[2]) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) bp += 1;
  return { bp: m[1] ? -bp : bp, decimals: Math.min(decimals, 2) };
}

/** The exact rate rounded as the text rounded it (to its decimals), in basis points. */
export function asPrinted(bp: number, decimals: number): number {
  const step = 10 ** (2 - decimals);
  if (step === 1) return bp;
  const a = Math.abs(bp);
  const r = Math.floor((a + step / 2) / step) * step;
  return bp < 0 ? -r : r;
}

/**
 * Can a ratio num / den written as `rate` come from true figures that print as `num` and `den`?
 * Each figure is rounded to the printed unit, so it lies within `numSlack` / `denSlack` printed
 * units of the true one (½ for a figure, 1 for a difference of two figures); the printed rate
 * covers ± half its last digit. The ratio is monotone in each figure, so the corners bound it.
 */
export function rateReachable(rate: PrintedRate, num: number, den: number, numSlack: number, denSlack: number): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const dn of [-numSlack, numSlack]) {
    for (const dd of [-denSlack, denSlack]) {
      const d = den + dd;
      if (d <= 0) continue;
      const r = (Math.max(0, num + dn) / d) * 10000;
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
  }
  if (lo > hi) return false;
  const half = 10 ** (2 - rate.decimals) / 2;
  return Math.abs(rate.bp) + half >= lo && Math.abs(rate.bp) - half <= hi;
}
