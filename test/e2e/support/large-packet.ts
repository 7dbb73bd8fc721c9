import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * A published packet (003) made large: table 2 gets `rows` more detail lines (项 codes
 * 2010301… counting up, 1.00 万元 each), so importing it takes long enough to watch and cancel.
 */
export function largePacketText(rows: number): string {
  return withTable2Lines(rows, (i) => `201\t03\t${String(60 + (i % 40)).padStart(2, '0')}`);
}

/**
 * 003 with `rows` more table-2 lines of distinct 项 codes (201 款 10–99, 项 01–99; 1.00 万元 each
 * in 合计, 基本支出 and its 一般公共预算 column), so each becomes a row of its own with printed figures.
 */
export function distinctLinesPacketText(rows: number): string {
  if (rows > 90 * 99) throw new Error('at most 8,910 distinct lines');
  return withTable2Lines(rows, (i) => `201\t${10 + Math.floor(i / 99)}\t${String(1 + (i % 99)).padStart(2, '0')}`);
}

function withTable2Lines(rows: number, code: (i: number) => string): string {
  const lines = readFileSync(join(ROOT, 'test/fixtures/003_d8581a66e967af08.txt'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('201\t03\t50\t'));
  if (at < 0) throw new Error('003 packet: table 2 row 2010350 not found');
  const extra: string[] = [];
  for (let i = 0; i < rows; i++) extra.push(`${code(i)}\t生成的项目${i}\t1.00\t1.00\t1.00\t\t\t\t\t\t\t\t\t`);
  return [...lines.slice(0, at + 1), ...extra, ...lines.slice(at + 1)].join('\n');
}
