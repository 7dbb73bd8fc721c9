import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph } from '../../types';
import { sharesOf } from '../common';
import { changeReason, lastYear, versusLastYear } from './common';

/**
 * 决算 情况说明 一 … 四: totals from 表1 收入支出决算总表, 表3 支出决算表 and 表4 财政拨款收入支出决算总表,
 * against last year's 决算数 (`priorYear.income.total`, `priorYear.income.fiscal`).
 */
function totalAgainstLastYear(ctx: NarrativeContext, id: string, what: string, current: Figure, priorField: string, reasonKey: string): Paragraph {
  const { dept, year } = ctx;
  const p = new Para(id).t(`${dept}${year}年度${what}`).amount(current, `${what}（表${id === 'fa1.total' ? 1 : 4} 总计）`).t('万元。');
  const prior = lastYear(ctx, priorField, id, what);
  if (prior) {
    const dir = versusLastYear(p, current, prior, what, `与${year - 1}年度相比，`);
    p.t('。');
    const reason = dir === 'flat' ? undefined : changeReason(ctx, reasonKey, id, what, current, prior);
    if (reason) p.t(`主要原因：${reason}。`);
  }
  return p.build();
}

/** 一、收入支出决算总体情况说明: 表1 总计 against last year. */
export function faOverviewSection(ctx: NarrativeContext): Paragraph[] {
  return [totalAgainstLastYear(ctx, 'fa1.total', '收入支出总计', ctx.fig.cell(1, 'in.total', '1'), 'income.total', 'fa.total')];
}

/** “本年X合计 A 万元，其中：甲 B 万元，占 b%；…” listing only the parts with money (不涉及的不列). */
function partsParagraph(id: string, lead: string, whole: Figure, wholeLabel: string, parts: Array<{ name: string; figure: Figure; label: string }>): Paragraph {
  const listed = parts.filter((x) => x.figure.fen !== 0);
  const p = new Para(id).t(lead).amount(whole, wholeLabel).t('万元');
  if (listed.length === 0) return p.t('。').build();
  const shares = sharesOf(
    listed.map((x) => x.figure),
    whole,
  );
  p.t('，其中：');
  listed.forEach((x, i) => {
    p.t(`${i ? '；' : ''}${x.name}`).amount(x.figure, x.label).t('万元，占').percent(shares[i]!.bp, shares[i]!.source, `${x.name}占${wholeLabel}的比重`).t('%');
  });
  return p.t('。').build();
}

/** 二、收入决算情况说明: 表1 本年收入合计 by source. */
export function faIncomeSection(ctx: NarrativeContext): Paragraph[] {
  const c = (row: string) => ctx.fig.cell(1, row, '1');
  const fiscal: Figure = (() => {
    const parts = [c('in.gb'), c('in.fund'), c('in.soe')];
    return { fen: parts.reduce((s, x) => s + x.fen, 0), source: { kind: 'sum', of: parts.map((x) => x.source) } };
  })();
  return [
    partsParagraph('fa2.income', '本年收入合计', c('in.sum'), '本年收入合计（表1）', [
      { name: '财政拨款收入', figure: fiscal, label: '财政拨款收入（表1 一般公共预算、政府性基金、国有资本经营预算财政拨款收入之和）' },
      { name: '上级补助收入', figure: c('in.superior'), label: '上级补助收入（表1）' },
      { name: '事业收入', figure: c('in.business'), label: '事业收入（表1）' },
      { name: '经营收入', figure: c('in.operating'), label: '经营收入（表1）' },
      { name: '附属单位上缴收入', figure: c('in.affiliated'), label: '附属单位上缴收入（表1）' },
      { name: '其他收入', figure: c('in.other'), label: '其他收入（表1）' },
    ]),
  ];
}

/** 三、支出决算情况说明: 表3 本年支出合计 by kind. */
export function faExpenditureSection(ctx: NarrativeContext): Paragraph[] {
  const c = (col: string) => ctx.fig.cell(3, 'total', col);
  const parts = [
    ['2', '基本支出'],
    ['3', '项目支出'],
    ['4', '上缴上级支出'],
    ['5', '经营支出'],
    ['6', '对附属单位补助支出'],
  ].map(([col, name]) => ({ name: name!, figure: c(col!), label: `${name}（表3 合计）` }));
  return [partsParagraph('fa3.spend', '本年支出合计', c('1'), '本年支出合计（表3）', parts)];
}

/** 四、财政拨款收入支出决算总体情况说明: 表4 总计 against last year. */
export function faFiscalSection(ctx: NarrativeContext): Paragraph[] {
  return [totalAgainstLastYear(ctx, 'fa4.total', '财政拨款收入支出总计', ctx.fig.cell(4, 'in.total', '1'), 'income.fiscal', 'fa.fiscal')];
}
