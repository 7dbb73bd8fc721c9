import type { HierTableTemplate } from '../types';
import { FUNCTION_CODE_COLUMNS, FUNCTION_LEVELS } from './helpers';
import { fundLikeColumns } from './t08-fund';

export const table9: HierTableTemplate = {
  kind: 'hier',
  no: 9,
  title: '国有资本经营预算支出情况表',
  rowSet: 'function',
  levels: [...FUNCTION_LEVELS],
  codeColumns: FUNCTION_CODE_COLUMNS,
  codeHeader: '功能分类科目编码',
  nameHeader: '功能分类科目名称',
  includeWhen: [{ table: 2, cols: ['7', '8'] }],
  columns: fundLikeColumns('国有资本经营预算支出'),
  emptySentence: '{dept} {year} 年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。',
};
