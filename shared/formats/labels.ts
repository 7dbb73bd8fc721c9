import type { BudgetDocument } from '../model/schema';
import { chineseNumeral } from '../narrative/sections/common';
import type { FormatTemplate } from '../templates/types';
import { xinjiangBudget2024 } from './xinjiang-budget-2024';

/** The parts a format prints, in order (the built-in Xinjiang ones for a format that names none). */
export function partsOf(format: FormatTemplate): NonNullable<FormatTemplate['parts']> {
  return format.parts ?? xinjiangBudget2024.parts ?? [];
}

/** What the document is, as its format's cover names it: 部门预算, 单位预算 or 部门决算. */
export function documentKind(format: FormatTemplate): string {
  const cover = format.cover ?? xinjiangBudget2024.cover ?? '';
  return cover.replace(/\{Y\}\s*年度?/, '').replace(/公开$/, '').trim() || '部门预算';
}

/** The heading of part `i` as the packet prints it: “第三部分 2024年部门预算情况说明”, or “三、…” for a listed format. */
export function partHeading(format: FormatTemplate, doc: Pick<BudgetDocument, 'department' | 'year'>, i: number): string {
  const title = partsOf(format)[i]!.title.replace('{D}', doc.department).replace('{Y}', String(doc.year));
  return format.partNumbering === 'list' ? `${chineseNumeral(i + 1)}、${title}` : `第${chineseNumeral(i + 1)}部分 ${title}`;
}

/**
 * The 情况说明 page's heading: the format's narrative part as the packet heads it, or, where the
 * text is printed in several parts (Shanghai: 编制说明, 其他相关情况说明 …), “2025年部门预算情况说明”.
 */
export function narrativeHeading(format: FormatTemplate, doc: Pick<BudgetDocument, 'department' | 'year'>): string {
  const at = partsOf(format).flatMap((p, i) => (p.content === 'narrative' ? [i] : []));
  return at.length === 1 ? partHeading(format, doc, at[0]!) : `${doc.year}年${documentKind(format)}情况说明`;
}
