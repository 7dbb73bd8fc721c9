import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';

/**
 * 八 政府性基金 (table 8) and 九 国有资本经营 (table 9): the empty-table sentence, or the total
 * with its split and each 类 with what it is mainly for.
 */
export function fundLikeSection(ctx: NarrativeContext, table: 8 | 9): Paragraph[] {
  const { fig, dept, year } = ctx;
  const view = fig.view(table);
  const s = `s${table}`;
  const kind = table === 8 ? '政府性基金预算' : '国有资本经营预算';
  if (view.empty) return [new Para(`${s}.empty`).t(view.emptySentence ?? `${dept}${year}年没有使用${kind}拨款安排的支出。`).build()];
  const p = new Para(`${s}.total`)
    .t(`${dept}${year}年${kind}拨款支出`)
    .amount(fig.cell(table, 'total', '1'), `${kind}支出合计（表${table}）`)
    .t('万元，其中：人员经费')
    .amount(fig.cell(table, 'total', '2'), `人员经费（表${table}）`)
    .t('万元，公用经费')
    .amount(fig.cell(table, 'total', '3'), `公用经费（表${table}）`)
    .t('万元，项目支出')
    .amount(fig.cell(table, 'total', '4'), `项目支出（表${table}）`)
    .t('万元。');
  const out = [p.build()];
  fig.rowsWithMoney(table, 'class', '1').forEach((r, i) => {
    const id = `${s}.${r.key}`;
    const q = new Para(id, 'item').t(`${i + 1}、${r.name}（类）`).amount(fig.cell(table, r.key, '1'), `${r.code} ${r.name}（表${table}）`).t('万元');
    const purpose = ctx.text(`purposes.${r.code}`, id, `${r.name}（${r.code}）主要用于`);
    if (purpose) q.t(`，主要用于${purpose}`);
    out.push(q.t('。').build());
  });
  return out;
}
