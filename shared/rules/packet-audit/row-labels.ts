import { budget2024 } from '../../templates/budget-2024';
import { type AuditContext, type AuditFinding, auditFinding } from './context';

/**
 * Rows that make no sense as printed (the importer records them): a coded row without a name,
 * and a unit row labelled with a code (a project code, a 项 code) or a project's name instead of
 * the unit's name, or with no name. One finding per table and kind, naming every row.
 */
export function rowLabelFindings(ctx: AuditContext): AuditFinding[] {
  const printed = ctx.session.document.narrative.printed;
  const department = ctx.session.document.department;
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
    const named = printed[`row.unitproject.t${no}`];
    if (named) {
      out.push(
        auditFinding({
          rule: 'packet.row.unit.project',
          key: String(no),
          table: no,
          rowKey: 'unit',
          row: title,
          expected: department,
          actual: named,
          message: `表${no}“${title}”总计下的单位行印的是项目名称“${named}”，应为单位名称（如“${department}”）；已按本部门读取`,
        }),
      );
    }
    if (printed[`row.unitunnamed.t${no}`]) {
      out.push(
        auditFinding({
          rule: 'packet.row.unit.unnamed',
          key: String(no),
          table: no,
          rowKey: 'unit',
          row: title,
          expected: department,
          actual: '',
          message: `表${no}“${title}”总计下的单位行没有印单位名称（应为“${department}”）；已按本部门读取`,
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
