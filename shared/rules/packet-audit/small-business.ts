import { looseCents } from '../../importers/packet/tokens';
import { asPrinted, printedRate, rateReachable } from '../../narrative/final-accounts/comparison';
import { halfUpBasisPoints } from '../../narrative/shares';
import { type AuditContext, type AuditFinding, auditFinding, wan } from './context';
import { proseParts } from './text-scan';

/**
 * 政府采购's 中小企业 sentence against the 政府采购 total the same text states, in every format:
 * what is reserved for (预算) or awarded to (决算) 中小企业 is part of all 政府采购, and 小微企业's part
 * of 中小企业's; a share “占政府采购支出总额的 P%” is the amount over that total, within the rounding
 * of both figures (0.01 万元 each). Each is certain from the text alone: an error.
 */
const N = '(\\d[\\d,，]*(?:\\.\\d+)?)';
const TOTAL = new RegExp(`政府采购(?:预算(?:总额)?|支出总额|金额)(?:[（(][^）)]{0,12}[）)])?(?:为)?${N}万元`);
const SHARE = '(?:[，,]占(?:政府采购)?[^，。；%％]{0,12}?的?(\\d+(?:\\.\\d+)?)[%％])?';
const SME = new RegExp(`(?:面向中小企业预留政府采购项目预算(?:金额)?|授予中小企业合同金额)(?:为)?${N}万元${SHARE}`);
const MICRO = new RegExp(`(?:小微企业|小型和微型企业)的?(?:预留)?(?:政府采购项目预算(?:金额)?|合同金额)(?:为)?${N}万元${SHARE}`);

export function smallBusinessFindings(ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const p of proseParts(ctx)) {
    const t = TOTAL.exec(p.text);
    const total = t ? looseCents(t[1]!) : null;
    const sme = SME.exec(p.text);
    const smeCents = sme ? looseCents(sme[1]!) : null;
    if (!sme || smeCents === null) continue;
    const award = sme[0].startsWith('授予');
    const who = award ? '授予中小企业合同金额' : '面向中小企业预留政府采购项目预算金额';
    const whole = award ? '政府采购支出总额' : '政府采购预算总额';
    const push = (key: string, what: string, expected: string, actual: string, message: string, rule: 'packet.narrative.parts' | 'packet.narrative.share' = 'packet.narrative.parts') =>
      out.push(auditFinding({ rule, key: `text|${p.where}|中小企业|${key}`, rowKey: 'text', row: `${p.where}：${what}`, expected, actual, message: `${p.where}${message}` }));
    if (total !== null && smeCents > total) {
      push('sme', who, `≤${wan(total)}`, wan(smeCents), `所述${who} ${wan(smeCents)} 万元，超过所述${whole} ${wan(total)} 万元`);
    }
    const share = (key: string, what: string, part: number, printed: string | undefined) => {
      const rate = printed === undefined ? null : printedRate(printed);
      if (!rate || total === null || total === 0) return;
      const exact = halfUpBasisPoints(part, total);
      if (asPrinted(exact, rate.decimals) === rate.bp || rateReachable(rate, part, total, 0.5, 0.5)) return;
      const pct = `${(exact / 100).toFixed(2)}%`;
      push(key, `${what}占比`, pct, `${printed}%`, `所述${what} ${wan(part)} 万元占${whole}的 ${printed}%，按所述${whole} ${wan(total)} 万元应为 ${pct}`, 'packet.narrative.share');
    };
    share('sme.share', who, smeCents, sme[2]);
    const micro = MICRO.exec(p.text.slice(sme.index + sme[0].length, sme.index + sme[0].length + 200));
    const microCents = micro ? looseCents(micro[1]!) : null;
    if (!micro || microCents === null) continue;
    const microWho = award ? '授予小微企业合同金额' : '小微企业预留政府采购项目预算金额';
    if (microCents > smeCents) {
      push('micro', microWho, `≤${wan(smeCents)}`, wan(microCents), `所述${microWho} ${wan(microCents)} 万元，超过其所属的${who} ${wan(smeCents)} 万元（小微企业是中小企业的一部分）`);
    }
    share('micro.share', microWho, microCents, micro[2]);
  }
  return out;
}
