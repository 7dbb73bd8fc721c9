import { formatWan } from '../money';
import { RULES, type RuleId } from './catalog';

export interface MessageParts {
  rule: RuleId;
  tableName: string;
  row: string;
  column: string;
  actual: number;
  expected: number;
  /** A format's own wording of the identity, used instead of the rule's title. */
  title?: string;
}

const w = (fen: number) => formatWan(fen);

/** The sentence an accountant reads: what is wrong, where, by how much. */
export function findingMessage(p: MessageParts): string {
  const at = `${p.tableName}“${p.row}”${p.column}`;
  const diff = `相差 ${w(Math.abs(p.actual - p.expected))}`;
  switch (p.rule) {
    case 'sum.rows':
      return `${at}印制为 ${w(p.actual)}，下级各行之和为 ${w(p.expected)}（${diff}）`;
    case 'sum.columns':
      return `${at}印制为 ${w(p.actual)}，本行各组成栏之和为 ${w(p.expected)}（${diff}）`;
    case 'sum.lines':
      return `${at}印制为 ${w(p.actual)}，按其来源计算应为 ${w(p.expected)}（${diff}）`;
    case 't10.t6.below':
      return `${at}为 ${w(p.actual)}，少于表6 对应经济科目的 ${w(p.expected)}（${diff}）`;
    case 't10.t6.above':
      return `${at}为 ${w(p.actual)}，多于表6 对应经济科目的 ${w(p.expected)}；如项目支出也安排了此项费用可忽略`;
    case 't6.personnel':
      return `${at}有 ${w(p.actual)}：工资福利支出、对个人和家庭的补助一般列人员经费，不列公用经费`;
    case 't6.public':
      return `${at}有 ${w(p.actual)}：商品和服务支出一般列公用经费，不列人员经费`;
    default:
      return `${at}为 ${w(p.actual)}，应为 ${w(p.expected)}（${diff}）——${p.title ?? RULES[p.rule].title}`;
  }
}
