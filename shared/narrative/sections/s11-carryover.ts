import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';

/** 十一 上年结转结余 (table 11): total, fiscal / non-fiscal, and each project with its purpose. */
export function carryoverSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const view = fig.view(11);
  if (view.empty) return [new Para('s11.empty').t(view.emptySentence ?? `${dept}${year}年没有上年结转结余。`).build()];
  const out = [
    new Para('s11.total')
      .t(`${dept}${year}年上年结转结余`)
      .amount(fig.cell(11, 'total', '1'), '上年结转结余总计（表11）')
      .t('万元，包括：财政拨款')
      .amount(fig.cell(11, 'total', '2'), '财政拨款合计（表11）')
      .t('万元，非财政拨款')
      .amount(fig.cell(11, 'total', '6'), '非财政拨款合计（表11）')
      .t('万元，其中：')
      .build(),
  ];
  fig.rowsWithMoney(11, 'leaf', '1').forEach((r, i) => {
    const id = `s11.${r.key}`;
    const name = r.project ?? r.name;
    const cid = r.key.slice(2);
    const purposes = fig.doc.narrative.carryoverPurposes;
    const key = purposes[cid] !== undefined ? cid : name;
    const p = new Para(id, 'item').t(`${i + 1}. ${name}`).amount(fig.cell(11, r.key, '1'), `“${name}”结转结余（表11）`).t('万元');
    const purpose = ctx.text(`carryoverPurposes.${key}`, id, `结转项目“${name}”主要用于`);
    if (purpose) p.t(`，主要用于${purpose}`);
    out.push(p.t('。').build());
  });
  return out;
}
