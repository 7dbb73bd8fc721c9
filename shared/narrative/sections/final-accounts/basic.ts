import { Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph } from '../../types';

/** 人员经费 (表6 left panel, 301/303) and 公用经费 (right panel, 302/310) 款 rows, by the panel's column. */
const PANELS = [
  { col: '1', total: 'in.total', name: '人员经费' },
  { col: '2', total: 'out.total', name: '公用经费' },
] as const;

/**
 * 六、一般公共预算财政拨款基本支出决算情况说明: 表5 基本支出合计, and 人员经费 / 公用经费 (表6 合计)
 * with the 款 they mainly include (those with money, in table order; 不涉及的不列).
 */
export function faBasicSection(ctx: NarrativeContext): Paragraph[] {
  const { fig } = ctx;
  const view = fig.viewOf(6);
  const p = new Para('fa6.basic').t('一般公共预算财政拨款基本支出').amount(fig.cell(5, 'total', '2'), '一般公共预算财政拨款基本支出（表5 合计）').t('万元。其中：');
  PANELS.forEach((panel, i) => {
    const names = (view?.rows ?? [])
      .filter((r) => r.key.startsWith('e.') && r.key.length === 7 && r.cells[panel.col]?.text && fig.cell(6, r.key, panel.col).fen !== 0)
      .map((r) => r.name);
    p.t(i ? '；' : '')
      .t(panel.name)
      .amount(fig.cell(6, panel.total, panel.col), `${panel.name}合计（表6）`)
      .t('万元');
    if (names.length) p.t(`，主要包括：${names.join('、')}`);
  });
  return [p.t('。').build()];
}
