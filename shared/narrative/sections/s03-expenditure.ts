import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';
import { sharesOf } from './common';

/** 三 基本支出 and 项目支出 of the whole department (table 3). */
export function expenditureSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const whole = fig.cell(3, 'total', '1');
  const lines = [
    { key: 'basic', name: '基本支出', col: '2' },
    { key: 'project', name: '项目支出', col: '3' },
  ];
  const parts = lines.map((l) => fig.cell(3, 'total', l.col));
  const shares = sharesOf(parts, whole);
  const out: Paragraph[] = [new Para('s3.intro').t(`${dept}${year}年支出预算`).amount(whole, '支出合计（表3 总计）').t('万元，其中：').build()];
  lines.forEach((l, i) => {
    const id = `s3.${l.key}`;
    const p = new Para(id).t(l.name).amount(parts[i]!, `${l.name}（表3 总计行）`).t('万元，占');
    p.percent(shares[i]!.bp, shares[i]!.source, `${l.name}占支出合计的比重`).t('%');
    const prior = ctx.prior(l.key, id, l.name);
    if (prior) p.t('，比上年预算').change(parts[i]!, prior, l.name);
    const reason = ctx.changeReason(l.key, id, l.name, parts[i]!, prior);
    if (reason) p.t(`，主要原因是${reason}`);
    out.push(p.t('。').build());
  });
  return out;
}
