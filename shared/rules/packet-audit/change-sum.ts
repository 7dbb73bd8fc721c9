import { type AuditContext, type AuditFinding, NUM, amount, auditFinding, wan } from './context';
import { roundingNote } from './hints';

/**
 * 五（三） lists each general-budget 项 with its change against last year; together they must
 * make the change 五（一） states for 基本支出 and 项目支出. Checked only when the items listed
 * are all of them (their amounts add to the 拨款合计 within rounding).
 */
export function changeSumFindings(ctx: AuditContext): AuditFinding[] {
  const s5 = ctx.text(5);
  const cut = s5.search(/（三）|\(三\)/);
  if (cut < 0) return [];
  const head = s5.slice(0, cut);
  const items = s5.slice(cut);
  const change = (text: string, what: string) => {
    const m = new RegExp(`${what}${NUM}万元[，,]比上年(?:预算)?(增加|减少)${NUM}万元`).exec(text);
    const d = amount(m?.[3]);
    return m && d !== null ? (m[2] === '减少' ? -d : d) : null;
  };
  const basic = change(head, '基本支出');
  const project = change(head, '项目支出');
  const total = amount(new RegExp(`拨款合计${NUM}万元`).exec(head)?.[1]);
  if (basic === null || project === null || total === null) return [];
  let sum = 0;
  let amounts = 0;
  let n = 0;
  for (const m of items.matchAll(new RegExp(`（项）[:：]?(?:\\d{4}年)?预算数为${NUM}万元[，,]比上年(?:预算)?(增加|减少)${NUM}万元`, 'g'))) {
    const a = amount(m[1]);
    const d = amount(m[3]);
    if (a === null || d === null) continue;
    amounts += a;
    sum += m[2] === '减少' ? -d : d;
    n++;
  }
  // A partial list (only the main 项) cannot be summed against the whole.
  if (n === 0 || Math.abs(amounts - total) > n) return [];
  const net = basic + project;
  if (sum === net) return [];
  // When the listed amounts miss the printed 合计 by the same cents, last year's figures agree and
  // the difference is the printed total's own (reported at table 5); it joins that finding.
  const sameCause = amounts - total === sum - net;
  return [
    auditFinding({
      rule: 'packet.narrative.sum',
      key: '5.3',
      rowKey: 'narrative.5',
      row: '第三部分五（三） 各项增减额之和',
      expected: wan(net),
      actual: wan(sum),
      message: `第三部分五（三）各项比上年的增减额之和为 ${wan(sum)} 万元，五（一）基本支出与项目支出的增减额合计为 ${wan(net)} 万元（相差 ${wan(Math.abs(sum - net))}）${
        sameCause ? `；各项本年预算数之和 ${wan(amounts)} 与拨款合计 ${wan(total)} 相差同样的数，差额来自印制的合计` : ''
      }${roundingNote(sum - net)}`,
      ...(sameCause ? { link: '5|total|1' } : {}),
    }),
  ];
}
