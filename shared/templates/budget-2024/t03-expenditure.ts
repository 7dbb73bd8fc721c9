import type { HierTableTemplate } from '../types';
import { FUNCTION_CODE_COLUMNS, FUNCTION_LEVELS } from './helpers';

export const table3: HierTableTemplate = {
  kind: 'hier',
  no: 3,
  title: '部门支出总体情况表',
  rowSet: 'function',
  levels: [...FUNCTION_LEVELS],
  codeColumns: FUNCTION_CODE_COLUMNS,
  codeHeader: '功能分类科目编码',
  nameHeader: '功能分类科目名称',
  // A 项 with money in table 2 belongs here too, even before its split is entered.
  includeWhen: [{ table: 2, cols: ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] }],
  columns: [
    { no: '1', name: '合计', group: ['支出预算'], role: 'derived', sum: ['2', '3'] },
    { no: '2', name: '基本支出', group: ['支出预算'], role: 'entered' },
    { no: '3', name: '项目支出', group: ['支出预算'], role: 'entered' },
  ],
};
