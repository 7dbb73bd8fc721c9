import type { CrossCheckDecl } from '../types';
import { TABLE1_BREAKDOWNS } from './t01-overview';

const cell = (table: number, row: string, col: string) => ({ table, row, col });

/** The identities of domain.md that tie the 2024 tables to each other. */
export const checks2024: CrossCheckDecl[] = [
  { rule: 't1.balance', kind: 'cells', at: cell(1, 'out.total', '2'), expected: [cell(1, 'in.total', '1')] },
  ...TABLE1_BREAKDOWNS.map(
    (b): CrossCheckDecl => ({ rule: 't1.breakdown', kind: 'cells', at: cell(1, b.parent, '1'), expected: b.parts.map((p) => cell(1, p, '1')) }),
  ),
  // A 项 with money in these table-2 columns is always laid out in the table (includeWhen), so every one is checked.
  { rule: 't3.t2', kind: 'each-leaf', table: 3, col: '1', expected: { table: 2, cols: ['1'] } },
  { rule: 't5.t2', kind: 'each-leaf', table: 5, col: '1', expected: { table: 2, cols: ['3', '4'] } },
  { rule: 't8.t2', kind: 'each-leaf', table: 8, col: '1', expected: { table: 2, cols: ['5', '6'] } },
  { rule: 't9.t2', kind: 'each-leaf', table: 9, col: '1', expected: { table: 2, cols: ['7', '8'] } },
  { rule: 't4.balance', kind: 'cells', at: cell(4, 'out.total', '2'), expected: [cell(4, 'in.total', '1')] },
  { rule: 't6.t5', kind: 'cells', at: cell(6, 'total', '1'), expected: [cell(5, 'total', '2')] },
  { rule: 't7.t5', kind: 'by-code', table: 5, col: '3', from: { table: 7, col: '1' } },
  // 三公: table 10 covers at least what table 6's basic expenditure puts on the same economic 款.
  { rule: 't10.t6.below', kind: 'cells', at: cell(10, 'reception', '1'), expected: [cell(6, '30217', '1')], op: 'ge' },
  { rule: 't10.t6.above', kind: 'cells', at: cell(10, 'reception', '1'), expected: [cell(6, '30217', '1')], op: 'le' },
  { rule: 't10.t6.below', kind: 'cells', at: cell(10, 'vehicle.running', '1'), expected: [cell(6, '30231', '1')], op: 'ge' },
  { rule: 't10.t6.above', kind: 'cells', at: cell(10, 'vehicle.running', '1'), expected: [cell(6, '30231', '1')], op: 'le' },
  { rule: 't11.t1', kind: 'cells', at: cell(11, 'total', '1'), expected: [cell(1, 'in.carry', '1')] },
  { rule: 't11.t2.fiscal', kind: 'cells', at: cell(11, 'total', '2'), expected: [cell(2, 'total', '11')] },
  { rule: 't11.t2.nonfiscal', kind: 'cells', at: cell(11, 'total', '6'), expected: [cell(2, 'total', '12')] },
  { rule: 't6.personnel', kind: 'zero-in-classes', table: 6, classes: ['301', '303'], col: '3' },
  { rule: 't6.public', kind: 'zero-in-classes', table: 6, classes: ['302'], col: '2' },
];
