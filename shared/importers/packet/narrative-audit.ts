import type { BudgetSession } from '../../engine/session';
import type { RuleId } from '../../rules/catalog';
import type { Finding } from '../../rules/finding';
import { FUNCTION_CLASSES } from '../../templates/budget-2024';
import { tableViewCell } from '../../views/table-view';
import { INCOME_SOURCES } from '../../narrative/keys';
import { finalAccountsNarrativeFindings } from '../final-accounts/narrative-audit';
import { hasFinalAccountsText } from '../final-accounts/printed-sections';
import { shanghaiNarrativeFindings } from '../shanghai/narrative-audit';
import { SH_PRINTED } from '../shanghai/narrative-text';
import { INCOME, NUM } from './narrative';
import { centsText, looseCents } from './tokens';

/**
 * The narrative of an imported packet (第三部分 as printed) audited against its own tables and
 * against itself: stated amounts that differ from the table cell they report, shares that do
 * not follow from the part and the whole, and growth rates that do not follow from the change
 * and last year's figure. A rate that the printed (rounded) figures cannot give but exact 元
 * figures could is a 提示, not an error.
 */
/** `1、一般公共服务支出（类）`: the number starts a digit run, the name is bounded (no rescans of long runs). */
const CLASS_ITEM = '(?<!\\d)\\d{1,3}、([^、（）]{1,60}?)（类）';
const SECTION_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

interface Stated {
  section: number;
  what: string;
  actual: number;
  expected: number;
  kind: 'amount' | 'share' | 'rate';
  soft?: boolean;
  /** The text names a row (a 项) that the table does not have. */
  missing?: boolean;
  table?: number;
  column?: string;
}

function pctText(bp: number): string {
  return `${(bp / 100).toFixed(2)}%`;
}

/** Percent in hundredths of a percent (basis points), half up; null when the whole is 0. */
function ratio(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const num = BigInt(Math.abs(part)) * 20000n;
  const den = BigInt(Math.abs(whole));
  const v = Number((num / den + 1n) / 2n);
  return (part < 0) !== (whole < 0) ? -v : v;
}

/** Can a rate written as `printed` come from figures that round to `change` and `previous`? */
function reachable(printedBp: number, change: number, previous: number): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const dc of [-1, 1]) {
    for (const dp of [-0.5, 0.5]) {
      const c = Math.abs(change) + dc;
      const p = previous + dp;
      if (p <= 0) continue;
      const r = (c / p) * 10000;
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
  }
  return printedBp >= Math.floor(lo) && printedBp <= Math.ceil(hi);
}

/** The table 2 column of an income source as section 二 names it. */
function incomeColumn(subject: string): string | undefined {
  const id = INCOME.find(([re]) => re.test(subject))?.[1];
  return INCOME_SOURCES.find((x) => x.id === id)?.col;
}

