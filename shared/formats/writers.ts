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
} as const;

export type NarrativeWriter = keyof typeof NARRATIVE_WRITERS;
