import { budget2024 } from '../../templates/budget-2024';
import { type AuditContext, type AuditFinding, auditFinding } from './context';

/**
 * A table printed without data must say so (“…为空表。”), and say it of itself: a 表9 sentence
 * that names 政府性基金预算支出情况表 was copied from 表8. A table with data must not say it is
 * empty. Only tables the packet printed are checked (the importer records their sentence).
 */
export function emptyTableFindings(ctx: AuditContext): AuditFinding[] {
  const printed = ctx.session.document.narrative.printed;
  const out: AuditFinding[] = [];
  const titles = budget2024.tables.map((t) => ({ no: t.no, title: t.title }));
  for (const { no, title } of titles) {
    const sentence = printed[`empty.t${no}`];
    if (sentence === undefined || no === 1 || no === 4) continue;
    const empty = ctx.cell(no, 'total', '1') === 0;
    const push = (key: string, message: string, severity: AuditFinding['severity']) =>
      out.push(auditFinding({ rule: 'table.empty.sentence', key: `${no}.${key}`, table: no, rowKey: 'total', row: title, expected: '', actual: sentence, message, severity }));
    if (empty && sentence === '') push('missing', `表${no}“${title}”没有数据，也没有写明“${title}为空表”`, 'warning');
    else if (!empty && sentence !== '') push('data', `表${no}“${title}”印有数据，却又写明为空表：“${sentence}”`, 'error');
    else if (sentence !== '') {
      const other = titles.find((t) => t.no !== no && sentence.includes(t.title) && !title.includes(t.title));
      if (other && !sentence.includes(title)) push('other', `表${no}“${title}”下的空表说明写的是另一张表（${other.title}）：“${sentence}”`, 'error');
    }
  }
  return out;
}
