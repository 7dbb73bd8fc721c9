import type { ZodIssue } from 'zod';

/** One schema problem in Chinese, at the place `where` names (a document field or a format field). */
export function describeZodIssue(issue: ZodIssue, where: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? `${where}：缺少此项` : `${where}：类型不对（应为 ${issue.expected}，实际为 ${issue.received}）`;
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
