import type { HierTableTemplate } from '../types';
import { FUNCTION_CODE_COLUMNS, FUNCTION_LEVELS } from './helpers';

export const table5: HierTableTemplate = {
  kind: 'hier',
  no: 5,
  title: '一般公共预算支出情况表',
  rowSet: 'function',
  levels: [...FUNCTION_LEVELS],
  codeColumns: FUNCTION_CODE_COLUMNS,
  codeHeader: '功能分类科目编码',
  nameHeader: '功能分类科目名称',
  includeWhen: [{ table: 2, cols: ['3', '4'] }],
  columns: [
    { no: '1', name: '合计', group: ['一般公共预算支出'], role: 'derived', sum: ['2', '3'] },
    { no: '2', name: '基本支出', group: ['一般公共预算支出'], role: 'entered' },
    { no: '3', name: '项目支出', group: ['一般公共预算支出'], role: 'entered' },
  ],
  note: '注：一般公共预算含上级一般公共预算安排的转移支付，不含上年结转。',
};
