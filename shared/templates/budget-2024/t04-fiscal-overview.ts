import type { FixedRowDef, FixedTableTemplate } from '../types';
import { FUNCTION_CLASSES } from './function-classes';
import { cols, terms } from './helpers';

const income: FixedRowDef[] = [
  { key: 'in.fiscal', label: '一、财政拨款（补助）', cells: { '1': terms(...['in.gb', 'in.fund', 'in.soe'].map((row) => ({ row, col: '1' }))) } },
  { key: 'in.gb', label: '一般公共预算', depth: 1, cells: { '1': terms(...cols(2, 'total', '3', '4')) } },
  { key: 'in.fund', label: '政府性基金预算', depth: 1, cells: { '1': terms(...cols(2, 'total', '5', '6')) } },
  { key: 'in.soe', label: '国有资本经营预算', depth: 1, cells: { '1': terms(...cols(2, 'total', '7', '8')) } },
  { key: 'in.total', label: '收入总计', cells: { '1': terms({ row: 'in.fiscal', col: '1' }) } },
];

const classRow = (code: string, name: string): FixedRowDef => ({
  key: `out.${code}`,
  label: `${code} ${name}`,
  cells: {
    '2': terms(...cols(undefined, `out.${code}`, '3', '4', '5')),
    '3': terms({ table: 5, row: code, col: '1' }),
    '4': terms({ table: 8, row: code, col: '1' }),
    '5': terms({ table: 9, row: code, col: '1' }),
  },
});

const totalOf = (col: string) => terms(...FUNCTION_CLASSES.map(([code]) => ({ row: `out.${code}`, col })));

export const table4: FixedTableTemplate = {
  kind: 'fixed',
  no: 4,
  title: '财政拨款收支预算总体情况表',
  lineHeader: '项目',
  columns: [
    { no: '1', name: '合计', group: ['财政拨款收入'], role: 'derived' },
    { no: '2', name: '合计', group: ['财政拨款支出'], role: 'derived' },
    { no: '3', name: '一般公共预算', group: ['财政拨款支出'], role: 'derived' },
    { no: '4', name: '政府性基金预算', group: ['财政拨款支出'], role: 'derived' },
    { no: '5', name: '国有资本经营预算', group: ['财政拨款支出'], role: 'derived' },
  ],
  rows: [
    ...income.map((r) => ({ ...r, side: 'income' as const })),
    ...FUNCTION_CLASSES.map(([c, n]) => ({ ...classRow(c, n), side: 'expenditure' as const })),
    {
      key: 'out.total',
      label: '支出总计',
      side: 'expenditure',
      cells: { '2': totalOf('2'), '3': totalOf('3'), '4': totalOf('4'), '5': totalOf('5') },
    },
  ],
};
