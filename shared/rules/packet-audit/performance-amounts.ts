import { type AuditContext, type AuditFinding, NUM, amount, auditFinding, wan } from './context';

/**
 * 十二（四） as printed: the amount the overall target covers (the whole budget, 表1 收入总计),
 * the fiscal projects' count and amount (表7), the non-fiscal projects' amount (表3), and the 部门整体绩效目标表's 资金来源: 上级安排 +
 * 本级安排 is the fiscal money (表1 财政拨款 and its 结转), 其他 the rest. 上级安排 beyond the
 * transfers and fiscal carry-over is a 提示.
 */
export function performanceAmountFindings(ctx: AuditContext): AuditFinding[] {
  const t = ctx.text(12);
  const out: AuditFinding[] = [];
  const row = '第三部分十二（四） 预算绩效情况';
  const push = (key: string, what: string, actual: number, expected: number, against: string, link?: string, severity?: AuditFinding['severity']) => {
    out.push(
      auditFinding({
        rule: 'packet.narrative.performance',
        key,
        rowKey: 'narrative.12',
        row: `${row} ${what}`,
        expected: wan(expected),
        actual: wan(actual),
        message: `第三部分十二（四）${what}为 ${wan(actual)} 万元，${against}为 ${wan(expected)} 万元（相差 ${wan(Math.abs(actual - expected))}）`,
        ...(link ? { link } : {}),
        ...(severity ? { severity } : {}),
      }),
    );
  };
  const c1 = (row: string) => ctx.cell(1, row, '1');
  const total = c1('in.total');
  // A figure that equals what the table's parts add to, where the table printed another total,
  // is the table's error (reported there), not the text's.
  const against = (key: string, what: string, v: number, expected: number, computed: number, cell: string, label: string) => {
    if (v === expected) return;
    push(key, what, v, expected, label, v === computed ? cell : undefined);
  };
  const overall = amount(new RegExp(`整体(?:预算)?绩效目标\\d+个[，,]涉及(?:预算)?金额${NUM}万元`).exec(t)?.[1]);
  if (overall !== null) against('overall', '整体绩效目标涉及金额', overall, total, ctx.computed(1, 'in.total', '1'), '1|in.total|1', '表1 收入总计');
  const fiscal = new RegExp(`当年财政拨款项目(\\d+)个[，,]涉及(?:预算)?金额${NUM}万元`).exec(t);
  const t7 = ctx.cell(7, 'total', '1');
  const projects = ctx.session.document.projectRows.length;
  if (fiscal) {
    const v = amount(fiscal[2]);
    if (v !== null && v !== t7) push('fiscal.amount', '当年财政拨款项目涉及金额', v, t7, '表7 项目支出合计');
    const count = Number(fiscal[1]);
    if (count !== projects && projects > 0) {
      out.push(
        auditFinding({
          rule: 'packet.narrative.performance',
          key: 'fiscal.count',
          rowKey: 'narrative.12',
          row: `${row} 当年财政拨款项目个数`,
          expected: String(projects),
          actual: String(count),
          message: `第三部分十二（四）写当年财政拨款项目 ${count} 个，表7 列有 ${projects} 个项目`,
        }),
      );
    }
  }
  // This year's non-fiscal projects: 表3 项目支出 less the fiscal ones (表5, 表8, 表9) and less the
  // carried-over projects of 表11 (表3 spends them, “当年” does not count them). A 提示: some
  // 单位资金 project money may not be set up as a project with targets.
  const nonFiscal = new RegExp(`当年非财政拨款项目(\\d+)个[，,]涉及(?:预算)?金额${NUM}万元`).exec(t);
  if (nonFiscal) {
    const v = amount(nonFiscal[2]);
    const fiscalProjects = ctx.cell(5, 'total', '3') + ctx.cell(8, 'total', '4') + ctx.cell(9, 'total', '4');
    const carried = ctx.cell(11, 'total', '5') + ctx.cell(11, 'total', '9');
    const expected = ctx.cell(3, 'total', '3') - fiscalProjects - carried;
    if (v !== null && v !== expected) {
      const less = carried ? `、上年结转结余项目支出（表11 共 ${wan(carried)}）` : '';
      push('nonfiscal.amount', '当年非财政拨款项目涉及金额', v, expected, `表3 项目支出（${wan(ctx.cell(3, 'total', '3'))}）减财政拨款项目支出（表5、表8、表9 共 ${wan(fiscalProjects)}）${less}`, undefined, 'warning');
    }
  }
  // 资金来源 of the 部门整体绩效目标表 (read from the text; tab-separated or not).
  const src = (label: string) => amount(new RegExp(`${label}${NUM}(?:万元)?`).exec(t)?.[1]);
  const superior = src('上级安排');
  const own = src('本级安排');
  const other = src('其他资金(?:[（(]万元[）)])?其他');
  if (superior === null || own === null) return out;
  const fiscalIn = c1('in.gb') + c1('in.fund') + c1('in.soe') + c1('in.carry.fiscal');
  if (superior + own !== fiscalIn) push('source.fiscal', '部门整体绩效目标表 财政资金（上级安排＋本级安排）', superior + own, fiscalIn, '表1 财政拨款与财政拨款结转之和');
  if (other !== null) {
    const otherIn = c1('in.special') + c1('in.unit') + c1('in.carry.nonfiscal');
    if (other !== otherIn) push('source.other', '部门整体绩效目标表 其他资金', other, otherIn, '表1 财政专户、单位资金与非财政拨款结转结余之和');
  }
  const transfers = c1('in.gb.transfer') + c1('in.fund.transfer') + c1('in.soe.transfer');
  if (superior < transfers || superior > transfers + c1('in.carry.fiscal')) {
    push('source.superior', '部门整体绩效目标表 上级安排', superior, transfers, '表1 上级转移支付', undefined, 'warning');
  }
  return out;
}
