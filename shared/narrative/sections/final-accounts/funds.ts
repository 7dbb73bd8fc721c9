import { Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph } from '../../types';
import { itemParagraphs } from './common';

const FUNDS = {
  8: { name: '政府性基金预算', prefix: 'fa8', record: 'fundItems', reason: 'fa.fund' },
  9: { name: '国有资本经营预算', prefix: 'fa9', record: 'soeItems', reason: 'fa.soe' },
} as const;

/**
 * 八 / 九、政府性基金 / 国有资本经营预算财政拨款收入支出决算情况说明 (表8 / 表9): 本年收入 and 本年支出,
 * then each 项 against its 年初预算; a department without any prints the template's one sentence.
 */
export function faFundSection(ctx: NarrativeContext, table: 8 | 9): Paragraph[] {
  const f = FUNDS[table];
  const income = ctx.fig.cell(table, 'total', '2');
  const spend = ctx.fig.cell(table, 'total', '3');
  if (income.fen === 0 && spend.fen === 0) {
    return [new Para(`${f.prefix}.none`).t(`${ctx.dept}${ctx.year}年度无${f.name}财政拨款收入和支出。`).build()];
  }
  const head = new Para(`${f.prefix}.total`)
    .t(`${f.name}财政拨款收入`)
    .amount(income, `${f.name}财政拨款本年收入（表${table} 合计）`)
    .t('万元，支出')
    .amount(spend, `${f.name}财政拨款本年支出（表${table} 合计）`)
    .t('万元，支出具体情况如下：');
  return [head.build(), ...itemParagraphs(ctx, f.prefix, table, '3', f.record, f.reason).map((p) => p.build())];
}
