import type { Finding } from '../../rules/finding';
import { auditFinding, wan } from '../../rules/packet-audit/context';
import { STATED_AMOUNT } from '../packet/stated-figure';
import { looseCents } from '../packet/tokens';

/**
 * 编制说明's changes against last year's budget, which it states without a rate (“一般公共预算拨款
 * 支出预算9,101.68万元，比2024年预算减少2,389.52万元”), so only against one another:
 *  - 财政拨款支出's change is the sum of its sources' (一般公共预算, 政府性基金, 国有资本经营; 持平 is 0);
 *  - 财政拨款收入 and 财政拨款支出 stated the same this year (a budget balances) change alike;
 *  - “财政拨款收入支出减少的主要原因” goes the way the changes it explains go.
 * Figures are in hundredths of 万元 as stated.
 */
const N = STATED_AMOUNT;
const VERSUS = `[，,](?:比|与|较)(?:\\d{4}|上)年度?(?:预算)?数?(增加|增长|减少|下降|持平)(?:${N}万元)?`;

interface Change {
  what: string;
  current: number;
  /** Signed; 0 for 持平. */
  change: number;
  said: string;
}

function stated(what: string, subject: string, text: string): Change | undefined {
  const m = new RegExp(`${subject}${N}万元${VERSUS}`).exec(text);
  if (!m) return undefined;
  const current = looseCents(m[1]!);
  const amount = m[2] === '持平' ? 0 : m[3] === undefined ? null : looseCents(m[3]);
  if (current === null || amount === null) return undefined;
  const sign = /减少|下降/.test(m[2]!) ? -1 : 1;
  return { what, current, change: sign * amount, said: m[0].replace(/^[，,]/, '') };
}

const word = (v: number) => (v === 0 ? '持平' : `${v > 0 ? '增加' : '减少'} ${wan(Math.abs(v))} 万元`);

export function shanghaiChangeFindings(compilation: string): Finding[] {
  const out: Finding[] = [];
  const push = (rule: 'packet.narrative.parts' | 'text.wording', key: string, row: string, expected: string, actual: string, message: string) =>
    out.push(auditFinding({ rule, key: `sh.change|${key}`, rowKey: 'sh.compilation', row: `编制说明：${row}`, expected, actual, message: `编制说明${message}` }));
  const income = stated('财政拨款收入', '财政拨款收入', compilation);
  const spending = stated('财政拨款支出预算', '财政拨款支出预算', compilation);
  const sources = [
    stated('一般公共预算拨款支出预算', '一般公共预算拨款支出预算', compilation),
    stated('政府性基金拨款支出预算', '政府性基金拨款支出预算', compilation),
    stated('国有资本经营预算拨款支出预算', '国有资本经营预算拨款支出预算', compilation),
  ];
  if (spending && sources.every((s) => s !== undefined)) {
    const parts = sources as Change[];
    const sum = parts.reduce((a, p) => a + p.change, 0);
    // Each figure is 元 rounded to 0.01 万元: with k sources that changed, the sum may drift k − 1 hundredths.
    const slack = Math.max(0, parts.filter((p) => p.change !== 0).length - 1);
    if (Math.abs(sum - spending.change) > slack) {
      const listed = parts.map((p) => `${p.what}${word(p.change)}`).join('，');
      push('packet.narrative.parts', 'sources', '财政拨款支出预算增减', wan(sum), wan(spending.change), `所述财政拨款支出预算比上年${word(spending.change)}，而其中各项比上年的增减合计为${word(sum)}（${listed}）`);
    }
  }
  if (income && spending && income.current === spending.current && income.change !== spending.change) {
    push(
      'packet.narrative.parts',
      'balance',
      '财政拨款收入与支出增减',
      wan(spending.change),
      wan(income.change),
      `所述财政拨款收入与财政拨款支出预算同为 ${wan(income.current)} 万元，比上年却一个${word(income.change)}、一个${word(spending.change)}（预算收支平衡，上年也相同，增减应一致）`,
    );
  }
  // “财政拨款收入支出减少的主要原因是…”: against the changes it explains, when they agree with each other.
  const reason = /财政拨款(收入支出|收入|支出)(增加|增长|减少|下降)的主要原因/.exec(compilation);
  if (reason) {
    const about = [reason[1]!.includes('收入') ? income : undefined, reason[1]!.includes('支出') ? spending : undefined].filter((c): c is Change => c !== undefined);
    const signs = new Set(about.map((c) => Math.sign(c.change)));
    const up = /增加|增长/.test(reason[2]!);
    const [sign] = [...signs];
    if (about.length > 0 && signs.size === 1 && sign !== (up ? 1 : -1)) {
      const said = about.map((c) => `${c.what}${word(c.change)}`).join('，');
      push('text.wording', 'reason', `财政拨款${reason[1]}${reason[2]}的主要原因`, sign === 0 ? '持平' : sign! > 0 ? '增加' : '减少', reason[2]!, `写“${reason[0]}”，而前文所述${said}`);
    }
  }
  return out;
}
