import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph } from '../../types';
import { sharesOf } from '../common';
import { budgetWording, changeReason, completion, lastYear, versusLastYear } from './common';

/** 表7 columns (预算数, 决算数) of each item and the `priorYear.threePublic` key of its last-year 决算. */
export const FA_3P = {
  total: { budget: '1', final: '2', key: 'total', name: '“三公”经费' },
  abroad: { budget: '3', final: '4', key: 'abroad', name: '因公出国（境）费' },
  vehicles: { budget: '5', final: '6', key: 'vehicles', name: '公务用车购置及运行维护费' },
  purchase: { budget: '7', final: '8', key: 'vehicle.purchase', name: '公务用车购置费' },
  running: { budget: '9', final: '10', key: 'vehicle.running', name: '公务用车运行维护费' },
  reception: { budget: '11', final: '12', key: 'reception', name: '公务接待费' },
} as const;

type Item = keyof typeof FA_3P;
const LINES: readonly Item[] = ['abroad', 'vehicles', 'reception'];

/** Free-text and count inputs of （二）具体情况 (`narrative.purposes` / `narrative.assets` keys). */
export const FA_3P_INPUTS = {
  abroadUse: 'fa.3p.abroad',
  purchaseUse: 'fa.3p.purchase',
  runningUse: 'fa.3p.running',
  receptionUse: 'fa.3p.reception',
  groups: 'fa.3p.groups',
  trips: 'fa.3p.trips',
  purchased: 'fa.3p.purchased',
  vehicles: 'fa.3p.vehicles',
  batches: 'fa.3p.batches',
  guests: 'fa.3p.guests',
} as const;

/**
 * 七、财政拨款“三公”经费支出决算情况说明 (表7): （一）决算 against 预算 with 完成率 for the total and
 * each item, the 大于/小于 wording of the total, and the change against last year's 决算; （二）the
 * items' shares and what they paid for. A department without any prints the template's one sentence.
 */
export function faThreePublicSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const budget = (k: Item): Figure => fig.cell(7, 'amount', FA_3P[k].budget);
  const final = (k: Item): Figure => fig.cell(7, 'amount', FA_3P[k].final);
  const name = (k: Item) => FA_3P[k].name;

  const h1 = new Para('fa7.h1', 'heading').t('（一）“三公”经费财政拨款支出决算总体情况说明。').build();
  const vsBudget = new Para('fa7.budget').t('“三公”经费财政拨款支出年初预算为').amount(budget('total'), '“三公”经费预算数（表7）').t('万元，支出决算为').amount(final('total'), '“三公”经费决算数（表7）').t('万元');
  completion(vsBudget, final('total'), budget('total'), '“三公”经费', '，完成预算的');
  vsBudget.t('，其中：');
  LINES.forEach((k, i) => {
    vsBudget.t(`${i ? '；' : ''}${name(k)}${k === 'abroad' ? '' : '支出'}决算为`).amount(final(k), `${name(k)}决算数（表7）`).t('万元');
    completion(vsBudget, final(k), budget(k), name(k), '，完成预算的');
  });
  vsBudget.t('。');
  budgetWording(ctx, vsBudget, final('total'), budget('total'), 'fa.3p.budget', '“三公”经费', `${year}年度“三公”经费支出决算数`);

  const vsLast = new Para('fa7.prior');
  const prior = (k: Item) => lastYear(ctx, `threePublic.${FA_3P[k].key}`, vsLast.id, name(k));
  const totalPrior = prior('total');
  if (totalPrior) {
    vsLast.t(`${year}年度“三公”经费财政拨款支出决算数`);
    versusLastYear(vsLast, final('total'), totalPrior, '', `比${year - 1}年度`, `与${year - 1}年度持平`);
    const reasons: string[] = [];
    LINES.forEach((k, i) => {
      const p = prior(k);
      if (!p) return;
      vsLast.t(i ? '；' : '，其中：');
      const dir = versusLastYear(vsLast, final(k), p, '', `${name(k)}支出决算`);
      const reason = dir === 'flat' ? undefined : changeReason(ctx, `fa.3p.${FA_3P[k].key}`, vsLast.id, name(k), final(k), p);
      if (reason) reasons.push(`${name(k)}支出${dir === 'up' ? '增加' : '减少'}的主要原因是${reason}。`);
    });
    vsLast.t(`。${reasons.join('')}`);
  }
  const overview = [h1, vsBudget.build(), ...(vsLast.runs.length ? [vsLast.build()] : [])];

  const h2 = new Para('fa7.h2', 'heading').t('（二）“三公”经费财政拨款支出决算具体情况说明。').build();
  if (final('total').fen === 0) return [...overview, h2, new Para('fa7.none').t(`${dept}${year}年度无“三公”经费财政拨款支出。`).build()];
  return [...overview, h2, ...details(ctx, final)];
}

