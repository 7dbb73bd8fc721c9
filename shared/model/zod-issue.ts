import type { ZodIssue } from 'zod';

/** One schema problem in Chinese, at the place `where` names (a document field or a format field). */
export function describeZodIssue(issue: ZodIssue, where: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? `${where}：缺少此项` : `${where}：类型不对（应为${typeName(issue.expected)}，实际为${typeName(issue.received)}）`;
    case 'too_small':
    case 'too_big':
      return `${where}：${CJK.test(issue.message) ? issue.message : sizeText(issue)}`;
    case 'invalid_literal':
      return `${where}：应为 ${JSON.stringify(issue.expected)}`;
    case 'invalid_enum_value':
      return `${where}：只能是 ${issue.options.join('、')}`;
    case 'unrecognized_keys':
      return `${where}：有不认识的项 ${issue.keys.join('、')}`;
    case 'invalid_union_discriminator':
      return `${where}：只能是 ${issue.options.map(String).join('、')}`;
    default:
      return `${where}：${issue.message}`;
  }
}

/** A schema's own message is kept when it is Chinese (`部门名称不能为空`); zod's defaults are English. */
const CJK = /[\u4e00-\u9fff]/;

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', integer: '整数', float: '小数', boolean: '是/否', object: '对象', array: '列表', null: '空值', nan: '非数字', bigint: '整数',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;

/** A bound broken, in Chinese: “不能大于 2200”, “不能超过 200 个字”, “不能为空”. */
function sizeText(issue: ZodIssue & { code: 'too_small' | 'too_big' }): string {
  const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const unit = issue.type === 'string' ? ' 个字' : issue.type === 'array' || issue.type === 'set' ? ' 项' : '';
  if (issue.code === 'too_small') {
    if (n === 1 && unit !== '') return '不能为空';
    return unit ? `至少 ${n}${unit}` : issue.inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
  }
  return unit ? `不能超过 ${n}${unit}` : issue.inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
}
