import { budget2024 } from '../templates/budget-2024';
import type { FormatTemplate } from '../templates/types';

/**
 * The Xinjiang 2024 11-table 部门预算公开 format (tables in shared/templates/budget-2024), with
 * its packet structure: what the printed packet and its 第三部分 hold, in order.
 */
export const xinjiangBudget2024: FormatTemplate = {
  ...budget2024,
  id: 'xinjiang-budget-2024',
  entryUnit: '万元',
  cover: '{Y}年部门预算公开',
  parts: [
    { title: '{Y}年{D}部门概况', content: 'profile' },
    { title: '{Y}年部门预算公开表', content: 'tables' },
    { title: '{Y}年部门预算情况说明', content: 'narrative' },
    { title: '名词解释', content: 'glossary' },
  ],
  narrative: [
    { title: '关于{D}{Y}年收支预算情况总体说明', writer: 'overview' },
    { title: '关于{D}{Y}年收入预算情况说明', writer: 'income' },
    { title: '关于{D}{Y}年支出预算情况说明', writer: 'expenditure' },
    { title: '关于{D}{Y}年财政拨款收支预算情况的总体说明', writer: 'fiscal' },
    { title: '关于{D}{Y}年一般公共预算当年拨款情况说明', writer: 'general-budget' },
    { title: '关于{D}{Y}年一般公共预算基本支出情况说明', writer: 'basic' },
    { title: '关于{D}{Y}年一般公共预算项目支出情况说明', writer: 'projects' },
    { title: '关于{D}{Y}年政府性基金预算拨款情况说明', writer: 'government-fund' },
    { title: '关于{D}{Y}年国有资本经营预算拨款情况说明', writer: 'state-capital' },
    { title: '关于{D}{Y}年财政拨款“三公”经费预算情况说明', writer: 'three-public' },
    { title: '关于{D}{Y}年上年结转结余预算情况说明', writer: 'carryover' },
    { title: '其他重要事项的情况说明', writer: 'other' },
  ],
};
