import type { HierTableTemplate } from '../types';
import { FUNCTION_CODE_COLUMNS, FUNCTION_LEVELS } from './helpers';

const FISCAL = '财政拨款（补助）';

export const table2: HierTableTemplate = {
  kind: 'hier',
  no: 2,
  title: '部门收入总体情况表',
  rowSet: 'function',
  levels: [...FUNCTION_LEVELS],
  codeColumns: FUNCTION_CODE_COLUMNS,
  codeHeader: '功能分类科目编码',
  nameHeader: '功能分类科目名称',
  columns: [
    { no: '1', name: '总计', role: 'derived', sum: ['2', '9', '10', '11', '12'] },
    { no: '2', name: '财政拨款（补助）小计', group: [FISCAL], role: 'derived', sum: ['3', '4', '5', '6', '7', '8'] },
    { no: '3', name: '一般公共预算', group: [FISCAL], role: 'entered' },
    { no: '4', name: '上级一般公共预算安排的转移支付', group: [FISCAL], role: 'entered' },
    { no: '5', name: '政府性基金预算', group: [FISCAL], role: 'entered' },
    { no: '6', name: '上级政府性基金安排的转移支付', group: [FISCAL], role: 'entered' },
    { no: '7', name: '国有资本经营预算', group: [FISCAL], role: 'entered' },
    { no: '8', name: '上级国有资本经营预算安排的转移支付', group: [FISCAL], role: 'entered' },
    { no: '9', name: '财政专户（教育收费）', role: 'entered' },
    { no: '10', name: '单位资金', role: 'entered' },
    { no: '11', name: '财政拨款结转', role: 'entered' },
    { no: '12', name: '非财政拨款结转结余', role: 'entered' },
  ],
};
