import { looseCents } from '../../importers/packet/tokens';
import { type AuditContext, type AuditFinding, auditFinding, wan } from './context';
import { proseParts } from './text-scan';

/**
 * “三公”经费 against last year: the change the text states for the total must be the sum of the
 * changes it states for 因公出国（境）费, 公务用车 (as one, or 购置 and 运行 apart) and 公务接待费,
 * in every format (持平 is 0). Checked only when every part's change is stated.
 */
const N = '(\\d[\\d,，]*(?:\\.\\d+)?)';
const CHANGE = `(?:(增加|减少)${N}万元|持平)`;
const TOTAL = new RegExp(`“三公”经费[^。；]{0,60}?${CHANGE}`);
const part = (name: string) => new RegExp(`${name}[^。；]{0,60}?${CHANGE}`);
const ABROAD = part('因公出国[（(]境[）)]费');
const RECEPTION = part('公务接待费');
const CARS = part('公务用车购置及运行(?:维护)?费');
const PURCHASE = part('公务用车购置费');
const RUNNING = part('公务用车运行(?:维护)?费');

/** A matched change in hundredths of 万元, signed; 持平 is 0. */
function signed(m: RegExpExecArray | null): number | null {
  if (!m) return null;
  if (m[1] === undefined) return 0;
  const v = looseCents(m[2]!);
  return v === null ? null : m[1] === '减少' ? -v : v;
}

export function threePublicChangeFindings(ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const p of proseParts(ctx)) {
    const t = TOTAL.exec(p.text);
    const total = signed(t);
    if (!t || total === null) continue;
    // The parts follow the total, within its paragraph of 其中.
    const rest = p.text.slice(t.index + t[0].length, t.index + t[0].length + 1500);
    const abroad = signed(ABROAD.exec(rest));
    const reception = signed(RECEPTION.exec(rest));
    const together = signed(CARS.exec(rest));
    const purchase = signed(PURCHASE.exec(rest));
    const running = signed(RUNNING.exec(rest));
    const cars = together ?? (purchase !== null && running !== null ? purchase + running : null);
    if (abroad === null || reception === null || cars === null) continue;
    const sum = abroad + cars + reception;
    if (sum === total) continue;
    const word = (v: number) => (v === 0 ? '持平' : `${v > 0 ? '增加' : '减少'} ${wan(Math.abs(v))} 万元`);
    out.push(
      auditFinding({
        rule: 'packet.narrative.parts',
        key: `text|${p.where}|三公增减`,
        rowKey: 'text',
        row: `${p.where}：“三公”经费增减`,
        expected: wan(sum),
        actual: wan(total),
        message: `${p.where}所述“三公”经费比上年${word(total)}，而因公出国（境）费、公务用车、公务接待费各自的增减合计为${word(sum)}`,
      }),
    );
  }
  return out;
}
