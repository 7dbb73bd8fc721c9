import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { type BudgetDocument, loadDocument, type PerformanceTargets } from '../../../shared/model';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

export const PACKETS = {
  '000': '000_76f4246f7dc2bf91.txt',
  '003': '003_d8581a66e967af08.txt',
  '004': '004_b7e4b340c6b3bf95.txt',
} as const;
export type PacketId = keyof typeof PACKETS;

export function packetText(id: PacketId): string {
  return readFileSync(join(FIXTURES, PACKETS[id]), 'utf8');
}

/**
 * The imported document: the importer's committed fixture (`00X.budget.json`) when present,
 * else the packet imported now. Tables, prior-year figures and reasons come from the importer.
 */
export function importedDocument(id: PacketId): BudgetDocument {
  const json = join(FIXTURES, `${id}.budget.json`);
  if (existsSync(json)) {
    const r = loadDocument(readFileSync(json, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    return r.doc;
  }
  const r = importPacketText(packetText(id));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/**
 * Inputs the importer does not (yet) extract, typed here from the packet text so the whole of
 * 第三部分 can be compared. They fill only what the imported document lacks; `supplemented`
 * lists what was filled. 000: one 项's reason and the carry-over purposes. 003: reasons of 五（一） basic and 五（三） items, 国有资产,
 * the non-fiscal project count; 004: the same plus carry-over purposes and 十二（五）.
 */
const SUPPLEMENT: Record<PacketId, { reasons?: Record<string, string>; assets?: Record<string, string>; performance?: Record<string, string>; carryoverPurposes?: Record<string, string> }> = {
  '000': {
    reasons: { 'gb.2080501': '昌吉回族自治州工商业联合会，退休人员增加1人' },
    carryoverPurposes: {
      '2023 年“访惠聚”自治区补助经费（为民办实事经费）': '昌吉回族自治州工商业联合会访惠聚工作队社区贫困居民的慰问等',
      '机关运行补助（自有资金）': '昌吉回族自治州工商业联合会弥补正常机构运行经费支出',
    },
  },
  '003': {
    reasons: {
      'gb.basic': '调标增资退休人员增加2名，人员经费及公用经费增加',
      'gb.2010350': '调标增资，工资福利支出及公用经费增加；退休人员增加2名，对个人和家庭的补助增加',
      'gb.2080502': '退休人员增加2名，2024年事业单位离退休费较上年增加',
      'gb.2080505': '调标增资，社保缴费基数较上年增加',
      'gb.2080506': '调标增资，社保缴费基数较上年增加',
      'gb.2101102': '调标增资，医疗保险缴费基数较上年增加',
      'gb.2101103': '调标增资，医疗保险缴费基数较上年增加',
      'gb.2101199': '人员变动，医疗保险缴费基数较上年增加',
      'gb.2210201': '调标增资，公积金缴费基数较上年增加',
    },
    assets: {
      'building.area': '3287.52',
      'building.value': '652.09',
      'vehicle.general.count': '3',
      'vehicle.general.value': '125.46',
      'vehicle.enforcement.count': '0',
      'vehicle.enforcement.value': '0',
      'vehicle.other.count': '0',
      'vehicle.other.value': '0',
      'furniture.value': '15.15',
      'other.value': '504.06',
      'equipment50.count': '0',
      'equipment100.count': '0',
      'plan.equipment50.count': '0',
      'plan.equipment100.count': '0',
    },
    performance: { 'nonfiscal.count': '1' },
  },
  '004': {
    reasons: {
      'gb.basic': '2023年度到达退休人员人数较多',
      'gb.project': '2024年度上级安排的专项资金较上年度有所减少',
      ...Object.fromEntries(
        ['2010301', '2010350', '2080505', '2101101', '2101102', '2101103', '2101199', '2210201'].map((c) => [
          `gb.${c}`,
          '2023年度到达退休人员人数较多，在职人员人数减少，预算经费减少',
        ]),
      ),
      'gb.2150805': '本年度中央拨付的此项资金较上年度减少',
      'gb.2160699': '本年度中央拨付的此项资金较上年度减少',
      other: '本年度本单位中央转移支付项目2个，涉及金额2487.00万元，未公开绩效目标表。',
    },
    carryoverPurposes: {
      '2022 年州本级中小企业专项资金': '2022年度升规入统企业奖励资金',
      '2023 年汽车消费补贴及汽车下乡专项行动（第一批）补贴': '2023年汽车消费补贴经费支出',
      '2023 年自治区“访惠聚”驻村工作专项经费': '访惠聚驻村工作队为民办实事好事工作支出',
      '昌吉州 2023 年度州级重点人才项目经费': '对昌吉市重点人才工作室补助经费',
    },
    assets: {
      'building.area': '0',
      'building.value': '0',
      'vehicle.general.count': '1',
      'vehicle.general.value': '16.32',
      'vehicle.enforcement.count': '0',
      'vehicle.enforcement.value': '0',
      'vehicle.other.count': '0',
      'vehicle.other.value': '0',
      'furniture.value': '8.41',
      'other.value': '80.37',
      'equipment50.count': '0',
      'equipment100.count': '0',
      'plan.equipment50.count': '0',
      'plan.equipment100.count': '0',
    },
  },
};

/** 003's 绩效目标表 as published (indicator text shortened where long), typed from the packet. */
const BASIS_63 = '《关于自治州商务局所属事业单位机构编制调整有关事宜的通知》(昌吉州党机编发[2019]63号)';
const BASIS_523 = '自治区党委常委会“5.23”《会议纪要》《关于进一步加强自治区驻京信访工作管理保障工作的通知》(新信联发[2016]14号)';
const proj = (level1: string, level2: string, level3: string, value: string, lastYear: string, weight: string, scoring = '按照完成比例赋分', evidence = '工作资料') => ({
  level1,
  level2,
  level3,
  value,
  basis: '计划标准',
  weight,
  lastYear,
  scoring,
  evidence,
});
export const PERFORMANCE_003: PerformanceTargets = {
  overall: {
    contact: '韩莉',
    phone: '15199365566',
    goal: '认真完成好驻京联络处各项工作职责。完成好全疆非正常上访劝返等政治任务，做好在京务工人员管理等工作。目标 1.资金使用合理性 100%；各项工作完成及时性 100%；公用经费支付及时性 100%；2.提高招商引资服务工作；3.不断推介昌吉州特色产品知名度；4.做好昌吉籍务工人员服务管理工作；5.加强自治区驻京信访工作组后勤保障。',
    superior: '0.00',
    own: '232.31',
    other: '110.00',
    indicators: [
      { level1: '履职效能', level2: '数量指标', level3: '提高招商引资服务工作', value: '≥4次', basis: BASIS_63, weight: '20' },
      { level1: '履职效能', level2: '数量指标', level3: '不断推介昌吉州特色产品知名度', value: '≥2次', basis: BASIS_63, weight: '20' },
      { level1: '履职效能', level2: '数量指标', level3: '做好昌吉籍务工人员服务管理工作', value: '≥12次', basis: BASIS_523, weight: '30' },
      { level1: '履职效能', level2: '数量指标', level3: '加强自治区驻京信访工作组后勤保障', value: '≥12次', basis: BASIS_523, weight: '20' },
    ],
  },
  projects: [
    {
      name: '机构运行保障经费',
      manager: '王跃东',
      total: '110.00',
      fiscal: '0.00',
      other: '110.00',
      goal: '做好自治区驻京信访工作组后勤服务保障工作，确保自治区在京信访工作正常运转，做好自治区赴京非访人员安置、劝返、思想疏导等工作。',
      indicators: [
        proj('产出指标', '数量指标', '设备购置数量(台)', '>=3台', '5台', '10'),
        proj('产出指标', '数量指标', '办公室维修(护)费', '>=4次', '8次', '10'),
        proj('产出指标', '数量指标', '服务信访工作组次数(次)', '>=12次', '12次', '10'),
        proj('产出指标', '质量指标', '政府采购率(%)', '=100%', '100%', '10'),
        proj('成本指标', '经济成本指标', '办公设备购置成本', '<=7.86万元', '7.86', '10', undefined, '原始凭证'),
        proj('成本指标', '经济成本指标', '保障经费信访工作组', '<=102.14万元', '102.14', '10', undefined, '原始凭证'),
        proj('效益指标', '经济效益指标', '加强自治区驻京信访工作组后勤保障和昌吉籍工经商人服务管理工作', '持续增强', '100%', '20'),
        proj('满意度指标', '满意度指标', '信访工作组满意度(%)', '>=95%', '100%', '10', '满意度赋分'),
      ],
    },
    {
      name: '机构运行补助经费',
      manager: '王跃东',
      goal: '保障驻京联络处正常工作运转，加强驻京联络处内部安全、人员管理、消防、疫情防控、绿化美化、垃圾分类、环境整治、设施维修改造等。',
      indicators: [
        proj('产出指标', '数量指标', '设备购置数量(个)', '>=1台', '2台', '10'),
        proj('产出指标', '数量指标', '保障人员数(人)', '>=3人', '5个', '10'),
        proj('产出指标', '数量指标', '办公室维修(护)费(次)', '>=7次', '10次', '10'),
        proj('产出指标', '质量指标', '政府采购率(%)', '=100%', '100%', '10'),
        proj('成本指标', '经济成本指标', '维修(护)费', '<=15万元', '15', '7', undefined, '原始凭证'),
        proj('成本指标', '经济成本指标', '水电暖等保障运转经费', '<=34.60万元', '34.6', '6', undefined, '原始凭证'),
        proj('成本指标', '经济成本指标', '劳务费', '<=22.40万元', '22.4', '7', undefined, '原始凭证'),
        proj('效益指标', '经济效益指标', '加强自治区驻京信访工作组后勤保障和昌吉籍务工人员服务管理工作', '持续增强', '100%', '20'),
        proj('满意度指标', '满意度指标', '工作人员满意度(%)', '=95%', '100%', '10', '满意度赋分'),
      ],
    },
  ],
};

export function withNarrativeInputs(id: PacketId, doc: BudgetDocument): { doc: BudgetDocument; supplemented: string[] } {
  const out = structuredClone(doc);
  const supplemented: string[] = [];
  const s = SUPPLEMENT[id];
  const fill = (target: Record<string, string>, from: Record<string, string> | undefined, where: string) => {
    for (const [k, v] of Object.entries(from ?? {})) {
      if (target[k] === undefined || target[k].trim() === '') {
        target[k] = v;
        supplemented.push(`${where}.${k}`);
      }
    }
  };
  fill(out.narrative.reasons, s.reasons, 'reasons');
  fill(out.narrative.assets, s.assets, 'assets');
  fill(out.narrative.performance, s.performance, 'performance');
  fill(out.narrative.carryoverPurposes, s.carryoverPurposes, 'carryoverPurposes');
  if (id === '003' && !out.performanceTargets) {
    out.performanceTargets = structuredClone(PERFORMANCE_003);
    supplemented.push('performanceTargets');
  }
  return { doc: out, supplemented };
}

/** 第三部分 of a published packet, split into its twelve sections (performance tables left out). */
export function publishedSections(text: string): string[] {
  const start = text.lastIndexOf('第三部分');
  const end = text.indexOf('第四部分 名词解释', start);
  let body = text.slice(start, end);
  // The indicator tables are not narrative: drop from 部门整体绩效目标表 to （五）.
  body = body.replace(/部门整体绩效目标表[\s\S]*?(?=[(（]五[)）])/u, '');
  const parts = body.split(/\n(?=[ \t]*(?:十二|十一|十|九|八|七|六|五|四|三|二|一)、\s*(?:关于|其他重要事项))/u);
  return parts.slice(1);
}

/** Amounts, percentages and counts with their unit, normalised (`3,146.54 万元` → `3146.54万元`, `0 万元` → `0.00万元`). */
export function numberSequence(text: string): string[] {
  const flat = text.replace(/\s+/g, '');
  const out: string[] = [];
  for (const m of flat.matchAll(/(\d[\d,]*(?:\.\d+)?)(万元|%|平方米|辆|台|套|个)/gu)) {
    const raw = m[1]!.replace(/,/g, '');
    // 000 counts large equipment in 套 once, in 台 elsewhere: the same figure.
    const unit = m[2] === '套' ? '台' : m[2]!;
    const v = unit === '万元' || unit === '%' || unit === '平方米' ? Number(raw).toFixed(2) : String(Number(raw));
    out.push(`${v}${unit}`);
  }
  return out;
}
