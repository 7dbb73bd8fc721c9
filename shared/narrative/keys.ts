/**
 * The keys under which the narrative's inputs live in the document, in one place so the
 * importer (which fills them from a published packet), the forms and the generator agree.
 *
 * - `priorYear.income[<source>]`   last year's budget per income source (ids below)
 * - `priorYear.basic|project`      部门 基本支出 / 项目支出 (table 3 总计)
 * - `priorYear.gbBasic|gbProject`  一般公共预算 基本支出 / 项目支出 (table 5 总计)
 * - `priorYear.gbItems[<7-digit>]` 一般公共预算 per 项 (table 5)
 * - `priorYear.threePublic[<T10 row key>]` 三公 lines: total, abroad, reception, vehicles, vehicle.purchase, vehicle.running
 * - `priorYear.runningCosts`       机关运行经费
 * - `narrative.reasons[...]`       主要原因: `income.<source>`, `basic`, `project`, `gb.basic`, `gb.project`,
 *                                  `gb.<7-digit>`, `3p.<T10 row key>`, `running`; `other` = 十二（五） text
 * - `narrative.purposes[<类 code>]` 主要用于 (section 四)
 * - `narrative.projects[<project id or name>]` 政策依据 basis, 资金分配 allocation, 承担单位 undertaker, 执行时间 period
 * - `narrative.carryoverPurposes[<carry-over id or name>]`
 * - `narrative.procurement[goods|works|services|sme|micro]` 万元
 * - `narrative.assets[...]`        see ASSET_KEYS
 * - `narrative.performance[...]`   see PERFORMANCE_KEYS
 * - `narrative.overrides[<paragraph id>]` hand-written paragraphs
 */

export interface IncomeSource {
  id: string;
  /** Table 2 column. */
  col: string;
  /** As section 二 names it. */
  name: string;
  /** Written as “…资金未安排” rather than “…未安排” when zero (transfers). */
  transfer: boolean;
}

export const INCOME_SOURCES: readonly IncomeSource[] = [
  { id: 'gb', col: '3', name: '一般公共预算', transfer: false },
  { id: 'gbTransfer', col: '4', name: '上级一般公共预算安排的转移支付资金', transfer: true },
  { id: 'fund', col: '5', name: '政府性基金预算', transfer: false },
  { id: 'fundTransfer', col: '6', name: '上级政府性基金安排的转移支付资金', transfer: true },
  { id: 'soe', col: '7', name: '国有资本经营预算', transfer: false },
  { id: 'soeTransfer', col: '8', name: '上级国有资本经营预算安排的转移支付资金', transfer: true },
  { id: 'special', col: '9', name: '财政专户管理资金', transfer: false },
  { id: 'unit', col: '10', name: '单位资金', transfer: false },
  { id: 'carryFiscal', col: '11', name: '财政拨款结转', transfer: false },
  { id: 'carryNonFiscal', col: '12', name: '非财政拨款结转结余', transfer: false },
];

/** Section 一 lists income by kind: a group is named when any of its table 2 columns has money. */
export const INCOME_KINDS: ReadonlyArray<{ name: string; cols: string[] }> = [
  { name: '一般公共预算', cols: ['3', '4'] },
  { name: '政府性基金预算', cols: ['5', '6'] },
  { name: '国有资本经营预算', cols: ['7', '8'] },
  { name: '财政专户管理资金', cols: ['9'] },
  { name: '单位资金', cols: ['10'] },
  { name: '财政拨款结转结余', cols: ['11'] },
  { name: '非财政拨款结转结余', cols: ['12'] },
];

/** 三公 lines in the order section 十 states them. */
export const THREE_PUBLIC_LINES: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'abroad', name: '因公出国（境）费' },
  { key: 'vehicle.purchase', name: '公务用车购置费' },
  { key: 'vehicle.running', name: '公务用车运行费' },
  { key: 'reception', name: '公务接待费' },
];

export const PROCUREMENT_KEYS = ['goods', 'works', 'services', 'sme', 'micro'] as const;

/** 国有资产占用 (十二（三）): counts are whole numbers, values 万元, area 平方米. */
export const ASSET_KEYS = {
  buildingArea: 'building.area',
  buildingValue: 'building.value',
  generalCount: 'vehicle.general.count',
  generalValue: 'vehicle.general.value',
  enforcementCount: 'vehicle.enforcement.count',
  enforcementValue: 'vehicle.enforcement.value',
  otherVehicleCount: 'vehicle.other.count',
  otherVehicleValue: 'vehicle.other.value',
  furnitureValue: 'furniture.value',
  otherAssetsValue: 'other.value',
  equipment50: 'equipment50.count',
  equipment100: 'equipment100.count',
  planVehicles: 'plan.vehicles',
  planEquipment50: 'plan.equipment50.count',
  planEquipment100: 'plan.equipment100.count',
} as const;

/** 预算绩效 (十二（四）). Amounts default to the tables; counts default to the project rows. */
export const PERFORMANCE_KEYS = {
  overallCount: 'overall.count',
  fiscalCount: 'fiscal.count',
  nonFiscalCount: 'nonfiscal.count',
} as const;
