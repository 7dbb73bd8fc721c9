import type { BudgetDocument } from '../model';
import type { InputKind, InputPath } from './inputs';
import { FA_PERFORMANCE_KEYS, FA_PROCUREMENT_KEYS } from './sections/final-accounts/other';
import { FA_3P_INPUTS } from './sections/final-accounts/three-public';
import { SH_VEHICLE_KINDS } from './sections/shanghai/other';

type Add = (paragraph: string, path: InputPath, label: string, kind: InputKind) => void;

const THREE_PUBLIC: ReadonlyArray<readonly [string, string]> = [
  ['total', '“三公”经费'],
  ['abroad', '因公出国（境）费'],
  ['vehicles', '公务用车购置及运行维护费'],
  ['reception', '公务接待费'],
];

/**
 * The fields under a paragraph of the 部门决算 情况说明 (shared/narrative/sections/final-accounts),
 * by paragraph id; false when the id is not one of them. Last year's figures are 上年决算数
 * (`priorYear`), the budget figures 年初预算数 (`initialBudget`).
 */
export function finalAccountsInputs(doc: BudgetDocument, id: string, add: Add): boolean {
  const unit = `（${doc.unit}）`;
  const prior = (key: string, label: string, record?: string) =>
    add(id, record ? { root: 'priorYear', record, key } : { root: 'priorYear', key }, `${label}上年决算数${unit}`, 'amount');
  const budget = (record: string, key: string, label: string) => add(id, { root: 'initialBudget', record, key }, `${label}年初预算数${unit}`, 'amount');
  const reason = (key: string, label: string) => add(id, { root: 'narrative', record: 'reasons', key }, `${label}的主要原因`, 'text');
  const text = (record: string, key: string, label: string, kind: InputKind = 'text') => add(id, { root: 'narrative', record, key }, label, kind);
  const item = /^fa([589])\.item\.(\d{7})$/.exec(id);
  if (item) {
    const [, t, code] = item;
    const fund = t === '5' ? 'gb' : t === '8' ? 'fund' : 'soe';
    text('purposes', code!, `${code} 主要用于`);
    budget(`${fund}Items`, code!, code!);
    reason(`fa.${fund}.${code}`, `${code} 决算数与预算数不同`);
  } else if (id === 'fa1.total') {
    prior('total', '收入支出总计', 'income');
    reason('fa.total', '收入支出总计比上年增减');
  } else if (id === 'fa4.total') {
    prior('fiscal', '财政拨款收入支出总计', 'income');
    reason('fa.fiscal', '财政拨款收入支出总计比上年增减');
  } else if (id === 'fa5.total') {
    prior('gb', '一般公共预算财政拨款支出', 'income');
    reason('fa.gb', '一般公共预算财政拨款支出比上年增减');
  } else if (id === 'fa5.budget') {
    budget('totals', 'gb', '一般公共预算财政拨款支出');
    reason('fa.gb.budget', '一般公共预算财政拨款支出决算数与预算数不同');
  } else if (id === 'fa7.budget') {
    reason('fa.3p.budget', '“三公”经费决算数与预算数（表7）不同');
  } else if (id === 'fa7.prior') {
    for (const [k, label] of THREE_PUBLIC) prior(k, label, 'threePublic');
    for (const [k, label] of THREE_PUBLIC.slice(1)) reason(`fa.3p.${k}`, `${label}比上年增减`);
  } else if (id === 'fa7.abroad') {
    text('assets', FA_3P_INPUTS.groups, '因公出国（境）团组（个）', 'count');
    text('assets', FA_3P_INPUTS.trips, '因公出国（境）人次', 'count');
    text('purposes', FA_3P_INPUTS.abroadUse, '因公出国（境）费开支内容');
  } else if (id === 'fa7.vehicles') {
    text('assets', FA_3P_INPUTS.purchased, '购置公务用车（辆）', 'count');
    text('purposes', FA_3P_INPUTS.purchaseUse, '公务用车购置费主要用于');
    text('purposes', FA_3P_INPUTS.runningUse, '公务用车运行维护费主要用于');
    text('assets', FA_3P_INPUTS.vehicles, '开支财政拨款的公务用车保有量（辆）', 'count');
  } else if (id === 'fa7.reception') {
    text('assets', FA_3P_INPUTS.batches, '国内公务接待批次', 'count');
    text('assets', FA_3P_INPUTS.guests, '国内公务接待人次', 'count');
    text('purposes', FA_3P_INPUTS.receptionUse, '公务接待费主要用于');
  } else if (id === 'fa10.performance') {
    const K = FA_PERFORMANCE_KEYS;
    const fields: ReadonlyArray<readonly [string, string, InputKind]> = [
      [K.rules, '预算绩效管理制度（名称，用顿号分隔）', 'text'],
      [K.mechanism, '预算绩效管理工作机制', 'text'],
      [K.targetsCount, '编报绩效目标的项目（个）', 'count'],
      [K.targetsAmount, `编报绩效目标的项目预算金额${unit}`, 'amount'],
      [K.trackingCount, '绩效跟踪评价的项目（个）', 'count'],
      [K.trackingAmount, `绩效跟踪评价的项目预算金额${unit}`, 'amount'],
      [K.selfCount, '绩效自评的项目（个）', 'count'],
      [K.selfAmount, `绩效自评的项目预算金额${unit}`, 'amount'],
      [K.selfScore, '绩效自评平均得分（分）', 'text'],
      [K.excellent, '绩效评级为“优”的项目（个）', 'count'],
      [K.good, '绩效评级为“良”的项目（个）', 'count'],
      [K.pass, '绩效评级为“合格”的项目（个）', 'count'],
      [K.fail, '绩效评级为“不合格”的项目（个）', 'count'],
      [K.issues, '绩效自评发现问题（个）', 'count'],
      [K.fixed, '已经完成整改的问题（个）', 'count'],
      [K.fixing, '正在整改的问题（个）', 'count'],
    ];
    for (const [k, label, kind] of fields) text('performance', k, label, kind);
  } else if (id === 'fa11.running') {
    add(id, { root: 'narrative', key: 'runningCosts' }, `机关运行经费${unit}（空则为表6 公用经费合计；有非行政、参公单位时填写）`, 'amount');
    prior('runningCosts', '机关运行经费');
    reason('fa.running', '机关运行经费比上年增减');
  } else if (id === 'fa11.procurement' || id === 'fa11.procurement.sme') {
    const P = FA_PROCUREMENT_KEYS;
    const keys: ReadonlyArray<readonly [string, string]> =
      id === 'fa11.procurement'
        ? [
            [P.total, '政府采购金额（以合同签订为准；空则为三类之和）'],
            [P.goods, '货物采购金额'],
            [P.works, '工程采购金额'],
            [P.services, '服务采购金额'],
          ]
        : [
            [P.sme, '面向中小企业预留金额'],
            [P.micro, '面向小微企业预留金额'],
            [P.smeAwarded, '中小企业预留项目由中小企业中标或成交的金额'],
            [P.microAwarded, '小微企业预留项目由小微企业中标或成交的金额'],
            [P.otherSme, '其他项目由中小企业中标或成交的金额'],
          ];
    for (const [k, label] of keys) text('procurement', k, `${label}${unit}`, 'amount');
  } else if (id === 'fa11.assets') {
    text('assets', 'sh.asOf', `统计截止日期（空则为${doc.year}年12月31日）`);
    for (const k of SH_VEHICLE_KINDS) text('assets', `sh.held.vehicle.${k.key}`, `现有${k.name}（辆）`, 'count');
    text('assets', 'sh.held.equipment100', '单价100万元（含）以上设备（台套）', 'count');
  } else return false;
  return true;
}
