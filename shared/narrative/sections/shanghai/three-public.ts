import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph } from '../../types';

/** Table 9 columns and the `priorYear.threePublic` keys they compare with (the keys of the Xinjiang 表10). */
const ITEMS = {
  total: { col: '1', key: 'total', name: '“三公”经费' },
  abroad: { col: '2', key: 'abroad', name: '因公出国（境）费' },
  reception: { col: '3', key: 'reception', name: '公务接待费' },
  vehicles: { col: '4', key: 'vehicles', name: '公务用车购置及运行费' },
  purchase: { col: '5', key: 'vehicle.purchase', name: '公务用车购置费' },
  running: { col: '6', key: 'vehicle.running', name: '公务用车运行费' },
} as const;

/** 其他相关情况说明 一、“三公”经费预算 (Shanghai 表9, 万元): each item against last year's budget. */
export function shanghaiThreePublicSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, year } = ctx;
  const than = `${year - 1}年预算`;
  const id = 'sh3p.items';
  const item = (k: keyof typeof ITEMS): Figure => fig.cell(9, 'budget', ITEMS[k].col);
  const it = (k: keyof typeof ITEMS) => ITEMS[k];
  const line = (p: Para, k: keyof typeof ITEMS, lead: string = it(k).name) => {
    const it = ITEMS[k];
    const cur = item(k);
    p.t(lead).wan(cur, `${it.name}（表9）`).t('万元');
    const prior = ctx.prior(`threePublic.${it.key}`, id, it.name);
    if (prior) p.t('，').versus(cur, prior, it.name, than);
    const reason = ctx.changeReason(`3p.${it.key}`, id, it.name, cur, prior);
    if (reason) p.t(`，主要原因是${reason}`);
    return p;
  };
  const total = new Para('sh3p.total').t(`${year}年`);
  line(total, 'total', '“三公”经费预算数为').t('。其中：');
  const items = new Para(id, 'item').t('（一）');
  line(items, 'abroad').t('；（二）');
  line(items, 'vehicles').t('。其中：');
  line(items, 'purchase').t('；');
  line(items, 'running').t('；（三）');
  line(items, 'reception').t('。');
  return [total.build(), items.build()];
}

/** Optional counts the 机关运行经费 sentence names (`narrative.assets`): “下属1家机关和1家事业单位”. */
export const SH_RUNNING_UNITS = { agencies: 'sh.running.agencies', institutions: 'sh.running.institutions' } as const;

/** 其他相关情况说明 二、机关运行经费预算 (表9 第7栏), naming the 机关 and 事业单位 it covers when they are given. */
export function shanghaiRunningCostSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const id = 'sh.running';
  const cur = fig.cell(9, 'budget', '7');
  const p = new Para(id).t(`${year}年${dept}`);
  const agencies = fig.inputNumber(`assets.${SH_RUNNING_UNITS.agencies}`);
  const institutions = fig.inputNumber(`assets.${SH_RUNNING_UNITS.institutions}`);
  if (agencies) {
    p.t('下属').count(Number(agencies.value), agencies.source, '下属机关（家）').t('家机关');
    if (institutions) p.t('和').count(Number(institutions.value), institutions.source, '下属事业单位（家）').t('家事业单位');
  }
  p.t('财政拨款的机关运行经费预算为').wan(cur, '机关运行经费预算数（表9）').t('万元');
  const prior = ctx.prior('runningCosts', id, '机关运行经费');
  if (prior) p.t('，').versus(cur, prior, '机关运行经费', `${year - 1}年预算`);
  const reason = ctx.changeReason('running', id, '机关运行经费', cur, prior);
  if (reason) p.t(`，主要原因是${reason}`);
  return [p.t('。').build()];
}