export function packetNarrativeFindings(session: BudgetSession): Finding[] {
  const doc = session.document;
  const printed = doc.narrative.printed;
  if (Object.keys(printed).length === 0) return [];
  if (printed[SH_PRINTED.compilation] !== undefined || printed[SH_PRINTED.other] !== undefined) return shanghaiNarrativeFindings(session);
  if (hasFinalAccountsText(printed)) return finalAccountsNarrativeFindings(session);
  // A narrative may name the same cell thousands of times: each is looked up once.
  const cells = new Map<string, number>();
  const cell = (table: number, row: string, col: string): number => {
    const key = `${table}|${row}|${col}`;
    let v = cells.get(key);
    if (v === undefined) {
      const c = tableViewCell(session, table, row, col);
      v = c?.text ? (looseCents(c.text) ?? 0) : 0;
      cells.set(key, v);
    }
    return v;
  };
  const stated: Stated[] = [];
  const text = (n: number) => (printed[String(n)] ?? '').replace(/\s+/g, '');

  // Rates and shares, wherever a change is stated.
  for (let n = 1; n <= 12; n++) {
    const t = text(n);
    const whole = new RegExp(`(?:部门收入预算|支出预算|拨款合计)${NUM}万元`).exec(t);
    const wholeCents = whole ? looseCents(whole[1]!) : null;
    if (!t.includes('比上年')) continue;
    const re = new RegExp(`([^，。；：,;:]{1,30}?)(?:[:：]\\d{4}年预算数为)?${NUM}万元[，,](?:占${NUM}%[，,])?比上年(?:预算)?(增加|减少)${NUM}万元[，,]?(?:增长|下降|增加|减少)${NUM}%`, 'g');
    const shares: Array<{ what: string; share: number; exp: number; amount: number }> = [];
    for (const m of t.matchAll(re)) {
      const amount = looseCents(m[2]!);
      const delta = looseCents(m[5]!);
      const rate = looseCents(m[6]!);
      if (amount === null || delta === null || rate === null) continue;
      const change = m[4] === '减少' ? -delta : delta;
      const previous = amount - change;
      const what = m[1]!.includes('（款）') ? m[1]!.replace(/^.*（款）/, '').replace(/（项）$/, '') : m[1]!.replace(/^\d+[、.]/, '');
      const expected = previous === 0 ? (amount === 0 ? 0 : 10000) : ratio(change, previous);
      if (expected !== null && Math.abs(expected) !== rate) {
        stated.push({ section: n, what: `${what}增减率`, actual: rate, expected: Math.abs(expected), kind: 'rate', soft: previous > 0 && reachable(rate, change, previous) });
      }
      if (m[3] !== undefined && wholeCents) {
        const share = looseCents(m[3]);
        const exp = ratio(amount, wholeCents);
        if (share !== null && exp !== null) shares.push({ what, share, exp, amount });
      }
    }
    // Shares of one whole may be rounded by largest remainder so they add to 100%: when the
    // half-up shares do not add to 100% and the parts do add to the whole, ±0.01% is allowed.
    const sumExp = shares.reduce((s, x) => s + x.exp, 0);
    const partsWhole = wholeCents !== null && Math.abs(shares.reduce((s, x) => s + x.amount, 0) - wholeCents) <= 2;
    const slack = partsWhole && sumExp !== 10000 ? 1 : 0;
    for (const x of shares) {
      if (Math.abs(x.share - x.exp) > slack) stated.push({ section: n, what: `${x.what}占比`, actual: x.share, expected: x.exp, kind: 'share' });
    }
  }

  // 五（二）: each 类's share of the general budget.
  {
    const whole = cell(5, 'total', '1');
    const parts = [...text(5).matchAll(new RegExp(`${CLASS_ITEM}${NUM}万元[，,]占${NUM}%`, 'g'))];
    const rows = parts.map((m) => ({ what: m[1]!, amount: looseCents(m[2]!) ?? 0, share: looseCents(m[3]!) ?? 0 }));
    const exps = rows.map((r) => ratio(r.amount, whole) ?? 0);
    const slack = exps.reduce((s, x) => s + x, 0) !== 10000 ? 1 : 0;
    rows.forEach((r, i) => {
      if (whole && Math.abs(r.share - exps[i]!) > slack) stated.push({ section: 5, what: `${r.what}占比`, actual: r.share, expected: exps[i]!, kind: 'share' });
    });
  }
  const amountOf = (t: string, re: RegExp) => {
    const m = re.exec(t);
    return m ? looseCents(m[1]!) : null;
  };
  const compare = (section: number, what: string, value: number | null, table: number, row: string, col: string) => {
    if (value === null) return;
    const v = cell(table, row, col);
    if (v !== value) stated.push({ section, what, actual: value, expected: v, kind: 'amount', table, column: col });
  };
  // 一/二/三: totals, sources, basic and project.
  compare(1, '收支总预算', amountOf(text(1), new RegExp(`收支总预算${NUM}万元`)), 1, 'in.total', '1');
  const s2 = text(2);
  compare(2, '部门收入预算', amountOf(s2, new RegExp(`部门收入预算${NUM}万元`)), 1, 'in.total', '1');
  for (const m of s2.matchAll(new RegExp(`([^，。；：,;:]{2,30}?)${NUM}万元[，,]占`, 'g'))) {
    const col = incomeColumn(m[1]!);
    if (col) compare(2, m[1]!, looseCents(m[2]!), 2, 'total', col);
  }
  const s3 = text(3);
  compare(3, '支出预算', amountOf(s3, new RegExp(`支出预算${NUM}万元`)), 3, 'total', '1');
  compare(3, '基本支出', amountOf(s3, new RegExp(`基本支出${NUM}万元`)), 3, 'total', '2');
  compare(3, '项目支出', amountOf(s3, new RegExp(`项目支出${NUM}万元`)), 3, 'total', '3');
  // 五（一）: the general budget.
  const s5 = text(5);
  compare(5, '一般公共预算拨款合计', amountOf(s5, new RegExp(`拨款合计${NUM}万元`)), 5, 'total', '1');
  const s5head = s5.split(/（二）/)[0] ?? '';
  compare(5, '一般公共预算基本支出', amountOf(s5head, new RegExp(`基本支出${NUM}万元`)), 5, 'total', '2');
  compare(5, '一般公共预算项目支出', amountOf(s5head, new RegExp(`项目支出${NUM}万元`)), 5, 'total', '3');
  // 六: 人员经费 and 公用经费.
  const s6 = text(6);
  compare(6, '人员经费', amountOf(s6, new RegExp(`人员经费${NUM}万元`)), 6, 'total', '2');
  compare(6, '公用经费', amountOf(s6, new RegExp(`公用经费${NUM}万元`)), 6, 'total', '3');
  // 十: 三公.
  const s10 = text(10);
  compare(10, '“三公”经费', amountOf(s10, new RegExp(`“?三公”?经费预算数为${NUM}万元`)), 10, 'total', '1');
  for (const [re, row] of [
    [/因公出国（境）费([\d,.]+)万元/, 'abroad'],
    [/公务用车购置费([\d,.]+)万元/, 'vehicle.purchase'],
    [/公务用车运行(?:维护)?费([\d,.]+)万元/, 'vehicle.running'],
    [/公务接待费([\d,.]+)万元/, 'reception'],
  ] as const) {
    compare(10, re.source.replace(/\(.*$/, ''), amountOf(s10, re), 10, row, '1');
  }

  // 四: “收入预算包括：一般公共预算拨款 X 万元” (and the other funds), against table 4's income lines.
  for (const [what, row] of [['一般公共预算拨款', 'in.gb'], ['政府性基金预算拨款', 'in.fund'], ['国有资本经营预算拨款', 'in.soe']] as const) {
    compare(4, what, amountOf(text(4), new RegExp(`收入预算包括[:：][^。]{0,40}?${what}${NUM}万元`)), 4, row, '1');
  }
  // 四: each 类 the fiscal appropriation pays for, against table 4.
  const classCode = (name: string) => {
    const n = name.replace(/^\d+[、.．]/, '');
    return Object.entries(doc.names).find(([code, v]) => code.length === 3 && v.replace(/\s+/g, '') === n)?.[0] ?? FUNCTION_CLASSES.find(([, v]) => v === n)?.[0];
  };
  for (const m of text(4).matchAll(new RegExp(`([^，。；：、:;]{1,60}?支出)${NUM}万元[，,]主要用于`, 'g'))) {
    const code = classCode(m[1]!.replace(/^.*[:：]/, ''));
    if (code) compare(4, m[1]!.replace(/^.*[:：]/, ''), looseCents(m[2]!), 4, `out.${code}`, '2');
  }
  // 五（二）: each 类; 五（三）: each 项 (by the names table 5 prints).
  for (const m of s5.matchAll(new RegExp(`${CLASS_ITEM}${NUM}万元[，,]占`, 'g'))) {
    const code = classCode(m[1]!);
    if (code) compare(5, `${m[1]}（类）`, looseCents(m[2]!), 5, code, '1');
  }
  for (const m of s5.matchAll(new RegExp(`（款）([^（）]{1,60}?)（项）[:：]\\d{4}年预算数为${NUM}万元`, 'g'))) {
    const rows = doc.functionRows.filter((r) => (r.name ?? '').replace(/\s+/g, '') === m[1]);
    if (rows.length === 1) compare(5, `${m[1]}（项）`, looseCents(m[2]!), 5, rows[0]!.code, '1');
    // A 项 the tables do not have (a line left from last year's text, or a 项 renamed in one place only).
    const said = looseCents(m[2]!);
    if (rows.length === 0 && said !== null) stated.push({ section: 5, what: `${m[1]}（项）`, actual: said, expected: 0, kind: 'amount', table: 5, column: '1', missing: true });
  }
  // 十一: the carried-over total, its two parts, and each project.
  const s11 = text(11);
  compare(11, '上年结转结余', amountOf(s11, new RegExp(`上年结转结余${NUM}万元`)), 11, 'total', '1');
  compare(11, '财政拨款结转', amountOf(s11, new RegExp(`包括[:：]财政拨款${NUM}万元`)), 11, 'total', '2');
  compare(11, '非财政拨款结转结余', amountOf(s11, new RegExp(`非财政拨款${NUM}万元`)), 11, 'total', '6');
  for (const m of (printed['11'] ?? '').matchAll(new RegExp(`^\\d{1,4}\\s{0,4}[．.、]\\s{0,4}(.{1,200}?)\\s{0,4}${NUM}\\s{0,4}万元[，,]\\s{0,4}主要用于`, 'gm'))) {
    const row = doc.carryoverRows.find((c) => c.project.replace(/\s+/g, '') === m[1]!.replace(/\s+/g, ''));
    if (row) compare(11, m[1]!.replace(/\s+/g, ''), looseCents(m[2]!), 11, `c:${row.id}`, '1');
  }
  // 十二（一）: 机关运行经费 is the 公用经费 of table 6 for administrative units (a 提示 only: not every unit is one).
  const running = amountOf(text(12), new RegExp(`机关运行经费(?:财政拨款)?(?:预算)?(?:为)?${NUM}万元`));
  if (running !== null && running !== cell(6, 'total', '3')) {
    stated.push({ section: 12, what: '机关运行经费', actual: running, expected: cell(6, 'total', '3'), kind: 'amount', soft: true, table: 6, column: '3' });
  }

  return stated.map((s): Finding => {
    const rule: RuleId = s.kind === 'amount' ? 'packet.narrative.table' : s.kind === 'share' ? 'packet.narrative.share' : 'packet.narrative.rate';
    const show = (v: number) => (s.kind === 'amount' ? `${centsText(v)}万元` : pctText(v));
    const where = `第三部分${SECTION_NAMES[s.section]}`;
    const message =
      s.missing
        ? `${where}写“${s.what}”为 ${show(s.actual)}，表${s.table}中没有这一科目`
        : s.kind === 'amount'
          ? `${where}写“${s.what}”为 ${show(s.actual)}，表${s.table}为 ${show(s.expected)}${s.soft ? '（行政单位的机关运行经费应等于表6 公用经费，请核对）' : ''}`
        : s.soft
          ? `${where}“${s.what}”写为 ${show(s.actual)}，按印制的金额算得 ${show(s.expected)}（只有按元计算才可能得出 ${show(s.actual)}，请核对）`
          : `${where}“${s.what}”写为 ${show(s.actual)}，按印制的金额应为 ${show(s.expected)}`;
    return {
      id: `${rule}|${s.section}|${s.what}`,
      rule,
      severity: s.soft ? 'warning' : 'error',
      table: s.table ?? 0,
      rowKey: `narrative.${s.section}`,
      row: `${where} ${s.what}`,
      column: s.column ?? '',
      expected: show(s.expected).replace(/万元$/, ''),
      actual: show(s.actual).replace(/万元$/, ''),
      message,
    };
  });
}
