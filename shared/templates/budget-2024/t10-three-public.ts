import type { FixedCell, FixedTableTemplate } from '../types';
import { ENTERED, terms } from './helpers';

const SOURCES = ['2', '3', '4'];
const rowTotal = (row: string) => terms(...SOURCES.map((col) => ({ row, col })));
const enteredRow = (row: string): Record<string, FixedCell> => ({
  '1': rowTotal(row),
  '2': ENTERED,
  '3': ENTERED,
  '4': ENTERED,
});
const sumRow = (row: string, parts: string[]): Record<string, FixedCell> => ({
  '1': rowTotal(row),
  ...Object.fromEntries(SOURCES.map((col) => [col, terms(...parts.map((p) => ({ row: p, col })))])),
});

export const table10: FixedTableTemplate = {
  kind: 'fixed',
  no: 10,
  title: '财政拨款“三公”经费支出情况表',
  lineHeader: '“三公”经费支出内容',
  columns: [
    { no: '1', name: '合计', role: 'derived' },
    { no: '2', name: '一般公共预算', group: ['资金来源'], role: 'entered' },
    { no: '3', name: '政府性基金', group: ['资金来源'], role: 'entered' },
    { no: '4', name: '国有资本经营预算', group: ['资金来源'], role: 'entered' },
  ],
  rows: [
    { key: 'total', label: '合计', cells: sumRow('total', ['abroad', 'reception', 'vehicles']) },
    { key: 'abroad', label: '因公出国（境）费', depth: 1, cells: enteredRow('abroad') },
    { key: 'reception', label: '公务接待费', depth: 1, cells: enteredRow('reception') },
    { key: 'vehicles', label: '公务用车购置及运行费（小计）', depth: 1, cells: sumRow('vehicles', ['vehicle.purchase', 'vehicle.running']) },
    { key: 'vehicle.purchase', label: '其中：公务用车购置费', depth: 2, cells: enteredRow('vehicle.purchase') },
    { key: 'vehicle.running', label: '公务用车运行费', depth: 2, cells: enteredRow('vehicle.running') },
  ],
};
