import type { HierTableTemplate } from '../types';

export const table11: HierTableTemplate = {
  kind: 'hier',
  no: 11,
  title: '上年结转结余情况明细表',
  rowSet: 'carryover',
  levels: ['total', 'unit', 'leaf'],
  codeColumns: [],
  nameHeader: '项目名称',
  columns: [
    { no: '1', name: '总计', role: 'derived', sum: ['2', '6'] },
    { no: '2', name: '合计', group: ['财政拨款'], role: 'derived', sum: ['3', '4', '5'] },
    { no: '3', name: '人员经费', group: ['财政拨款', '基本支出'], role: 'entered' },
    { no: '4', name: '公用经费', group: ['财政拨款', '基本支出'], role: 'entered' },
    { no: '5', name: '项目支出', group: ['财政拨款'], role: 'entered' },
    { no: '6', name: '合计', group: ['非财政拨款'], role: 'derived', sum: ['7', '8', '9'] },
    { no: '7', name: '人员经费', group: ['非财政拨款', '基本支出'], role: 'entered' },
    { no: '8', name: '公用经费', group: ['非财政拨款', '基本支出'], role: 'entered' },
    { no: '9', name: '项目支出', group: ['非财政拨款'], role: 'entered' },
  ],
  emptySentence: '{dept} {year} 年没有上年结转结余预算安排的支出，上年结转结余情况明细表为空表。',
};
