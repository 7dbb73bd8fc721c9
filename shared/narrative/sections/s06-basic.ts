import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';
import { joinNames } from './common';

/** 六 一般公共预算基本支出: 人员经费 and 公用经费 with the economic 款 that have money (table 6). */
export function basicSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const out: Paragraph[] = [
    new Para('s6.intro').t(`${dept}${year}年一般公共预算基本支出`).amount(fig.cell(6, 'total', '1'), '一般公共预算基本支出合计（表6 总计）').t('万元，其中：').build(),
  ];
  for (const l of [
    { key: 'personnel', name: '人员经费', col: '2' },
    { key: 'public', name: '公用经费', col: '3' },
  ]) {
    const names = fig.rowsWithMoney(6, 'leaf', l.col).map((r) => r.name);
    const p = new Para(`s6.${l.key}`).t(l.name).amount(fig.cell(6, 'total', l.col), `${l.name}（表6 总计行）`).t('万元');
    out.push(p.t(names.length ? `，主要包括：${joinNames(names)}。` : '。').build());
  }
  return out;
}
