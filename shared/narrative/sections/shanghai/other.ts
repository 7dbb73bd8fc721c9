import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph, Source } from '../../types';
import { shanghaiScope } from './scope';

const zero = (field: string): Figure => ({ fen: 0, source: { kind: 'input', field } });

/** 其他相关情况说明 三、政府采购预算情况 (inputs `narrative.procurement[goods|works|services|sme|micro]`). */
export function shanghaiProcurementSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, year } = ctx;
  const scope = shanghaiScope(ctx.format);
  const get = (k: string, label: string, paragraph: string): Figure => {
    const field = `procurement.${k}`;
    const f = fig.inputAmount(field);
    if (!f) ctx.missing.push({ paragraph, field: `narrative.${field}`, label });
    return f ?? zero(field);
  };
  const goods = get('goods', '政府采购货物预算', 'sh.procurement');
  const works = get('works', '政府采购工程预算', 'sh.procurement');
  const services = get('services', '政府采购服务预算', 'sh.procurement');
  const total: Figure = { fen: goods.fen + works.fen + services.fen, source: { kind: 'sum', of: [goods.source, works.source, services.source] } };
  return [
    new Para('sh.procurement')
      .t(`${year}年本${scope}政府采购预算`)
      .wan(total, '政府采购预算 = 货物 + 工程 + 服务')
      .t('万元，其中：政府采购货物预算')
      .wan(goods, '政府采购货物预算')
      .t('万元、政府采购工程预算')
      .wan(works, '政府采购工程预算')
      .t('万元、政府采购服务预算')
      .wan(services, '政府采购服务预算')
      .t('万元。')
      .build(),
    new Para('sh.procurement.sme')
      .t(`${year}年本${scope}面向中小企业预留政府采购项目预算金额`)
      .wan(get('sme', '面向中小企业预留金额', 'sh.procurement.sme'), '面向中小企业预留金额')
      .t('万元，其中，预留给小型和微型企业的政府采购项目预算为')
      .wan(get('micro', '小微企业预留金额', 'sh.procurement.sme'), '小微企业预留金额')
      .t('万元。')
      .build(),
  ];
}

/** Shanghai 绩效目标设置情况 inputs (`narrative.performance[...]`). */
export const SH_PERFORMANCE_KEYS = { units: 'sh.units', projects: 'sh.projects', amount: 'sh.amount' } as const;

/**
 * 其他相关情况说明 四、绩效目标设置情况: units and projects that set targets, and the money they
 * cover; a 单位's packet has no units to count (“本单位编报绩效目标的项目共N个”).
 */
export function shanghaiPerformanceSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, year } = ctx;
  const id = 'sh.performance';
  const unit = shanghaiScope(ctx.format) === '单位';
  const count = (k: string, label: string): { n: number; source: Source } => {
    const field = `performance.${k}`;
    const v = fig.inputNumber(field);
    if (!v) ctx.missing.push({ paragraph: id, field: `narrative.${field}`, label });
    return { n: v ? Number(v.value) : 0, source: { kind: 'input', field } };
  };
  const units = unit ? undefined : count(SH_PERFORMANCE_KEYS.units, '开展绩效目标编报的预算单位个数');
  const projects = count(SH_PERFORMANCE_KEYS.projects, '编报绩效目标的项目个数');
  const field = `performance.${SH_PERFORMANCE_KEYS.amount}`;
  const amount = fig.inputAmount(field);
  if (!amount) ctx.missing.push({ paragraph: id, field: `narrative.${field}`, label: '编报绩效目标的项目预算资金' });
  const p = new Para(id);
  if (units) {
    p.t('按照本区预算绩效管理工作的总体要求，本部门')
      .count(units.n, units.source, '开展绩效目标编报的预算单位个数')
      .t(`个预算单位开展了${year}年项目预算绩效目标编报工作，编报绩效目标的项目`);
  } else p.t(`${year}年度，本单位编报绩效目标的项目共`);
  return [
    p
      .count(projects.n, projects.source, '编报绩效目标的项目个数')
      .t('个，涉及项目预算资金')
      .wan(amount ?? zero(field), '编报绩效目标的项目预算资金')
      .t('万元。')
      .build(),
  ];
}

/** Vehicle kinds the Shanghai 国有资产 paragraph lists, with their `narrative.assets` keys. */
export const SH_VEHICLE_KINDS: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'minister', name: '部级领导干部用车' },
  { key: 'leader', name: '主要领导干部用车' },
  { key: 'confidential', name: '机要通信用车' },
  { key: 'emergency', name: '应急保障用车' },
  { key: 'enforcement', name: '执法执勤用车' },
  { key: 'special', name: '特种专业技术用车' },
  { key: 'retired', name: '离退休干部用车' },
  { key: 'other', name: '其他用车' },
];

/** 其他相关情况说明 五、国有资产占有使用情况: vehicles by kind and equipment of 100万元 or more, held and planned. */
export function shanghaiAssetsSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const scope = shanghaiScope(ctx.format);
  const count = (key: string, paragraph: string, label: string): { n: number; source: Source } => {
    const field = `assets.${key}`;
    const v = fig.inputNumber(field);
    if (!v) ctx.missing.push({ paragraph, field: `narrative.${field}`, label });
    return { n: v ? Number(v.value) : 0, source: { kind: 'input', field } };
  };
  const para = (id: string, prefix: 'sh.held' | 'sh.plan', lead: string, plan: boolean) => {
    const kinds = SH_VEHICLE_KINDS.map((k) => ({ ...k, c: count(`${prefix}.vehicle.${k.key}`, id, `${plan ? '安排购置' : '现有'}${k.name}（辆）`) }));
    const p = new Para(id)
      .t(lead)
      .count(
        kinds.reduce((s, k) => s + k.c.n, 0),
        { kind: 'sum', of: kinds.map((k) => k.c.source) },
        `${plan ? '安排购置' : '现有'}车辆合计（各类之和）`,
      )
      .t('辆，其中：');
    kinds.forEach((k, i) => {
      p.t(`${i ? '、' : ''}${k.name}`).count(k.c.n, k.c.source, `${plan ? '安排购置' : '现有'}${k.name}`).t('辆');
    });
    const eq = count(`${prefix}.equipment100`, id, `${plan ? '安排购置' : '现有'}单价100万元（含）以上设备（台套）`);
    p.t(`；${plan ? `${scope}预算安排购置` : ''}单价100万元（含）以上设备（不含车辆）`).count(eq.n, eq.source, '单价100万元（含）以上设备台（套）数').t('台（套）。');
    return p.build();
  };
  const asOf = fig.inputText('assets.sh.asOf') ?? `${year - 1}年8月31日`;
  return [
    para('sh.assets.held', 'sh.held', `截至${asOf}，${dept}共有车辆`, false),
    para('sh.assets.plan', 'sh.plan', `${year}年${scope}预算安排购置车辆`, true),
  ];
}
