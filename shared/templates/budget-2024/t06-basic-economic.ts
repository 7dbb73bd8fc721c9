import type { HierTableTemplate } from '../types';

export const table6: HierTableTemplate = {
  kind: 'hier',
  no: 6,
  title: '一般公共预算基本支出情况表',
  rowSet: 'economic',
  levels: ['total', 'class', 'leaf'],
  codeColumns: ['类', '款'],
  codeHeader: '经济分类科目编码',
  nameHeader: '经济分类科目名称',
  columns: [
    { no: '1', name: '合计', group: ['一般公共预算基本支出'], role: 'derived', sum: ['2', '3'] },
    { no: '2', name: '人员经费', group: ['一般公共预算基本支出'], role: 'entered' },
    { no: '3', name: '公用经费', group: ['一般公共预算基本支出'], role: 'entered' },
  ],
};
