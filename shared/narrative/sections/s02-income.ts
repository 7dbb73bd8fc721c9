import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import { INCOME_SOURCES } from '../keys';
import type { Paragraph } from '../types';
import { sharesOf } from './common';

/**
 * 二 each income source: amount, share of the total, change against last year, reason.
 * A zero source reads “…未安排” unless the accountant explains it (then the full sentence
 * with 0.00, as some departments print it).
 */
export function incomeSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept } = ctx;
  const whole = fig.cell(2, 'total', '1');
  const parts = INCOME_SOURCES.map((s) => fig.cell(2, 'total', s.col));
  const shares = sharesOf(parts, whole);
  const out: Paragraph[] = [new Para('s2.intro').t(`${dept}部门收入预算`).amount(whole, '收入总计（表2 总计）').t('万元，其中：').build()];
  INCOME_SOURCES.forEach((s, i) => {
    const id = `s2.income.${s.id}`;
    const amount = parts[i]!;
    const reasonKey = `income.${s.id}`;
    if (amount.fen === 0 && !ctx.hasReason(reasonKey)) {
      out.push(new Para(id).t(`${s.name}未安排。`).build());
      return;
    }
    const p = new Para(id).t(s.name).amount(amount, `${s.name}（表2 总计行第${s.col}栏）`).t('万元，占');
    p.percent(shares[i]!.bp, shares[i]!.source, `${s.name}占收入总计的比重`).t('%');
    const prior = ctx.prior(`income.${s.id}`, id, s.name);
    if (prior) p.t('，比上年预算').change(amount, prior, s.name);
    const reason = ctx.changeReason(reasonKey, id, s.name, amount, prior);
    if (reason) p.t(`，主要原因是${reason}`);
    out.push(p.t('。').build());
  });
  return out;
}
