import { type AuditContext, type AuditFinding, auditFinding, wan } from './context';

/**
 * What the budget rules tie between the economic and the functional side of basic expenditure:
 * a social-insurance or housing-fund 款 of table 6 is paid from its own function 项 in table 5
 * (basic column). A difference is a 提示: a department may pay part elsewhere, but usually it is
 * a slip in one of the two tables.
 */
const PAIRS: ReadonlyArray<{ economic: string; name: string; functions: string[]; names: string }> = [
  { economic: '30108', name: '机关事业单位基本养老保险缴费', functions: ['2080505'], names: '2080505 机关事业单位基本养老保险缴费支出' },
  { economic: '30109', name: '职业年金缴费', functions: ['2080506'], names: '2080506 机关事业单位职业年金缴费支出' },
  { economic: '30110', name: '职工基本医疗保险缴费', functions: ['2101101', '2101102'], names: '2101101 行政单位医疗 + 2101102 事业单位医疗' },
  { economic: '30111', name: '公务员医疗补助缴费', functions: ['2101103'], names: '2101103 公务员医疗补助' },
  { economic: '30113', name: '住房公积金', functions: ['2210201'], names: '2210201 住房公积金' },
];

export function crosswalkFindings(ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const p of PAIRS) {
    const economic = ctx.cell(6, p.economic, '1');
    const functional = p.functions.reduce((s, code) => s + ctx.cell(5, code, '2'), 0);
    if (economic === functional) continue;
    out.push(
      auditFinding({
        rule: 'crosswalk.t6.t5',
        key: p.economic,
        table: 6,
        rowKey: p.economic,
        row: `${p.economic} ${p.name}`,
        column: '1',
        expected: wan(functional),
        actual: wan(economic),
        message: `表6“${p.economic} ${p.name}”为 ${wan(economic)} 万元，表5 基本支出 ${p.names} 为 ${wan(functional)} 万元（相差 ${wan(Math.abs(economic - functional))}）；两者通常相等，请核对`,
      }),
    );
  }
  return out;
}
