import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import { halfUpBasisPoints } from '../../shares';
import type { Paragraph } from '../../types';
import { sharesOf } from '../common';
import { budgetWording, changeReason, classLines, completion, initialBudget, itemParagraphs, lastYear, versusLastYear } from './common';

/**
 * 五、一般公共预算财政拨款支出决算情况说明 (表5): （一）总体 — the total, its share of 本年支出合计
 * (表1) and the change against last year's 决算; （二）结构 — each 类 with its share; （三）具体情况 —
 * the total and each 项 against its 年初预算 (`initialBudget.totals.gb`, `initialBudget.gbItems`),
 * with 完成率 and 大于/小于 wording that follows the figures.
 */
export function faGeneralBudgetSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, year } = ctx;
  const total = fig.cell(5, 'total', '1');
  const spend = fig.cell(1, 'out.sum', '2');
  const what = '一般公共预算财政拨款支出';

  const overall = new Para('fa5.total').t(what).amount(total, `${what}（表5 合计）`).t('万元');
  if (spend.fen !== 0) {
    const source = { kind: 'share' as const, part: total.source, whole: spend.source, method: 'half-up' as const };
    overall.t('，占本年支出合计的').percent(halfUpBasisPoints(total.fen, spend.fen), source, `${what}占本年支出合计（表1）的比重`).t('%');
  }
  overall.t('。');
  const prior = lastYear(ctx, 'income.gb', overall.id, what);
  if (prior) {
    const dir = versusLastYear(overall, total, prior, what, `与${year - 1}年度相比，`);
    overall.t('。');
    const reason = dir === 'flat' ? undefined : changeReason(ctx, 'fa.gb', overall.id, what, total, prior);
    if (reason) overall.t(`主要原因：${reason}。`);
  }

  const classes = classLines(ctx, 5, '1');
  const structure = new Para('fa5.structure').t(what).amount(total, `${what}（表5 合计）`).t('万元');
  if (classes.length) {
    const shares = sharesOf(
      classes.map((c) => c.figure),
      total,
    );
    structure.t('，主要用于以下方面：');
    classes.forEach((c, i) => {
      structure
        .t(`${i ? '；' : ''}${c.name}（类）`)
        .amount(c.figure, `${c.name}（表5）`)
        .t('万元，占')
        .percent(shares[i]!.bp, shares[i]!.source, `${c.name}占${what}的比重`)
        .t('%');
    });
  }
  structure.t('。');

  const detail = new Para('fa5.budget');
  againstBudget(ctx, detail, what, total, initialBudget(ctx, 'totals.gb', detail.id, what), 'fa.gb.budget');
  const items = itemParagraphs(ctx, 'fa5', 5, '1', 'gbItems', 'fa.gb');
  if (items.length) detail.t('其中：');

  return [
    new Para('fa5.h1', 'heading').t('（一）一般公共预算财政拨款支出决算总体情况').build(),
    overall.build(),
    new Para('fa5.h2', 'heading').t('（二）一般公共预算财政拨款支出决算结构情况').build(),
    structure.build(),
    new Para('fa5.h3', 'heading').t('（三）一般公共预算财政拨款支出决算具体情况').build(),
    detail.build(),
    ...items.map((p) => p.build()),
  ];
}

/** “{what}年初预算为 X 万元，支出决算为 Y 万元，完成年初预算的 Z%。决算数小于预算数的主要原因：…” */
export function againstBudget(ctx: NarrativeContext, p: Para, what: string, final: Figure, budget: Figure | null, reasonKey: string): void {
  if (!budget) {
    p.t(`${what}决算为`).amount(final, `${what}决算数`).t('万元。');
    return;
  }
  p.t(`${what}年初预算为`).amount(budget, `${what}年初预算数`).t('万元，支出决算为').amount(final, `${what}决算数`).t('万元');
  completion(p, final, budget, what, '，完成年初预算的');
  p.t('。');
  budgetWording(ctx, p, final, budget, reasonKey, what);
}