function details(ctx: NarrativeContext, final: (k: Item) => Figure): Paragraph[] {
  const { fig, dept, year } = ctx;
  const shares = sharesOf(
    LINES.map((k) => final(k)),
    final('total'),
  );
  const split = new Para('fa7.split').t('“三公”经费财政拨款支出决算中，');
  LINES.forEach((k, i) => {
    split
      .t(`${i ? '；' : ''}${FA_3P[k].name}支出决算`)
      .amount(final(k), `${FA_3P[k].name}决算数（表7）`)
      .t('万元，占')
      .percent(shares[i]!.bp, shares[i]!.source, `${FA_3P[k].name}占“三公”经费决算数的比重`)
      .t('%');
  });
  split.t('。具体情况如下：');
  const text = (key: string, id: string, label: string) => ctx.text(`purposes.${key}`, id, label);
  const count = (key: string, id: string, label: string) => {
    const v = fig.inputNumber(`assets.${key}`);
    if (!v) ctx.missing.push({ paragraph: id, field: `narrative.assets.${key}`, label });
    return { n: v ? Number(v.value) : 0, source: { kind: 'input' as const, field: `assets.${key}` } };
  };
  const I = FA_3P_INPUTS;

  const abroad = new Para('fa7.abroad', 'item').t('1、因公出国（境）费支出').amount(final('abroad'), '因公出国（境）费决算数（表7）').t('万元。');
  if (final('abroad').fen !== 0) {
    const g = count(I.groups, abroad.id, '因公出国（境）团组（个）');
    const t = count(I.trips, abroad.id, '因公出国（境）人次');
    abroad.t('全年安排因公出国（境）团组').count(g.n, g.source, '因公出国（境）团组数').t('个、累计').count(t.n, t.source, '因公出国（境）人次').t('人次。');
    const use = text(I.abroadUse, abroad.id, '因公出国（境）费开支内容');
    if (use) abroad.t(`开支内容包括：${use}。`);
  }

  const vehicles = new Para('fa7.vehicles', 'item').t('2、公务用车购置及运行维护费支出').amount(final('vehicles'), '公务用车购置及运行维护费决算数（表7）').t('万元。其中：公务用车购置支出为').amount(final('purchase'), '公务用车购置费决算数（表7）').t('万元');
  if (final('purchase').fen !== 0) {
    const n = count(I.purchased, vehicles.id, '购置公务用车（辆）');
    vehicles.t('，购置公务用车').count(n.n, n.source, '购置公务用车数量').t('辆');
    const use = text(I.purchaseUse, vehicles.id, '公务用车购置费主要用于');
    if (use) vehicles.t(`，主要用于${use}`);
  }
  vehicles.t('。公务用车运行维护支出').amount(final('running'), '公务用车运行维护费决算数（表7）').t('万元');
  const runUse = final('running').fen !== 0 ? text(I.runningUse, vehicles.id, '公务用车运行维护费主要用于') : undefined;
  if (runUse) vehicles.t(`，主要用于${runUse}`);
  const held = count(I.vehicles, vehicles.id, '开支财政拨款的公务用车保有量（辆）');
  vehicles.t(`。${year}年，${dept}所属各预算单位开支财政拨款的公务用车保有量为`).count(held.n, held.source, '公务用车保有量').t('辆。');

  const reception = new Para('fa7.reception', 'item').t('3、公务接待费支出').amount(final('reception'), '公务接待费决算数（表7）').t('万元。');
  if (final('reception').fen !== 0) {
    const b = count(I.batches, reception.id, '国内公务接待批次');
    const g = count(I.guests, reception.id, '国内公务接待人次');
    const use = text(I.receptionUse, reception.id, '公务接待费主要用于');
    reception.t(`主要用于${use ?? '国内公务接待'}，共接待`).count(b.n, b.source, '公务接待批次').t('批次、').count(g.n, g.source, '公务接待人次').t('人次。');
  }
  return [split.build(), abroad.build(), vehicles.build(), reception.build()];
}
