import { finalAccounts } from '../../formats/final-accounts';
import { finalAccountsPrintedText } from './printed-sections';

/** The 9 table titles of the 部门决算, in table order (as the format names them). */
export const FINAL_ACCOUNTS_TITLES = finalAccounts.tables.map((t) => t.title);

const squash = (s: string) => s.replace(/\s+/g, '').replace(/["＂]/g, '”').replace(/^”/, '“').replace(/(“[^”]*)”?/, '$1');

/**
 * A table title line of a 部门决算 packet: the title alone on its line (a contents line such as
 * `一、收入支出决算总表` or one with leader dots is not), optionally after the department and year
 * (`上海市XX局2024年度收入决算表`) or a table number (`表2`, `附表2`, `表二`, `2.`).
 */
export function finalAccountsTitle(line: string): number | undefined {
  for (const s of unnumbered(squash(line))) {
    if (s.includes('…') || /^[一二三四五六七八九十]+、/.test(s)) continue;
    for (const { t, no } of TITLES_LONGEST_FIRST) {
      if (s === t) return no;
      if (s.endsWith(t) && /年度?(部门)?$/.test(s.slice(0, -t.length)) && !/(财政拨款|政府性基金预算|国有资本经营预算|一般公共预算)$/.test(s.slice(0, -t.length))) return no;
    }
  }
  return undefined;
}

/** Longest first: 收入支出决算总表 also ends in 支出决算表. */
const TITLES_LONGEST_FIRST = FINAL_ACCOUNTS_TITLES.map((t, i) => ({ t: squash(t), no: i + 1 })).sort((a, b) => b.t.length - a.t.length);

/**
 * The line, and the line without the table number it may start with: `表1`, `附表1`, `1.`, or
 * `表一`…`表十一` (tried at each length: in `表五一般公共预算…` the 一 is the title's).
 */
function unnumbered(s: string): string[] {
  const out = [s];
  const digits = /^(?:附?表\d{1,2}|\d{1,2})[.．、:：]?/.exec(s);
  if (digits) out.push(s.slice(digits[0].length));
  const cn = /^附?表([一二三四五六七八九十]{1,3})/.exec(s);
  if (cn) {
    const at = cn[0].length - cn[1]!.length;
    for (let k = 1; k <= cn[1]!.length; k++) out.push(s.slice(at + k).replace(/^[.．、:：]/, ''));
  }
  return out;
}

/**
 * Whether a text is a 部门决算 packet: it says 部门决算 near the top, and at least five of the
 * nine table titles stand on lines of their own.
 */
export function isFinalAccountsPacket(lines: readonly string[]): boolean {
  const head = lines.slice(0, 200).join('').replace(/\s+/g, '');
  if (!/部门决算/.test(head)) return false;
  const found = new Set<number>();
  for (const l of lines) {
    const no = finalAccountsTitle(l);
    if (no !== undefined) found.add(no);
  }
  return found.size >= 5;
}

/**
 * A 部门决算 packet that prints its 情况说明 but none of the tables (Xinjiang publishes the 决算
 * tables apart from the text): it says 部门决算 near the top, names no table, and at least four of
 * the 情况说明's sections are found under its 部门决算情况说明 heading. Its sections, or undefined.
 */
export function finalAccountsTextOnly(lines: readonly string[]): Record<string, string> | undefined {
  const head = lines.slice(0, 200).join('').replace(/\s+/g, '');
  if (!/部门决算/.test(head) || lines.some((l) => finalAccountsTitle(l) !== undefined)) return undefined;
  const sections = finalAccountsPrintedText(lines);
  return Object.keys(sections).length >= 4 ? sections : undefined;
}
