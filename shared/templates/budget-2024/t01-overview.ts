import type { FixedRowDef, FixedTableTemplate } from '../types';
import { FUNCTION_CLASSES } from './function-classes';
import { cols, ENTERED, terms } from './helpers';

const T2 = 2;
/** A line that mirrors columns of table 2's 总计 row. */
const fromT2 = (...c: string[]) => ({ '1': terms(...cols(T2, 'total', ...c)) });
const sumOf = (...rows: string[]) => ({ '1': terms(...rows.map((row) => ({ row, col: '1' }))) });
const entered = { '1': ENTERED };

const income: FixedRowDef[] = [
  { key: 'in.current', label: '一、本年收入', cells: sumOf('in.gb', 'in.fund', 'in.soe', 'in.special', 'in.unit') },
  { key: 'in.gb', label: '1、一般公共预算拨款', depth: 1, cells: fromT2('3', '4') },
  { key: 'in.gb.own', label: '其中：一般财力', depth: 2, cells: fromT2('3') },
  { key: 'in.gb.transfer', label: '上级一般公共预算安排转移支付', depth: 2, cells: fromT2('4') },
  { key: 'in.fund', label: '2、政府性基金预算拨款', depth: 1, cells: fromT2('5', '6') },
  { key: 'in.fund.own', label: '其中：政府性基金收入', depth: 2, cells: fromT2('5') },
  { key: 'in.fund.transfer', label: '上级政府性基金安排转移支付', depth: 2, cells: fromT2('6') },
  { key: 'in.soe', label: '3、国有资本经营预算拨款', depth: 1, cells: fromT2('7', '8') },
  { key: 'in.soe.own', label: '其中：国有资本经营收入', depth: 2, cells: fromT2('7') },
  { key: 'in.soe.transfer', label: '上级国有资本经营预算安排转移支付', depth: 2, cells: fromT2('8') },
  { key: 'in.special', label: '4、财政专户核拨', depth: 1, cells: fromT2('9') },
  { key: 'in.unit', label: '5、单位资金', depth: 1, cells: fromT2('10') },
  { key: 'in.unit.business', label: '其中：事业收入', depth: 2, cells: entered },
  { key: 'in.unit.superior', label: '上级补助收入', depth: 2, cells: entered },
  { key: 'in.unit.affiliated', label: '附属单位上缴收入', depth: 2, cells: entered },
  { key: 'in.unit.operating', label: '事业单位经营收入', depth: 2, cells: entered },
  { key: 'in.unit.other', label: '其他收入', depth: 2, cells: entered },
  { key: 'in.carry', label: '二、上年结转结余', cells: sumOf('in.carry.fiscal', 'in.carry.nonfiscal') },
  { key: 'in.carry.fiscal', label: '1、财政拨款结转', depth: 1, cells: fromT2('11') },
  { key: 'in.carry.fiscal.gb', label: '其中：一般公共预算拨款', depth: 2, cells: entered },
  { key: 'in.carry.fiscal.fund', label: '政府性基金预算拨款', depth: 2, cells: entered },
  { key: 'in.carry.fiscal.soe', label: '国有资本经营预算拨款', depth: 2, cells: entered },
  { key: 'in.carry.nonfiscal', label: '2、非财政拨款结转结余', depth: 1, cells: fromT2('12') },
  { key: 'in.carry.nonfiscal.special', label: '其中：财政专户核拨', depth: 2, cells: entered },
  { key: 'in.carry.nonfiscal.unit', label: '单位资金', depth: 2, cells: entered },
  { key: 'in.total', label: '收入总计', cells: sumOf('in.current', 'in.carry') },
];

const expenditure: FixedRowDef[] = [
  ...FUNCTION_CLASSES.map(([code, name]) => ({
    key: `out.${code}`,
    label: `${code} ${name}`,
    cells: { '2': terms({ table: 3, row: code, col: '1' }) },
  })),
  {
    key: 'out.total',
    label: '支出总计',
    cells: { '2': terms(...FUNCTION_CLASSES.map(([code]) => ({ row: `out.${code}`, col: '2' }))) },
  },
];

export const table1: FixedTableTemplate = {
  kind: 'fixed',
  no: 1,
  title: '部门收支总体情况表',
  lineHeader: '项目',
  columns: [
    { no: '1', name: '收入预算数', group: ['收入'], role: 'derived' },
    { no: '2', name: '支出预算数', group: ['支出'], role: 'derived' },
  ],
  rows: [...income.map((r) => ({ ...r, side: 'income' as const })), ...expenditure.map((r) => ({ ...r, side: 'expenditure' as const }))],
};

/** 其中 lines whose parts the accountant enters in table 1 and that must add up to their parent. */
export const TABLE1_BREAKDOWNS: ReadonlyArray<{ parent: string; parts: string[] }> = [
  { parent: 'in.unit', parts: ['in.unit.business', 'in.unit.superior', 'in.unit.affiliated', 'in.unit.operating', 'in.unit.other'] },
  { parent: 'in.carry.fiscal', parts: ['in.carry.fiscal.gb', 'in.carry.fiscal.fund', 'in.carry.fiscal.soe'] },
  { parent: 'in.carry.nonfiscal', parts: ['in.carry.nonfiscal.special', 'in.carry.nonfiscal.unit'] },
];
