/**
 * Shares (占 x%) that must add up to 100.00% when the text lists every part.
 *
 * Method: largest remainder on basis points (0.01%). Each part's exact share in basis
 * points is part × 10000 / whole; every part first gets the whole basis points below its
 * exact share, then the basis points still missing to reach 10000 go one each to the parts
 * with the largest remainders (ties: the larger part, then the earlier one). Where rounding
 * each share half-up already adds to 100.00%, this gives exactly the same figures (the
 * parts rounded up are precisely those with the largest remainders), so it only differs from
 * the packets' usual rounding where that rounding would not add up.
 *
 * It applies only when the parts are non-negative and add up exactly to the whole; otherwise
 * each share is rounded half-up on its own (the parts could not reach 100% anyway). The
 * narrative never hits that case: where a printed total differs from its printed parts (a table
 * defect the checker reports) it takes the shares of the parts' sum (sections/common.ts), as
 * packet 000 does (240.76 and 57.86 of 298.62 → 80.62% + 19.38%, while 298.61 is printed).
 * All arithmetic is on integers (BigInt), so no binary rounding enters.
 */
export function sharesBasisPoints(parts: readonly number[], whole: number): { bp: number[]; method: 'half-up' | 'largest-remainder' } {
  if (whole === 0) return { bp: parts.map(() => 0), method: 'half-up' };
  const total = parts.reduce((s, p) => s + p, 0);
  if (total !== whole || parts.some((p) => p < 0)) return { bp: parts.map((p) => halfUpBasisPoints(p, whole)), method: 'half-up' };
  const W = BigInt(whole);
  const floors = parts.map((p) => (BigInt(p) * 10000n) / W);
  const rems = parts.map((p, i) => BigInt(p) * 10000n - floors[i]! * W);
  let missing = 10000 - Number(floors.reduce((s, f) => s + f, 0n));
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => (rems[b]! > rems[a]! ? 1 : rems[b]! < rems[a]! ? -1 : parts[b]! - parts[a]! || a - b));
  const bp = floors.map(Number);
  for (const i of order) {
    if (missing <= 0) break;
    if (rems[i] === 0n) continue;
    bp[i]! += 1;
    missing--;
  }
  return { bp, method: 'largest-remainder' };
}

/** part / whole in basis points, rounded half away from zero. */
export function halfUpBasisPoints(part: number, whole: number): number {
  if (whole === 0) return 0;
  const neg = part < 0 !== whole < 0;
  const P = BigInt(Math.abs(part)) * 10000n;
  const W = BigInt(Math.abs(whole));
  const q = P / W;
  const r = P - q * W;
  const v = Number(2n * r >= W ? q + 1n : q);
  return neg ? -v : v;
}

/** Change rate in basis points: (current − previous) / previous, half-up; 10000 (100.00%) when previous is 0. */
export function rateBasisPoints(current: number, previous: number): number {
  if (previous === 0) return current === 0 ? 0 : 10000;
  return halfUpBasisPoints(current - previous, Math.abs(previous));
}

export function formatBasisPoints(bp: number): string {
  const a = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
