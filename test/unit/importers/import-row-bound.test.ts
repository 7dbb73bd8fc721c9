import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';

/**
 * 003 with `a` more 表2 lines (distinct 项 codes of 类 211–299) and `b` more 表7 project lines under
 * 2010302: each table within the import's own bound (120,000 lines), together over a document's.
 */
function packet(a: number, b: number): string {
  let lines = readFileSync(new URL('../../fixtures/003_d8581a66e967af08.txt', import.meta.url), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('201\t03\t50\t'));
  const extra: string[] = [];
  outer: for (let lei = 211; lei <= 299; lei++) {
    if (lei === 221) continue;
    for (let k = 10; k <= 99; k++) {
      for (let x = 1; x <= 99; x++) {
        if (extra.length >= a) break outer;
        extra.push(`${lei}\t${k}\t${String(x).padStart(2, '0')}\t项\t1.00\t1.00\t1.00`);
      }
    }
  }
  lines = [...lines.slice(0, at + 1), ...extra, ...lines.slice(at + 1)];
  const p = lines.findIndex((l) => l.startsWith('201\t03\t02\t一般行政管理事务\t机构运行补助经费'));
  const projects = Array.from({ length: b }, (_, j) => `201\t03\t02\t一般行政管理事务\tP${j}\t1.00\t\t1.00`);
  return [...lines.slice(0, p + 1), ...projects, ...lines.slice(p + 1)].join('\n');
}

describe('an import over the rows a document may hold', () => {
  it('is refused with the count, not written as a document nothing would open (the CLI saved one that check, export and 打开 refused)', () => {
    const r = importAnyPacketText(packet(105_000, 100_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^导入的内容共有 205,\d{3} 行（功能分类科目行 .* 行，项目行 100,\d{3} 行），超过了一份预算文档的上限 200,000 行，未导入$/);
    // Within the bound the same packet imports.
    const within = importAnyPacketText(packet(1_000, 1_000));
    expect(within.ok).toBe(true);
    if (within.ok) expect(within.doc.functionRows.length + within.doc.economicRows.length + within.doc.projectRows.length).toBeLessThan(INPUT_BOUNDS.maxDocumentRows);
  }, 120_000);
});
