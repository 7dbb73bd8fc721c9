import { parseAmount } from '../money';
import { isToken, type Run } from './types';

export interface TextNumber {
  kind: 'amount' | 'percent';
  /** Magnitude: 分 for amounts, basis points for percentages (the words 增加/减少 carry the sign). */
  value: number;
  text: string;
}

const NUMBER = /(\d[\d,，]*(?:\.\d+)?)\s*(万元|%|％)/gu;

/** Amounts in 万元 and percentages written in free text, in order (`15 万元`, `3,146.54万元`, `11.29%`). */
export function numbersInText(text: string): TextNumber[] {
  const out: TextNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[1]!;
    const p = parseAmount(raw, '万元');
    if (!p.ok) continue;
    if (m[2] === '万元') out.push({ kind: 'amount', value: p.fen, text: raw });
    else out.push({ kind: 'percent', value: Math.round(p.fen / 10_000), text: raw });
  }
  return out;
}

/** The amounts and percentages of generated runs, as printed (magnitudes). */
export function numbersInRuns(runs: readonly Run[]): TextNumber[] {
  const out: TextNumber[] = [];
  for (const r of runs) {
    if (!isToken(r) || r.kind === 'count') continue;
    const p = parseAmount(r.text, '万元');
    if (!p.ok) continue;
    out.push(r.kind === 'amount' ? { kind: 'amount', value: Math.abs(p.fen), text: r.text } : { kind: 'percent', value: Math.abs(Math.round(p.fen / 10_000)), text: r.text });
  }
  return out;
}
