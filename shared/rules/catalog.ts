export type Severity = 'error' | 'warning';

export interface RuleDef {
  id: string;
  severity: Severity;
  /** What the rule asks, in the words of the packet. */
  title: string;
}

/** Every consistency rule, with a stable id. Severity `error` = 错误, `warning` = 提示. */
export const RULES = {
  'sum.rows': { severity: 'error', title: '印制的合计数等于下级各行之和（项→款→类→总计）' },
  'sum.columns': { severity: 'error', title: '印制的合计栏等于各组成栏之和' },
  'sum.lines': { severity: 'error', title: '印制数等于其计算来源（本表各行或其他表的对应数）' },
  'printed.orphan': { severity: 'error', title: '印制了表中不应有的行或栏' },
  't1.balance': { severity: 'error', title: '表1 收入总计等于支出总计' },
  't1.breakdown': { severity: 'error', title: '表1 “其中”各行之和等于上一级' },
  't3.t2': { severity: 'error', title: '表3 合计等于表2 总计（逐行）' },
  't5.t2': { severity: 'error', title: '表5 合计等于表2 一般公共预算与上级转移支付之和（逐行）' },
  't8.t2': { severity: 'error', title: '表8 合计等于表2 政府性基金两栏之和（逐行）' },
  't9.t2': { severity: 'error', title: '表9 合计等于表2 国有资本经营两栏之和（逐行）' },
  't4.balance': { severity: 'error', title: '表4 收入总计等于支出总计' },
  't6.t5': { severity: 'error', title: '表6 总计等于表5 基本支出总计' },
  't7.t5': { severity: 'error', title: '表7 各项目之和等于表5 同一科目的项目支出' },
  't10.t6.below': { severity: 'error', title: '表10 “三公”经费不少于表6 对应经济科目' },
  't10.t6.above': { severity: 'warning', title: '表10 “三公”经费多于表6 对应经济科目（项目也安排时才会如此）' },
  't11.t1': { severity: 'error', title: '表11 总计等于表1 上年结转结余' },
  't11.t2.fiscal': { severity: 'error', title: '表11 财政拨款合计等于表2 财政拨款结转' },
  't11.t2.nonfiscal': { severity: 'error', title: '表11 非财政拨款合计等于表2 非财政拨款结转结余' },
  't6.personnel': { severity: 'warning', title: '工资福利、对个人和家庭的补助一般列人员经费' },
  't6.public': { severity: 'warning', title: '商品和服务支出一般列公用经费' },
  'format.identity': { severity: 'error', title: '表格格式声明的表间核对关系成立' },
  'rounding.adjusted': { severity: 'warning', title: '按元录入后折算万元时为使合计相符调整了尾差' },
  'code.unknown': { severity: 'warning', title: '编码不在科目表中' },
  'code.name': { severity: 'warning', title: '科目名称与科目表不一致' },
  'row.duplicate': { severity: 'error', title: '同一科目或项目重复录入' },
  'packet.narrative.table': { severity: 'error', title: '已公开文件的情况说明中的金额与公开表不一致' },
  'packet.narrative.share': { severity: 'error', title: '已公开文件的情况说明中的占比与所述金额不符' },
  'packet.narrative.rate': { severity: 'error', title: '已公开文件的情况说明中的增减率与增减额、上年数不符' },
  'packet.narrative.comparison': {
    severity: 'error',
    title: '已公开部门决算情况说明中决算数与年初预算、上年的比较（大于/小于/等于、增加/减少、完成率、增减率）与所述金额相符',
  },
  'packet.narrative.sum': { severity: 'error', title: '已公开文件五（三）各项增减额之和与五（一）的增减合计一致' },
  'packet.tables.absent': { severity: 'warning', title: '导入的部门决算文件未附公开表：各表为空，打印前须录入（否则表和情况说明印出的数都是 0）' },
  'packet.narrative.parts': { severity: 'error', title: '情况说明中所列各项之和等于所述合计（政府采购、车辆；未附公开表的部门决算另有收入、支出、“三公”经费等）' },
  'packet.narrative.restated': { severity: 'error', title: '未附公开表的部门决算情况说明中，同一个数在各处所述相同' },
  'packet.narrative.shares': { severity: 'warning', title: '已公开文件中同一总数的各项占比合计为 100%' },
  'packet.narrative.performance': { severity: 'error', title: '已公开文件十二（四）绩效目标的金额、个数与公开表一致' },
  'packet.narrative.allocation': { severity: 'error', title: '已公开文件七的预算安排规模与表7 一致，资金分配各项之和等于预算安排规模' },
  'packet.narrative.staff': { severity: 'error', title: '已公开文件中的人数及其增减与第一部分一致' },
  'packet.narrative.staff.target': { severity: 'warning', title: '绩效目标中的保障人数不多于第一部分的实有人数' },
  'crosswalk.t6.t5': { severity: 'warning', title: '表6 社会保障缴费、住房公积金与表5 对应功能科目的基本支出一致' },
  'text.placeholder': { severity: 'error', title: '文字中留有占位符（XX、××、待填写、……、{单位}、undefined、NaN）' },
  'text.year': { severity: 'error', title: '标题和年度用语中的年份应为本年度（或“截至上年底”）' },
  'text.doubled': { severity: 'error', title: '文字中有重复的词（如“预算预算”）' },
  'text.punctuation': { severity: 'warning', title: '标点重复或中英文标点混用（如“。。”“，,”）' },
  'text.latin': { severity: 'error', title: '中文句子中夹有英文单词（如“规范 and 标准”）' },
  'text.department': { severity: 'error', title: '文字中以部门自称之处写的是本部门（不是别的部门的名称）' },
  'text.wording': { severity: 'error', title: '增减用语自相矛盾（如“增加持平”、金额为 0 却“增加”）' },
  'packet.row.unnamed': { severity: 'error', title: '公开表中有编码的行应印有名称' },
  'packet.row.unit.code': { severity: 'error', title: '单位行应印单位名称，而不是项目编码' },
  'packet.row.unit.project': { severity: 'error', title: '单位行应印单位名称，而不是项目名称' },
  'packet.row.unit.unnamed': { severity: 'error', title: '单位行应印单位名称' },
  'table.empty.sentence': { severity: 'error', title: '空表应写明“为空表”，且说明的是本表' },
  'narrative.override.number': { severity: 'error', title: '手工改写的情况说明段落中的数字与预算表不一致' },
  'narrative.input.missing': { severity: 'warning', title: '情况说明缺少需填写的内容（上年预算数、主要原因等）' },
  'narrative.reason.direction': { severity: 'warning', title: '填写的主要原因与增减方向相反（增减方向变化后需复核原因）' },
  'performance.weights': { severity: 'error', title: '绩效目标表各指标分值权重合计应为 100' },
  'performance.weight.invalid': { severity: 'error', title: '绩效目标表分值权重应为数字' },
  'performance.amount': { severity: 'error', title: '绩效目标表金额与预算表一致' },
} as const satisfies Record<string, Omit<RuleDef, 'id'>>;

export type RuleId = keyof typeof RULES;

export function isRuleId(x: string): x is RuleId {
  return Object.hasOwn(RULES, x);
}
