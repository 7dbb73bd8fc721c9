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

/** Chinese numerals for section and sub-section numbers. */
export function chineseNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (n <= 10) return d[n]!;
  if (n < 20) return `十${d[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${d[tens]}十${ones ? d[ones] : ''}`;
}

export function joinNames(names: readonly string[]): string {
  return names.join('、');
}
