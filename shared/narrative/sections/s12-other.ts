import { type Figure, Para } from '../builder';
import type { NarrativeContext } from '../context';
import { ASSET_KEYS, PERFORMANCE_KEYS, PROCUREMENT_KEYS } from '../keys';
import { hasTargets, resolveOverall, resolveProjects } from '../performance/resolve';
import type { Paragraph, Source } from '../types';

const ZERO = (field: string): Figure => ({ fen: 0, source: { kind: 'input', field } });

/** 十二 其他重要事项: 机关运行经费, 政府采购, 国有资产, 预算绩效, 其他. */
export function otherSection(ctx: NarrativeContext): Paragraph[] {
  return [...runningCosts(ctx), ...procurement(ctx), ...assets(ctx), ...performance(ctx), ...others(ctx)];
}

function runningCosts(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const id = 's12.1.text';
  const cur = fig.cell(6, 'total', '3');
  const p = new Para(id).t(`${dept}${year}年的机关运行经费财政拨款预算`).amount(cur, '机关运行经费 = 一般公共预算公用经费（表6 总计行第3栏）').t('万元');
  const prior = ctx.prior('runningCosts', id, '机关运行经费');
  if (prior) p.t('，比上年预算').change(cur, prior, '机关运行经费');
  const reason = ctx.changeReason('running', id, '机关运行经费', cur, prior);
  if (reason) p.t(`。主要原因是${reason}`);
  return [new Para('s12.1.h', 'heading').t('（一）单位运行经费情况').build(), p.t('。').build()];
}

function procurement(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const get = (k: string): Figure => {
    const field = `procurement.${k}`;
    const f = fig.inputAmount(field);
    if (!f) ctx.missing.push({ paragraph: 's12.2', field: `narrative.${field}`, label: `政府采购${LABELS[k]}` });
    return f ?? ZERO(field);
  };
  const out = [new Para('s12.2.h', 'heading').t('（二）政府采购情况').build()];
  const given = PROCUREMENT_KEYS.some((k) => fig.inputAmount(`procurement.${k}`));
  if (!given) {
    ctx.missing.push({ paragraph: 's12.2.total', field: 'narrative.procurement', label: '政府采购预算（货物、工程、服务）' });
    out.push(new Para('s12.2.total').t(`${year}年，${dept}未安排政府采购预算。`).build());
    return out;
  }
  const goods = get('goods');
  const works = get('works');
  const services = get('services');
  const total: Figure = { fen: goods.fen + works.fen + services.fen, source: { kind: 'sum', of: [goods.source, works.source, services.source] } };
  out.push(
    new Para('s12.2.total')
      .t(`${year}年，${dept}政府采购预算`)
      .amount(total, '政府采购预算 = 货物 + 工程 + 服务')
      .t('万元，其中：政府采购货物预算')
      .amount(goods, '政府采购货物预算')
      .t('万元，政府采购工程预算')
      .amount(works, '政府采购工程预算')
      .t('万元，政府采购服务预算')
      .amount(services, '政府采购服务预算')
      .t('万元。')
      .build(),
  );
  out.push(
    new Para('s12.2.sme')
      .t(`${year}年，${dept}面向中小企业预留政府采购项目预算金额`)
      .amount(get('sme'), '面向中小企业预留金额')
      .t('万元，小微企业预留政府采购项目预算金额')
      .amount(get('micro'), '小微企业预留金额')
      .t('万元。')
      .build(),
  );
  return out;
}

const LABELS: Record<string, string> = { goods: '货物预算', works: '工程预算', services: '服务预算', sme: '面向中小企业预留金额', micro: '小微企业预留金额' };

