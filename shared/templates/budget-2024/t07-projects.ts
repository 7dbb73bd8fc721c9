import type { HierTableTemplate } from '../types';

/** Columns 2–11 are the economic 类 301 302 303 307 309 310 311 312 313 399. */
export const PROJECT_ECONOMIC_CLASSES: Record<string, string> = {
  '2': '301',
  '3': '302',
  '4': '303',
  '5': '307',
  '6': '309',
  '7': '310',
  '8': '311',
  '9': '312',
  '10': '313',
  '11': '399',
};

export const table7: HierTableTemplate = {
  kind: 'hier',
  no: 7,
  title: '一般公共预算项目支出情况表',
  rowSet: 'project',
  levels: ['total', 'unit', 'class', 'kuan', 'leaf'],
  codeColumns: ['类', '款', '项'],
  codeHeader: '科目编码',
  nameHeader: '功能分类科目名称',
  projectHeader: '项目名称',
  columns: [
    { no: '1', name: '项目支出合计', role: 'derived', sum: ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11'] },
    { no: '2', name: '工资福利支出', role: 'entered' },
    { no: '3', name: '商品服务支出', role: 'entered' },
    { no: '4', name: '对个人和家庭的补助', role: 'entered' },
    { no: '5', name: '债务利息及费用支出', role: 'entered' },
    { no: '6', name: '资本性支出（基本建设）', role: 'entered' },
    { no: '7', name: '资本性支出', role: 'entered' },
    { no: '8', name: '对企业补助（基本建设）', role: 'entered' },
    { no: '9', name: '对企业补助', role: 'entered' },
    { no: '10', name: '对社会保障基金补助', role: 'entered' },
    { no: '11', name: '其他支出', role: 'entered' },
  ],
};
