/**
 * Paragraph writers a format's 情况说明 section can name (`narrative[].writer`); each is code in
 * shared/narrative/sections, bound in shared/narrative/generate.ts.
 */
export const NARRATIVE_WRITERS = {
  overview: '收支预算总体情况',
  income: '收入预算',
  expenditure: '支出预算',
  fiscal: '财政拨款收支总体情况',
  'general-budget': '一般公共预算当年拨款',
  basic: '一般公共预算基本支出',
  projects: '一般公共预算项目支出',
  'government-fund': '政府性基金预算拨款',
  'state-capital': '国有资本经营预算拨款',
  'three-public': '财政拨款“三公”经费',
  carryover: '上年结转结余',
  other: '其他重要事项',
  'sh-compilation': '部门预算编制说明（上海）',
  'sh-three-public': '“三公”经费预算情况（上海，表9）',
  'sh-running-cost': '机关运行经费预算（上海，表9）',
  'sh-procurement': '政府采购预算情况（上海）',
  'sh-performance': '绩效目标设置情况（上海）',
  'sh-assets': '国有资产占有使用情况（上海）',
  'sh-project-notes': '项目经费情况说明（上海部门预算，逐项目文字）',
  'fa-overview': '收入支出决算总体情况（决算）',
  'fa-income': '收入决算（决算）',
  'fa-expenditure': '支出决算（决算）',
  'fa-fiscal': '财政拨款收入支出决算总体情况（决算）',
  'fa-general-budget': '一般公共预算财政拨款支出决算（决算）',
  'fa-basic': '一般公共预算财政拨款基本支出决算（决算）',
  'fa-three-public': '财政拨款“三公”经费支出决算（决算）',
  'fa-government-fund': '政府性基金预算财政拨款收入支出决算（决算）',
  'fa-state-capital': '国有资本经营预算财政拨款收入支出决算（决算）',
  'fa-performance': '预算绩效管理情况（决算）',
  'fa-other': '其他重要事项（决算：机关运行经费、政府采购、国有资产）',
} as const;

export type NarrativeWriter = keyof typeof NARRATIVE_WRITERS;
