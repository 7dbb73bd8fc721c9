import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import { INCOME_KINDS } from '../keys';
import type { Paragraph } from '../types';
import { joinNames } from './common';

/** 一 total budget, and the income kinds and expenditure 类 that have money. */
export function overviewSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const total = new Para('s1.total')
    .t(`按照全口径预算的原则，${dept}${year}年所有收入和支出均纳入部门预算管理。收支总预算`)
    .amount(fig.cell(1, 'in.total', '1'), '收入总计（表1）')
    .t('万元。');
  const kinds = INCOME_KINDS.filter((k) => k.cols.some((c) => fig.cell(2, 'total', c).fen !== 0)).map((k) => k.name);
  const classes = fig.rowsWithMoney(3, 'class', '1').map((r) => r.name);
  return [
    total.build(),
    new Para('s1.income').t(`收入预算包括：${kinds.length ? joinNames(kinds) : '无'}。`).build(),
    new Para('s1.expenditure').t(`支出预算包括：${classes.length ? joinNames(classes) : '无'}。`).build(),
  ];
}