function assets(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const field = (k: string) => `assets.${k}`;
  const amount = (k: string): Figure => fig.inputAmount(field(k)) ?? ZERO(field(k));
  const num = (k: string): { n: number; source: Source } => {
    const v = fig.inputNumber(field(k));
    return { n: v ? Number(v.value) : 0, source: { kind: 'input', field: field(k) } };
  };
  const anyGiven = Object.values(ASSET_KEYS).some((k) => fig.inputText(field(k)) !== undefined);
  if (!anyGiven) ctx.missing.push({ paragraph: 's12.3.intro', field: 'narrative.assets', label: '国有资产占用情况（房屋、车辆、家具、其他资产、大型设备）' });
  // Area is not money: read it on the 万元 scale (value × 10^6) whatever the document's unit.
  const area = fig.inputAmount(field(ASSET_KEYS.buildingArea), '万元');
  const areaFig: Figure = area ?? ZERO(field(ASSET_KEYS.buildingArea));
  const kinds = [
    { name: '一般公务用车', n: ASSET_KEYS.generalCount, v: ASSET_KEYS.generalValue },
    { name: '执法执勤用车', n: ASSET_KEYS.enforcementCount, v: ASSET_KEYS.enforcementValue },
    { name: '其他车辆', n: ASSET_KEYS.otherVehicleCount, v: ASSET_KEYS.otherVehicleValue },
  ].map((k) => ({ ...k, count: num(k.n), value: amount(k.v) }));
  const vCount = kinds.reduce((s, k) => s + k.count.n, 0);
  const vValue: Figure = { fen: kinds.reduce((s, k) => s + k.value.fen, 0), source: { kind: 'sum', of: kinds.map((k) => k.value.source) } };
  const vehicles = new Para('s12.3.vehicles', 'item')
    .t('2. 车辆')
    .count(vCount, { kind: 'sum', of: kinds.map((k) => k.count.source) }, '车辆合计（各类车辆之和）')
    .t('辆，价值')
    .amount(vValue, '车辆价值合计（各类车辆之和）')
    .t('万元；其中：');
  kinds.forEach((k, i) => {
    vehicles.t(`${i ? '；' : ''}${k.name}`).count(k.count.n, k.count.source, `${k.name}数量`).t('辆，价值').amount(k.value, `${k.name}价值`).t('万元');
  });
  const e50 = num(ASSET_KEYS.equipment50);
  const e100 = num(ASSET_KEYS.equipment100);
  const p50 = num(ASSET_KEYS.planEquipment50);
  const p100 = num(ASSET_KEYS.planEquipment100);
  const plan = fig.inputText(field(ASSET_KEYS.planVehicles)) ?? '未安排购置车辆经费';
  return [
    new Para('s12.3.h', 'heading').t('（三）国有资产占用使用情况').build(),
    new Para('s12.3.intro').t(`截至${year - 1}年底，${dept}占用使用国有资产总体情况为：`).build(),
    new Para('s12.3.building', 'item')
      .t('1. 房屋')
      .token({ kind: 'amount', text: formatArea(areaFig.fen), value: areaFig.fen, source: areaFig.source, label: '房屋面积（平方米）' })
      .t('平方米，价值')
      .amount(amount(ASSET_KEYS.buildingValue), '房屋价值')
      .t('万元。')
      .build(),
    vehicles.t('。').build(),
    new Para('s12.3.furniture', 'item').t('3. 办公家具价值').amount(amount(ASSET_KEYS.furnitureValue), '办公家具价值').t('万元。').build(),
    new Para('s12.3.other', 'item').t('4. 其他资产价值').amount(amount(ASSET_KEYS.otherAssetsValue), '其他资产价值').t('万元。').build(),
    new Para('s12.3.equipment')
      .t('单位价值50万元以上大型设备')
      .count(e50.n, e50.source, '单位价值50万元以上大型设备台数')
      .t('台，单位价值100万元以上大型设备')
      .count(e100.n, e100.source, '单位价值100万元以上大型设备台数')
      .t('台。')
      .build(),
    new Para('s12.3.plan')
      .t(`${year}年部门预算${plan.replace(/[。，,]$/u, '')}，安排购置50万元以上大型设备`)
      .count(p50.n, p50.source, '计划购置50万元以上大型设备台数')
      .t('台，单位价值100万元以上大型设备')
      .count(p100.n, p100.source, '计划购置100万元以上大型设备台数')
      .t('台。')
      .build(),
  ];
}

