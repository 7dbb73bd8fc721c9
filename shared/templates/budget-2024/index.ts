import type { FormatTemplate } from '../types';
import { checks2024 } from './checks';
import { table1 } from './t01-overview';
import { table2 } from './t02-income';
import { table3 } from './t03-expenditure';
import { table4 } from './t04-fiscal-overview';
import { table5 } from './t05-general-budget';
import { table6 } from './t06-basic-economic';
import { table7 } from './t07-projects';
import { table8 } from './t08-fund';
import { table9 } from './t09-state-capital';
import { table10 } from './t10-three-public';
import { table11 } from './t11-carryover';

/** The 2024 部门预算公开 format: 11 tables. */
export const budget2024: FormatTemplate = {
  id: 'xinjiang-budget-2024',
  name: '2024 年部门预算公开格式',
  tables: [table1, table2, table3, table4, table5, table6, table7, table8, table9, table10, table11],
  checks: checks2024,
};

export { FUNCTION_CLASSES } from './function-classes';
export { TABLE1_BREAKDOWNS } from './t01-overview';
export { PROJECT_ECONOMIC_CLASSES } from './t07-projects';
