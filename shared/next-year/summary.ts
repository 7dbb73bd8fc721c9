import { formatOf } from '../formats/registry';
import { documentKind } from '../formats/labels';
import type { BudgetDocument } from '../model/schema';

/**
 * One line on what 新建下一年度 carried as last year's figures, in the words of the document's
 * format: a Xinjiang budget carries 基本支出 and 项目支出, a Shanghai budget its 财政拨款 by source,
 * a 决算 its 收入支出总计; each names only what was carried, in the document's unit.
 */
export function nextYearSummary(next: BudgetDocument): string {
  const format = formatOf(next);
  const kind = format ? documentKind(format) : '部门预算';
  const p = next.priorYear;
  const unit = next.unit;
  const figures: string[] = [];
  const add = (label: string, v: string | undefined) => {
    if (v !== undefined) figures.push(`${label} ${v}`);
  };
  if (p.basic !== undefined || p.project !== undefined) {
    add('基本支出', p.basic ?? '0.00');
    add('项目支出', p.project ?? '0.00');
  } else {
    add('收入支出总计', p.income.total);
    add('财政拨款', p.income.fiscal);
    add('“三公”经费', p.threePublic.total);
    add('机关运行经费', p.runningCosts);
  }
  const prior = kind.endsWith('决算') ? '上年决算' : '上年预算';
  const carried = figures.length > 0 ? `${prior}（${unit}）：${figures.join('、')}` : `${prior}：无`;
  const projects = next.projectRows.length > 0 ? `；${next.projectRows.length} 个项目` : '';
  return `${next.year} 年度${kind}草稿（${carried}${projects}）`;
}
