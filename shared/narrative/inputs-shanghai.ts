import { formatOf } from '../formats/registry';
import type { BudgetDocument } from '../model';
import type { InputKind, InputPath } from './inputs';
import { SH_PERFORMANCE_KEYS, SH_VEHICLE_KINDS } from './sections/shanghai/other';
import { SH_PROJECT_HEADINGS, shProjectOfTitleId } from './sections/shanghai/projects';
import { SH_RUNNING_UNITS } from './sections/shanghai/three-public';
import { shanghaiScope } from './sections/shanghai/scope';

type Add = (paragraph: string, path: InputPath, label: string, kind: InputKind) => void;

const THREE_PUBLIC: ReadonlyArray<readonly [string, string]> = [
  ['abroad', '因公出国（境）费'],
  ['vehicles', '公务用车购置及运行费'],
  ['vehicle.purchase', '公务用车购置费'],
  ['vehicle.running', '公务用车运行费'],
  ['reception', '公务接待费'],
];

/**
 * The fields under a paragraph of the Shanghai narrative (shared/narrative/sections/shanghai),
 * by paragraph id; false when the id is not one of them.
 */
export function shanghaiInputs(doc: BudgetDocument, id: string, add: Add): boolean {
  const unit = `（${doc.unit}）`;
  const prior = (key: string, label: string, record?: string) =>
    add(id, record ? { root: 'priorYear', record, key } : { root: 'priorYear', key }, `${label}上年预算数${unit}`, 'amount');
  const reason = (key: string, label: string) => add(id, { root: 'narrative', record: 'reasons', key }, `${label}增减的主要原因`, 'text');
  const item = /^sh1\.item\.\d+\.(\d+)$/.exec(id);
  if (item) add(id, { root: 'narrative', record: 'purposes', key: item[1]! }, `${item[1]} 主要用于`, 'text');
  else if (id === 'sh1.income') prior('fiscal', '财政拨款收入', 'income');
  else if (id === 'sh1.spend') {
    prior('gb', '一般公共预算拨款', 'income');
    prior('fund', '政府性基金拨款', 'income');
    prior('soe', '国有资本经营预算拨款', 'income');
    reason('fiscal', '财政拨款收入支出');
  } else if (id === 'sh3p.total') {
    prior('total', '“三公”经费', 'threePublic');
    reason('3p.total', '“三公”经费');
  } else if (id === 'sh3p.items') {
    for (const [k, label] of THREE_PUBLIC) {
      prior(k, label, 'threePublic');
      reason(`3p.${k}`, label);
    }
  } else if (id === 'sh.running') {
    add(id, { root: 'narrative', record: 'assets', key: SH_RUNNING_UNITS.agencies }, '下属机关（家，可不填）', 'count');
    add(id, { root: 'narrative', record: 'assets', key: SH_RUNNING_UNITS.institutions }, '下属事业单位（家，可不填）', 'count');
    prior('runningCosts', '机关运行经费');
    reason('running', '机关运行经费');
  } else if (id === 'sh.procurement' || id === 'sh.procurement.sme') {
    const keys: ReadonlyArray<readonly [string, string]> =
      id === 'sh.procurement'
        ? [
            ['goods', '政府采购货物预算'],
            ['works', '政府采购工程预算'],
            ['services', '政府采购服务预算'],
          ]
        : [
            ['sme', '面向中小企业预留金额'],
            ['micro', '其中预留给小型和微型企业'],
          ];
    for (const [k, label] of keys) add(id, { root: 'narrative', record: 'procurement', key: k }, `${label}${unit}`, 'amount');
  } else if (id === 'sh.performance') {
    if (shanghaiScope(formatOf(doc)) === '部门') add(id, { root: 'narrative', record: 'performance', key: SH_PERFORMANCE_KEYS.units }, '开展绩效目标编报的预算单位（个）', 'count');
    add(id, { root: 'narrative', record: 'performance', key: SH_PERFORMANCE_KEYS.projects }, '编报绩效目标的项目（个）', 'count');
    add(id, { root: 'narrative', record: 'performance', key: SH_PERFORMANCE_KEYS.amount }, `涉及项目预算资金${unit}`, 'amount');
  } else if (id === 'sh.assets.held' || id === 'sh.assets.plan') {
    const held = id === 'sh.assets.held';
    const prefix = held ? 'sh.held' : 'sh.plan';
    if (held) add(id, { root: 'narrative', record: 'assets', key: 'sh.asOf' }, '统计截止日期（空则为上年8月31日）', 'text');
    for (const k of SH_VEHICLE_KINDS) add(id, { root: 'narrative', record: 'assets', key: `${prefix}.vehicle.${k.key}` }, `${held ? '现有' : '安排购置'}${k.name}（辆）`, 'count');
    add(id, { root: 'narrative', record: 'assets', key: `${prefix}.equipment100` }, `${held ? '现有' : '安排购置'}单价100万元（含）以上设备（台套）`, 'count');
  } else if (id === 'sh7.none' || doc.narrative.projectNotes.includes(shProjectOfTitleId(id) ?? '')) {
    // The list sits under the first project (or the empty-section line); each project's fields under its title.
    const name = shProjectOfTitleId(id);
    if (name === undefined || name === doc.narrative.projectNotes[0]) {
      add(id, { root: 'narrative', key: 'projectNotes' }, '需说明的项目名称（每行一个；改名时其文字随之保留）', 'lines');
    }
    if (name !== undefined) {
      for (const h of SH_PROJECT_HEADINGS) {
        const hint = h.fallback ? `（空则为“${h.fallback(doc.department, doc.year)}”）` : '';
        add(id, { root: 'narrative', record: 'projects', key: name, field: h.field }, `${name}：${h.title}${hint}`, 'longtext');
      }
    }
  } else return false;
  return true;
}

