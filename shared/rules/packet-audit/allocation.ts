import { type AuditContext, type AuditFinding, NUM, amount, auditFinding, wan } from './context';

/**
 * 七, per project: 预算安排规模 is the project's table 7 amount, and the amounts its 资金分配情况
 * lists add up to it. A list with a subtotal (“用于 X 40 万元，其中：…”) is read both ways.
 */
export function allocationFindings(ctx: AuditContext): AuditFinding[] {
  const doc = ctx.session.document;
  const out: AuditFinding[] = [];
  for (const [key, info] of Object.entries(doc.narrative.projects)) {
    const row = doc.projectRows.find((p) => p.id === key);
    const name = row?.project ?? key;
    const scale = amount(new RegExp(`^${NUM}`).exec((info.scale ?? '').replace(/\s+/g, ''))?.[1]);
    if (scale === null) continue;
    const where = `第三部分七 项目“${name}”`;
    if (row) {
      const t7 = ctx.cell(7, `p:${row.id}`, '1');
      if (t7 !== scale) {
        out.push(
          auditFinding({
            rule: 'packet.narrative.allocation',
            key: `${key}.scale`,
            table: 7,
            rowKey: `p:${row.id}`,
            row: `${where} 预算安排规模`,
            column: '1',
            expected: wan(t7),
            actual: wan(scale),
            message: `${where}的预算安排规模为 ${wan(scale)} 万元，表7 该项目为 ${wan(t7)} 万元`,
          }),
        );
      }
    }
    const parts = [...(info.allocation ?? '').replace(/\s+/g, '').matchAll(new RegExp(`${NUM}万元`, 'g'))].map((m) => amount(m[1]) ?? 0);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, x) => s + x, 0);
    const withSubtotal = parts.includes(scale) && sum - scale === scale;
    if (sum === scale || withSubtotal) continue;
    out.push(
      auditFinding({
        rule: 'packet.narrative.allocation',
        key: `${key}.allocation`,
        rowKey: 'narrative.7',
        row: `${where} 资金分配情况`,
        expected: wan(scale),
        actual: wan(sum),
        message: `${where}的资金分配情况所列各项合计 ${wan(sum)} 万元，预算安排规模为 ${wan(scale)} 万元（相差 ${wan(Math.abs(sum - scale))}）`,
      }),
    );
  }
  return out;
}
