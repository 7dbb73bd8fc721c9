/**
 * Exact money: an amount is an integer number of 分 (0.01 元).
 * 1 万元 = 1,000,000 分, so a 万元 figure with 2 decimals is a multiple of 10,000 分.
 * Integers below 2^53 add exactly in JS numbers; every operation here checks that bound,
 * so no amount is ever rounded by binary floating point.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;
/** One printed cent of 万元 (0.01 万元 = 100 元). */
export const FEN_PER_WAN_CENT = 10_000;

export class MoneyOverflowError extends Error {
  constructor() {
    super('金额超出可精确计算的范围');
  }
}

function checked(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError();
  return n;
}

export function add(a: Fen, b: Fen): Fen {
  return checked(a + b);
}

export function sub(a: Fen, b: Fen): Fen {
  return checked(a - b);
}

export function sum(values: Iterable<Fen>): Fen {
  let s = 0;
  for (const v of values) s = checked(s + v);
  return s;
}

/** Round to whole printed cents of 万元, half away from zero (the usual 四舍五入). */
export function roundToWanCent(a: Fen): Fen {
  const sign = a < 0 ? -1 : 1;
  const abs = Math.abs(a);
  const q = Math.floor(abs / FEN_PER_WAN_CENT);
  const r = abs - q * FEN_PER_WAN_CENT;
  return sign * (r * 2 >= FEN_PER_WAN_CENT ? q + 1 : q) * FEN_PER_WAN_CENT;
}
