import { type AuditContext, type AuditFinding, NUM, SECTION, amount, auditFinding, wan } from './context';

/**
 * The shares of one whole (二 income sources, 三 基本/项目支出, 五（二） each 类) must add up to
 * 100%. Each share may be right on its own (half up) and the sum still be 100.01%: the shares
 * need rounding by largest remainder. Checked only when the parts listed make the whole.
 */
export function shareSumFindings(ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  const check = (section: number, label: string, text: string, whole: RegExp, part: RegExp) => {
    const total = amount(whole.exec(text)?.[1]);
    if (total === null || total === 0) return;
    let parts = 0;
    let shares = 0;
    let n = 0;
    for (const m of text.matchAll(part)) {
      const a = amount(m[1]);
      const s = amount(m[2]);
      if (a === null || s === null) continue;
      parts += a;
      shares += s;
      n++;
    }
    if (n < 2 || Math.abs(parts - total) > n || shares === 10000) return;
    const pct = `${wan(shares)}%`;
    out.push(
      auditFinding({
        rule: 'packet.narrative.shares',
        key: `${section}.${label}`,
        rowKey: `narrative.${section}`,
        row: `第三部分${SECTION[section]} ${label}占比合计`,
        expected: '100.00%',
        actual: pct,
        message: `第三部分${SECTION[section]}${label}各项占比之和为 ${pct}，不是 100%（各项按四舍五入算得，合计时应按最大余数法调整尾数）`,
      }),
    );
  };
  const share = new RegExp(`${NUM}万元[，,]占${NUM}%`, 'g');
  check(2, '收入', ctx.text(2), new RegExp(`收入预算${NUM}万元`), share);
  check(3, '支出', ctx.text(3), new RegExp(`支出预算${NUM}万元`), share);
  const s5 = ctx.text(5);
  const from = s5.search(/（二）|\(二\)/);
  const to = s5.search(/（三）|\(三\)/);
  if (from >= 0) {
    check(5, '一般公共预算各类', `${s5.slice(0, from).match(new RegExp(`拨款合计${NUM}万元`))?.[0] ?? ''}${s5.slice(from, to > from ? to : undefined)}`, new RegExp(`拨款合计${NUM}万元`), new RegExp(`（类）${NUM}万元[，,]占${NUM}%`, 'g'));
  }
  return out;
}
