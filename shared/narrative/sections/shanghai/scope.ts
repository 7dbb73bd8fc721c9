import { documentKind } from '../../../formats/labels';
import type { FormatTemplate } from '../../../templates/types';

/**
 * Whose packet a Shanghai format prints (its cover: 部门预算 or 单位预算): a 部门's (its units
 * together) or one 预算单位's. The text says 本部门 / 本单位 accordingly, and only a 部门 counts the
 * units that set performance targets.
 */
export function shanghaiScope(format: FormatTemplate | undefined): '部门' | '单位' {
  return format && documentKind(format).startsWith('单位') ? '单位' : '部门';
}
