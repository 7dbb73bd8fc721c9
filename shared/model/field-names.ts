/** Chinese names of document fields, so a validation error says where in words an accountant knows. */
export const FIELD_NAMES: Record<string, string> = {
  format: '文件类型标识',
  version: '格式版本',
  template: '表格格式',
  customFormat: '随文档保存的表格格式',
  department: '部门名称',
  year: '预算年度',
  unit: '金额单位',
  subUnits: '下属单位',
  profile: '部门概况',
  functionRows: '功能分类科目行',
  economicRows: '经济分类科目行',
  projectRows: '项目行',
  carryoverRows: '结转结余项目行',
  fixed: '固定行单元格',
  names: '科目名称',
  printed: '印制数',
  priorYear: '上年预算数',
  initialBudget: '年初预算数',
  totals: '合计',
  fundItems: '政府性基金支出项目',
  soeItems: '国有资本经营支出项目',
  narrative: '情况说明',
  values: '金额',
  code: '科目编码',
  project: '项目名称',
  glossary: '名词解释',
  classification: '科目分类表',
  comments: '批注',
  performanceTargets: '绩效目标表',
  overall: '部门整体',
  projects: '项目',
  fiscal: '财政资金',
  superior: '上级安排',
  own: '本级安排',
  procurement: '政府采购',
  income: '收入',
  basic: '基本支出',
  gbItems: '一般公共预算支出项目',
  threePublic: '“三公”经费',
  runningCosts: '机关运行经费',
};

/**
 * `功能分类科目行（functionRows） → 第 1 项 → 金额（values） → 2.3`: a field path in words. Only the
 * table's own names are looked up: a key a document makes up (`__proto__`, `toString`) is printed
 * as written, not as what `Object.prototype` holds under that name (`[object Object]`).
 */
export function describePath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '文件';
  return path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : Object.hasOwn(FIELD_NAMES, p) ? `${FIELD_NAMES[p]}（${p}）` : p)).join(' → ');
}
