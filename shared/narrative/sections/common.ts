import type { Figure } from '../builder';
import { sharesBasisPoints } from '../shares';
import type { Source } from '../types';

/** A fixed table's line label without its code (`201 一般公共服务支出` → `一般公共服务支出`). */
export function lineName(label: string): string {
  return label.replace(/^\d+\s*/, '');
}

export interface Share {
  bp: number;
  source: Source;
}

/**
 * Shares of parts that together make the whole, listed in full: largest remainder, so they add
 * to 100.00% (see shares.ts). When the printed whole differs from the sum of its printed parts
 * (a rounding defect of the tables, reported by the checker), the shares are taken of the
 * parts' sum, so the listed shares still add to 100.00% (as the packets print them).
 */
export function sharesOf(parts: readonly Figure[], whole: Figure): Share[] {
  const sum = parts.reduce((s, p) => s + p.fen, 0);
  const base: Figure = sum !== whole.fen && sum > 0 && parts.every((p) => p.fen >= 0) ? { fen: sum, source: { kind: 'sum', of: parts.map((p) => p.source) } } : whole;
  const { bp, method } = sharesBasisPoints(
    parts.map((p) => p.fen),
    base.fen,
  );
  return parts.map((p, i) => ({ bp: bp[i]!, source: { kind: 'share', part: p.source, whole: base.source, method } }));
}

const DIGITS = '零一二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];
const LARGE_UNITS = ['', '万', '亿', '万亿'];

/** 0–9999 as Chinese numerals, one 零 for each run of missing places inside (1005 一千零五, 1050 一千零五十). */
function numeralGroup(n: number): string {
  let out = '';
  let gap = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      gap = out !== '';
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += DIGITS[digit]! + SMALL_UNITS[place]!;
  }
  return out;
}

/**
 * An item's number in words as a pattern (regex source): the numerals chineseNumeral writes, 一 to
 * 十万 and beyond (（一百一十三）), so a reader finds the 100th item as it finds the 9th.
 */
export const ITEM_NUMERAL = '[一二三四五六七八九十百千万零〇]{1,12}';

/**
 * Chinese numerals for section, sub-section and item numbers: 十一, 二十, 一百零五, 一百一十三,
 * 一千零五十, 一万零一, 十万. (Up to 99 only before: the 113th project of a 情况说明 was numbered
 * “（undefined十三）”.) Anything but a non-negative whole number is written in digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return String(n);
  if (n === 0) return DIGITS[0]!;
  const groups: number[] = [];
  for (let m = n; m > 0; m = Math.floor(m / 10_000)) groups.push(m % 10_000);
  let out = '';
  let skipped = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) {
      skipped = out !== '';
      continue;
    }
    // A place missing before this group (a group of zeros, or this group under a thousand): one 零.
    if (out !== '' && (skipped || v < 1000)) out += '零';
    skipped = false;
    out += numeralGroup(v) + LARGE_UNITS[g]!;
  }
  // 十, 十五, 十万: a leading 一十 is said 十.
  return out.startsWith('一十') ? out.slice(1) : out;
}

export function joinNames(names: readonly string[]): string {
  return names.join('、');
}
