import { describe, expect, it } from 'vitest';
import { finalAccounts } from '../../../shared/formats/final-accounts';
import { documentKind, narrativeHeading, partHeading } from '../../../shared/formats/labels';
import { shanghaiBudget } from '../../../shared/formats/shanghai-budget';
import { xinjiangBudget2024 } from '../../../shared/formats/xinjiang-budget-2024';

const dept = { department: '上海市普陀区财政局', year: 2024 };

describe('what a document is called, from its format', () => {
  it('names the document by its format’s cover: 部门预算, 单位预算, 部门决算', () => {
    expect(documentKind(xinjiangBudget2024)).toBe('部门预算');
    expect(documentKind(shanghaiBudget('dept'))).toBe('部门预算');
    expect(documentKind(shanghaiBudget('unit'))).toBe('单位预算');
    expect(documentKind(finalAccounts)).toBe('部门决算');
    // A format file without a cover is laid out as the built-in one.
    expect(documentKind({ ...xinjiangBudget2024, cover: undefined })).toBe('部门预算');
  });

  it('heads the 情况说明 page as the packet heads its part, or by year and kind where the text spans several parts', () => {
    expect(narrativeHeading(xinjiangBudget2024, dept)).toBe('第三部分 2024年部门预算情况说明');
    expect(narrativeHeading(finalAccounts, dept)).toBe('第三部分 上海市普陀区财政局2024年度部门决算情况说明');
    expect(narrativeHeading(shanghaiBudget('unit'), { ...dept, year: 2025 })).toBe('2025年单位预算情况说明');
    // A listed format numbers its parts 一、二…
    expect(partHeading(shanghaiBudget('dept'), { ...dept, year: 2025 }, 0)).toMatch(/^一、/);
  });
});
