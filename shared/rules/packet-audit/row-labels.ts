import { budget2024 } from '../../templates/budget-2024';
import { type AuditContext, type AuditFinding, auditFinding } from './context';

/**
 * Rows that make no sense as printed (the importer records them): a coded row without a name,
 * and a unit row labelled with a project code instead of the unit's name. One finding per table
 * and kind, naming every row.
 */
export function rowLabelFindings(ctx: AuditContext): AuditFinding[] {
  const printed = ctx.session.document.narrative.printed;
  const out: AuditFinding[] = [];
  for (const { no, title } of budget2024.tables) {
    const unnamed = printed[`row.unnamed.t${no}`];
    if (unnamed) {
      out.push(
        auditFinding({
          rule: 'packet.row.unnamed',
          key: String(no),
          table: no,
          rowKey: 'total',
          row: title,
          expected: '',
          actual: unnamed,
          message: `表${no}“${title}”中科目 ${unnamed} 所在行没有印名称`,
        }),
      );
    }
    const coded = printed[`row.unitcode.t${no}`];
    if (coded) {
      out.push(
        auditFinding({
          rule: 'packet.row.unit.code',
          key: String(no),
          table: no,
          rowKey: 'total',
          row: title,
          expected: ctx.session.document.department,
          actual: coded,
          message: `表${no}“${title}”的单位行印的是编码“${coded}”，应为单位名称（如“${ctx.session.document.department}”）；已按本部门读取`,
        }),
      );
    }
  }
  return out;
}
