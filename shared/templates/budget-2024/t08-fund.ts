import type { ColumnDef, HierTableTemplate } from '../types';
import { FUNCTION_CODE_COLUMNS, FUNCTION_LEVELS } from './helpers';

/** Tables 8 and 9 share a layout: 合计, 基本支出 (人员经费, 公用经费), 项目支出. */
export function fundLikeColumns(group: string): ColumnDef[] {
  return [
    { no: '1', name: '合计', group: [group], role: 'derived', sum: ['2', '3', '4'] },
    { no: '2', name: '人员经费', group: [group, '基本支出'], role: 'entered' },
    { no: '3', name: '公用经费', group: [group, '基本支出'], role: 'entered' },
    { no: '4', name: '项目支出', group: [group], role: 'entered' },
  ];
}

export const table8: HierTableTemplate = {
  kind: 'hier',
  no: 8,
  title: '政府性基金预算支出情况表',
  rowSet: 'function',
  levels: [...FUNCTION_LEVELS],
  codeColumns: FUNCTION_CODE_COLUMNS,
  codeHeader: '功能分类科目编码',
  nameHeader: '功能分类科目名称',
  includeWhen: [{ table: 2, cols: ['5', '6'] }],
  columns: fundLikeColumns('政府性基金预算支出'),
  emptySentence: '{dept} {year} 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。',
};
