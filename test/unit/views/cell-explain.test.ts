import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { explainComputedCell } from '../../../shared/views/cell-explain';
import { importedDocument } from '../narrative/published-fixtures';

const s = BudgetSession.open(importedDocument('003'));

describe('a computed cell says why it cannot be typed into, and where to enter instead', () => {
  it('a sum column names the entered columns under it, through sub-totals', () => {
    const text = explainComputedCell(s, 2, 'total', '1');
    expect(text).toMatch(/^此栏由程序计算，不能直接录入：第1栏（总计） = 第2栏（财政拨款（补助）小计） \+ 第9栏/);
    // 第2栏 is itself a 小计 of 3–8: the user is sent to those.
    expect(text).toContain('请在第3栏、第4栏、第5栏、第6栏、第7栏、第8栏、第9栏、第10栏、第11栏、第12栏录入。');
  });

  it('a 类/款 row of a hierarchical table sends the user to the rows below', () => {
    expect(explainComputedCell(s, 2, '201', '3')).toBe('此格是类合计，等于下级各行之和，不能直接录入。请在下级的项行录入。');
    expect(explainComputedCell(s, 2, '20103', '3')).toBe('此格是款合计，等于下级各行之和，不能直接录入。请在下级的项行录入。');
    expect(explainComputedCell(s, 6, '301', '2')).toBe('此格是类合计，等于下级各行之和，不能直接录入。请在下级的款行录入。');
  });

  it('a cell of table 1 taken from table 2 names its source and the table to enter in', () => {
    expect(explainComputedCell(s, 1, 'in.gb', '1')).toBe('此格由程序计算，不能直接录入：= 表2 总计 第3栏（一般公共预算） + 表2 总计 第4栏（上级一般公共预算安排的转移支付）。请在表2中录入。');
  });

  it('an entered cell needs no explanation', () => {
    const leaf = s.layout(2).rows.find((r) => r.level === 'leaf')!;
    expect(s.role(2, leaf.key, '3')).toBe('entered');
    expect(explainComputedCell(s, 2, leaf.key, '3')).toBeUndefined();
  });
});
