import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import { THREE_PUBLIC_LINES } from '../keys';
import type { Paragraph } from '../types';

/** 十 财政拨款“三公”经费: total and each item (table 10), change against last year with reasons. */
export function threePublicSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const total = fig.cell(10, 'total', '1');
  const p1 = new Para('s10.total').t(`${dept}${year}年财政拨款“三公”经费预算数为`).amount(total, '“三公”经费合计（表10）').t('万元，其中：');
  THREE_PUBLIC_LINES.forEach((l, i) => {
    p1.t(`${i ? '，' : ''}${l.name}`).amount(fig.cell(10, l.key, '1'), `${l.name}（表10）`).t('万元');
  });
  const out = [p1.t('。').build()];

  const id = 's10.change';
  const p2 = new Para(id).t(`${year}年财政拨款“三公”经费预算`);
  const prior = ctx.prior('threePublic.total', id, '“三公”经费合计');
  if (prior) p2.t('比上年预算').change(total, prior, '“三公”经费合计');
  const totalReason = ctx.reason('3p.total', id, '“三公”经费合计', false);
  if (totalReason) p2.t(`，主要原因是${totalReason}`);
  p2.t('，其中：');
  THREE_PUBLIC_LINES.forEach((l, i) => {
    p2.t(`${i ? '；' : ''}${l.name}`);
    const cur = fig.cell(10, l.key, '1');
    const pr = ctx.prior(`threePublic.${l.key}`, id, l.name);
    if (pr) p2.change(cur, pr, l.name);
    const reason = ctx.changeReason(`3p.${l.key}`, id, l.name, cur, pr);
    if (reason) p2.t(`，主要原因是${reason}`);
  });
  out.push(p2.t('。').build());
  return out;
}
