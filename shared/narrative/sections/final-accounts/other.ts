import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph, Source } from '../../types';
import { SH_VEHICLE_KINDS } from '../shanghai/other';
import { changeReason, lastYear, versusLastYear } from './common';

/** 十、预算绩效管理情况 inputs (`narrative.performance[...]`). */
export const FA_PERFORMANCE_KEYS = {
  rules: 'fa.rules',
  mechanism: 'fa.mechanism',
  targetsCount: 'fa.targets.count',
  targetsAmount: 'fa.targets.amount',
  trackingCount: 'fa.tracking.count',
  trackingAmount: 'fa.tracking.amount',
  selfCount: 'fa.self.count',
  selfAmount: 'fa.self.amount',
  selfScore: 'fa.self.score',
  excellent: 'fa.grade.excellent',
  good: 'fa.grade.good',
  pass: 'fa.grade.pass',
  fail: 'fa.grade.fail',
  issues: 'fa.issues',
  fixed: 'fa.issues.fixed',
  fixing: 'fa.issues.fixing',
} as const;

/** 政府采购 inputs of the 决算 (`narrative.procurement[...]`, 万元). */
export const FA_PROCUREMENT_KEYS = {
  total: 'total',
  goods: 'goods',
  works: 'works',
  services: 'services',
  sme: 'sme',
  micro: 'micro',
  smeAwarded: 'sme.awarded',
  microAwarded: 'micro.awarded',
  otherSme: 'other.sme',
} as const;

function countInput(ctx: NarrativeContext, record: 'performance' | 'assets', key: string, paragraph: string, label: string): { n: number; source: Source } {
  const field = `${record}.${key}`;
  const v = ctx.fig.inputNumber(field);
  if (!v) ctx.missing.push({ paragraph, field: `narrative.${field}`, label });
  return { n: v ? Number(v.value) : 0, source: { kind: 'input', field } };
}

function amountInput(ctx: NarrativeContext, record: 'performance' | 'procurement', key: string, paragraph: string, label: string): Figure {
  const field = `${record}.${key}`;
  const f = ctx.fig.inputAmount(field);
  if (!f) ctx.missing.push({ paragraph, field: `narrative.${field}`, label });
  return f ?? { fen: 0, source: { kind: 'input', field } };
}

/** 十、预算绩效管理情况: the department's rules and the 全过程 figures (targets, tracking, self-evaluation). */
export function faPerformanceSection(ctx: NarrativeContext): Paragraph[] {
  const { dept, year } = ctx;
  const K = FA_PERFORMANCE_KEYS;
  const id = 'fa10.performance';
  const p = new Para(id).t(`${dept}${year}年度预算绩效管理工作开展情况如下：`);
  const rules = ctx.text(`performance.${K.rules}`, id, '预算绩效管理制度（名称）');
  const mechanism = ctx.text(`performance.${K.mechanism}`, id, '预算绩效管理工作机制');
  if (rules) p.t(`本部门建立了如下预算绩效管理制度：${rules}`);
  if (mechanism) p.t(`${rules ? '，' : '本部门'}建立了${mechanism}的预算绩效管理工作机制`);
  p.t(`${rules || mechanism ? '；' : ''}全过程绩效管理实施情况：`);
  const stage = (lead: string, countKey: string, amountKey: string, label: string) => {
    const c = countInput(ctx, 'performance', countKey, id, `${label}的项目（个）`);
    p.t(`${lead}的${year}年度项目`).count(c.n, c.source, `${label}的项目个数`).t('个，涉及预算金额').amount(amountInput(ctx, 'performance', amountKey, id, `${label}的项目预算金额`), `${label}的项目预算金额`).t('万元');
  };
  stage('编报绩效目标', K.targetsCount, K.targetsAmount, '编报绩效目标');
  p.t('；');
  stage('绩效跟踪评价', K.trackingCount, K.trackingAmount, '绩效跟踪评价');
  p.t('；');
  stage('绩效自评', K.selfCount, K.selfAmount, '绩效自评');
  const score = ctx.fig.inputNumber(`performance.${K.selfScore}`);
  if (!score) ctx.missing.push({ paragraph: id, field: `narrative.performance.${K.selfScore}`, label: '绩效自评平均得分' });
  p.t('，平均得分').count(score ? Number(score.value) : 0, { kind: 'input', field: `performance.${K.selfScore}` }, '绩效自评平均得分').t('分（其中，');
  const grades: Array<[string, string]> = [
    [K.excellent, '优'],
    [K.good, '良'],
    [K.pass, '合格'],
    [K.fail, '不合格'],
  ];
  grades.forEach(([k, g], i) => {
    const c = countInput(ctx, 'performance', k, id, `绩效评级为“${g}”的项目（个）`);
    p.t(`${i ? '；' : ''}绩效评级为“${g}”的项目`).count(c.n, c.source, `绩效评级为“${g}”的项目个数`).t('个');
  });
  const issues = countInput(ctx, 'performance', K.issues, id, '绩效自评发现问题（个）');
  const fixed = countInput(ctx, 'performance', K.fixed, id, '已经完成整改的问题（个）');
  const fixing = countInput(ctx, 'performance', K.fixing, id, '正在整改的问题（个）');
  p.t('。绩效自评中共发现问题').count(issues.n, issues.source, '发现问题个数').t('个，已经完成整改的').count(fixed.n, fixed.source, '已完成整改个数').t('个，正在整改的').count(fixing.n, fixing.source, '正在整改个数').t('个）。');
  return [p.build()];
}

