import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { nextYearSummary } from '../../../shared/next-year/summary';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function summary(text: string): string {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return nextYearSummary(nextYearDocument(r.doc));
}

describe('新建下一年度 says what it carried, in the format’s words', () => {
  it('a Xinjiang budget: 基本支出 and 项目支出 of 004, and its projects', () => {
    expect(summary(fixture('004_b7e4b340c6b3bf95.txt'))).toBe('2025 年度部门预算草稿（上年预算（万元）：基本支出 583.15、项目支出 2563.39；2 个项目）');
  });
  it('a Shanghai budget: 财政拨款, 三公 and 机关运行经费 in 元 (it said 基本支出 0.00 before)', () => {
    expect(summary(fixture('shanghai/text/putuo-govoffice-2025-budget-dept.raw.txt'))).toBe(
      '2026 年度部门预算草稿（上年预算（元）：财政拨款 91016775.35、“三公”经费 8675000.00、机关运行经费 2132800.00）',
    );
  });
  it('a 决算: the next 部门决算 with last year’s 决算 figures (it said 预算草稿 before)', () => {
    expect(summary(fixture('shanghai/putuo-finance-2024-final-accounts.layout.txt'))).toBe(
      '2025 年度部门决算草稿（上年决算（万元）：收入支出总计 2995.39、财政拨款 2961.68、“三公”经费 0.00、机关运行经费 184.65）',
    );
  });
});