/** Area in 平方米 is typed like an amount in 万元 would be (2 decimals); print it as such. */
function formatArea(fenLike: number): string {
  const v = Math.round(fenLike / 10_000);
  const s = (Math.abs(v) / 100).toFixed(2);
  const [i = '0', f = '00'] = s.split('.');
  return `${v < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

function performance(ctx: NarrativeContext): Paragraph[] {
  const { fig, year } = ctx;
  const count = (k: string, fallback: number): { n: number; source: Source } => {
    const v = fig.inputNumber(`performance.${k}`);
    return v ? { n: Number(v.value), source: { kind: 'input', field: `performance.${k}` } } : { n: fallback, source: { kind: 'count', what: k } };
  };
  const projects = fig.rowsWithMoney(7, 'leaf', '1').length;
  const fiscalParts = [fig.cell(7, 'total', '1'), fig.cell(8, 'total', '4'), fig.cell(9, 'total', '4')];
  const fiscal: Figure = { fen: fiscalParts.reduce((s, f) => s + f.fen, 0), source: { kind: 'sum', of: fiscalParts.map((f) => f.source) } };
  const deduct = [...fiscalParts, fig.cell(11, 'total', '5'), fig.cell(11, 'total', '9')];
  const allProjects = fig.cell(3, 'total', '3');
  const nonFiscal: Figure = {
    fen: allProjects.fen - deduct.reduce((s, f) => s + f.fen, 0),
    source: { kind: 'change', current: allProjects.source, previous: { kind: 'sum', of: deduct.map((f) => f.source) } },
  };
  const overall = count(PERFORMANCE_KEYS.overallCount, 1);
  const fiscalCount = count(PERFORMANCE_KEYS.fiscalCount, projects);
  const nonFiscalGiven = fig.inputNumber(`performance.${PERFORMANCE_KEYS.nonFiscalCount}`);
  if (!nonFiscalGiven && nonFiscal.fen !== 0) {
    ctx.missing.push({ paragraph: 's12.4.text', field: `narrative.performance.${PERFORMANCE_KEYS.nonFiscalCount}`, label: '当年非财政拨款项目个数' });
  }
  const nonFiscalCount = count(PERFORMANCE_KEYS.nonFiscalCount, nonFiscal.fen !== 0 ? 1 : 0);
  // Only tables with content are printed; without any, the text must not point to a table below.
  const printed = hasTargets(resolveOverall(fig)) || resolveProjects(fig).some(hasTargets);
  const p = new Para('s12.4.text')
    .t(`${year}年，本部门预算绩效管理整体预算绩效目标`)
    .count(overall.n, overall.source, '部门整体绩效目标个数')
    .t('个，涉及金额')
    .amount(fig.cell(1, 'in.total', '1'), '部门收支总预算（表1 收入总计）')
    .t('万元；当年财政拨款项目')
    .count(fiscalCount.n, fiscalCount.source, '当年财政拨款项目个数（表7 项目数）')
    .t('个，涉及预算金额')
    .amount(fiscal, '当年财政拨款项目支出 = 表7 合计 + 表8、表9 项目支出')
    .t('万元；当年非财政拨款项目')
    .count(nonFiscalCount.n, nonFiscalCount.source, '当年非财政拨款项目个数')
    .t('个，涉及预算金额')
    .amount(nonFiscal, '当年非财政拨款项目支出 = 表3 项目支出 − 当年财政拨款项目 − 表11 结转项目支出')
    .t(printed ? '万元。具体情况见下表（按项目分别填报）：' : '万元。')
    .build();
  p.performanceTables = printed;
  return [new Para('s12.4.h', 'heading').t('（四）预算绩效情况').build(), p];
}

function others(ctx: NarrativeContext): Paragraph[] {
  const text = ctx.fig.doc.narrative.reasons.other?.trim() || '本部门无其他需说明事项。';
  return [new Para('s12.5.h', 'heading').t('（五）其他需说明的事项').build(), new Para('s12.5.text').t(text).build()];
}