/** 十一、其他重要事项的情况说明: （一）机关运行经费 (表6 公用经费合计), （二）政府采购, （三）国有资产. */
export function faOtherSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const out: Paragraph[] = [new Para('fa11.h1', 'heading').t('（一）机关运行经费支出情况').build()];
  // 表6 公用经费合计 unless the department states its own figure (a unit that is not 行政/参公).
  const running = fig.inputAmount('runningCosts') ?? fig.cell(6, 'out.total', '2');
  if (running.fen === 0) out.push(new Para('fa11.running').t(`${dept}${year}年度无机关运行经费支出。`).build());
  else {
    const p = new Para('fa11.running').t('机关运行经费支出').amount(running, running.source.kind === 'input' ? '机关运行经费（填写数）' : '机关运行经费（表6 公用经费合计）').t('万元');
    const prior = lastYear(ctx, 'runningCosts', p.id, '机关运行经费');
    if (prior) {
      const dir = versusLastYear(p, running, prior, '', `，比${year - 1}年度`, `，与${year - 1}年度持平`);
      p.t('。');
      const reason = dir === 'flat' ? undefined : changeReason(ctx, 'fa.running', p.id, '机关运行经费', running, prior);
      if (reason) p.t(`主要原因是${reason}。`);
    } else p.t('。');
    out.push(p.build());
  }

  out.push(new Para('fa11.h2', 'heading').t('（二）政府采购支出情况').build());
  const P = FA_PROCUREMENT_KEYS;
  const get = (k: string, label: string, paragraph: string) => amountInput(ctx, 'procurement', k, paragraph, label);
  const goods = get(P.goods, '货物采购金额', 'fa11.procurement');
  const works = get(P.works, '工程采购金额', 'fa11.procurement');
  const services = get(P.services, '服务采购金额', 'fa11.procurement');
  // The total is by contract (以合同签订为准): typed when given, else the sum of the three kinds.
  const total: Figure = ctx.fig.inputAmount(`procurement.${P.total}`) ?? { fen: goods.fen + works.fen + services.fen, source: { kind: 'sum', of: [goods.source, works.source, services.source] } };
  out.push(
    new Para('fa11.procurement')
      .t(`${dept}${year}年度政府采购金额（以合同签订为准）为`)
      .amount(total, '政府采购金额（以合同签订为准；未填时为货物 + 工程 + 服务）')
      .t('万元，其中：货物采购金额')
      .amount(goods, '货物采购金额')
      .t('万元、工程采购金额')
      .amount(works, '工程采购金额')
      .t('万元、服务采购金额')
      .amount(services, '服务采购金额')
      .t('万元。')
      .build(),
  );
  const sme = 'fa11.procurement.sme';
  out.push(
    new Para(sme)
      .t(`${year}年度本部门面向中小企业预留政府采购项目预算金额`)
      .amount(get(P.sme, '面向中小企业预留金额', sme), '面向中小企业预留金额')
      .t('万元，面向小微企业预留政府采购项目预算金额')
      .amount(get(P.micro, '面向小微企业预留金额', sme), '面向小微企业预留金额')
      .t('万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额')
      .amount(get(P.smeAwarded, '中小企业预留项目中由中小企业中标或成交的金额', sme), '中小企业中标或成交金额（预留项目）')
      .t('万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额')
      .amount(get(P.microAwarded, '小微企业预留项目中由小微企业中标或成交的金额', sme), '小微企业中标或成交金额（预留项目）')
      .t('万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额')
      .amount(get(P.otherSme, '其他项目中由中小企业中标或成交的金额', sme), '中小企业中标或成交金额（其他项目）')
      .t('万元。')
      .build(),
  );

  out.push(new Para('fa11.h3', 'heading').t('（三）国有资产占有使用情况说明').build());
  const assets = new Para('fa11.assets');
  const kinds = SH_VEHICLE_KINDS.map((k) => ({ ...k, c: countInput(ctx, 'assets', `sh.held.vehicle.${k.key}`, assets.id, `现有${k.name}（辆）`) }));
  const asOf = fig.inputText('assets.sh.asOf') ?? `${year}年12月31日`;
  assets
    .t(`截至${asOf}，${dept}共有车辆`)
    .count(
      kinds.reduce((s, k) => s + k.c.n, 0),
      { kind: 'sum', of: kinds.map((k) => k.c.source) },
      '车辆合计（各类之和）',
    )
    .t('辆，其中：');
  kinds.forEach((k, i) => {
    assets.t(`${i ? '、' : ''}${k.name}`).count(k.c.n, k.c.source, k.name).t('辆');
  });
  const eq = countInput(ctx, 'assets', 'sh.held.equipment100', assets.id, '单价100万元（含）以上设备（台套）');
  assets.t('。单价100万元（含）以上设备（不含车辆）').count(eq.n, eq.source, '单价100万元（含）以上设备台（套）数').t('台（套）。');
  out.push(assets.build());
  return out;
}
