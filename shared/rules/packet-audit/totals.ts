import { type AuditContext, type AuditFinding, NUM, amount, auditFinding, wan } from './context';

/** 四 states 财政拨款收支总预算; it is table 4's 收入总计. */
export function fiscalTotalFindings(ctx: AuditContext): AuditFinding[] {
  const v = amount(new RegExp(`财政拨款收支总预算${NUM}万元`).exec(ctx.text(4))?.[1]);
  if (v === null) return [];
  const t4 = ctx.cell(4, 'in.total', '1');
  if (v === t4) return [];
  return [
    auditFinding({
      rule: 'packet.narrative.table',
      key: '4|财政拨款收支总预算',
      table: 4,
      rowKey: 'narrative.4',
      row: '第三部分四 财政拨款收支总预算',
      column: '1',
      expected: wan(t4).replace(/,/g, ''),
      actual: wan(v).replace(/,/g, ''),
      message: `第三部分四写“财政拨款收支总预算”为 ${wan(v)}万元，表4 收入总计为 ${wan(t4)}万元`,
      ...(v === ctx.computed(4, 'in.total', '1') ? { link: '4|in.total|1' } : {}),
    }),
  ];
}
