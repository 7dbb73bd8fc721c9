import { squash } from './lines';

/**
 * The 11 tables are recognised by their titles, never by line positions. Other regions word
 * a few titles differently; the aliases are the variants seen or expected.
 */
export const TABLE_TITLES: ReadonlyArray<{ no: number; titles: string[] }> = [
  { no: 1, titles: ['部门收支总体情况表', '部门收支总表', '收支总体情况表'] },
  { no: 2, titles: ['部门收入总体情况表', '部门收入总表', '收入总体情况表'] },
  { no: 3, titles: ['部门支出总体情况表', '部门支出总表', '支出总体情况表'] },
  { no: 4, titles: ['财政拨款收支预算总体情况表', '财政拨款收支总体情况表', '财政拨款收支总表'] },
  { no: 5, titles: ['一般公共预算支出情况表', '一般公共预算当年拨款支出情况表', '一般公共预算支出表'] },
  { no: 6, titles: ['一般公共预算基本支出情况表', '一般公共预算基本支出表'] },
  { no: 7, titles: ['一般公共预算项目支出情况表', '一般公共预算项目支出表', '项目支出情况表'] },
  { no: 8, titles: ['政府性基金预算支出情况表', '政府性基金预算支出表'] },
  { no: 9, titles: ['国有资本经营预算支出情况表', '国有资本经营预算支出表'] },
  { no: 10, titles: ['财政拨款“三公”经费支出情况表', '财政拨款"三公"经费支出情况表', '“三公”经费支出情况表', '三公经费支出情况表', '财政拨款“三公”经费支出表'] },
  { no: 11, titles: ['上年结转结余情况明细表', '上年结转结余情况表', '上年结转结余明细表'] },
];

const CN_DIGITS = '一二三四五六七八九';

/** `12`, `十二`, `二十` → 12, 12, 20; undefined for anything else. */
export function tableNumeral(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const digit = (c: string | undefined) => (c ? CN_DIGITS.indexOf(c) + 1 : 0);
  if (!m[2]) return m[1] && !m[3] ? digit(m[1]) : undefined;
  return (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]);
}

/** A table number as printed before a title: `表3`, `表 3`, `表三`, `附表3`, `附表十一`. */
const NUMBER = '(?:附)?表([0-9]{1,2}|[一二三四五六七八九十]{1,3})';
const SEPARATOR = /^[、.．:：\-—]/;

/**
 * The number at the start of a squashed title and how many characters it takes. A numeral run
 * may run into the title (`表六一般公共预算…`): the longest run that is a number is taken.
 */
function numberPrefix(s: string): { no: number; len: number } | undefined {
  const m = /^(附)?表(\d{1,2}|[一二三四五六七八九十]{1,3})/.exec(s);
  if (m) {
    const head = (m[1] ?? '').length + 1;
    for (let k = m[2]!.length; k >= 1; k--) {
      const no = tableNumeral(m[2]!.slice(0, k));
      if (no !== undefined && no > 0) return { no, len: head + k + (SEPARATOR.test(s.slice(head + k)) ? 1 : 0) };
    }
    return undefined;
  }
  const d = /^\d{1,2}(?=\D)/.exec(s);
  return d ? { no: Number(d[0]), len: d[0].length + (SEPARATOR.test(s.slice(d[0].length)) ? 1 : 0) } : undefined;
}
const YEAR_PREFIX = /^(?:\d{4}年(?:度)?)?(?:.{0,40}?)/;
/** `（续）`, `(续)`, `续表`, `续`: a table continued on the next page. */
const CONTINUED_SUFFIX = /(?:[（(]续(?:表)?[）)]|续表|[（(]续[)）]?|续)$/;
const CONTINUED_PREFIX = /^续表[:：]?/;

/**
 * The table number a line titles, or undefined. The line, spaces removed, must be the title
 * itself (optionally after `表N`/`表三`, a year, or the department's name; optionally ending in
 * `（续）` on a continued page) — a sentence that merely mentions a table (“…情况表为空表”) is not a title.
 */
export function titleOf(line: string): { no: number; hinted?: number; continued?: boolean } | undefined {
  let s = squash(line).replace(/[（(]单位[:：]?万?元[)）]$/, '');
  if (s.length > 60 || /[。，,；]/.test(s)) return undefined;
  let continued = false;
  if (CONTINUED_PREFIX.test(s) || (CONTINUED_SUFFIX.test(s) && s.length > 2)) {
    const bare = s.replace(CONTINUED_PREFIX, '').replace(CONTINUED_SUFFIX, '');
    if (bare.endsWith('表')) {
      continued = true;
      s = bare;
    }
  }
  const prefix = numberPrefix(s);
  const hint = prefix && /^(附)?表/.test(s) ? prefix.no : undefined;
  if (prefix) s = s.slice(prefix.len);
  // Longest matching title wins: "财政拨款收支总体情况表" must not be taken for "收支总体情况表".
  let best: { no: number; len: number } | undefined;
  for (const t of TABLE_TITLES) {
    for (const title of t.titles) {
      const ok = s === title || (s.endsWith(title) && YEAR_PREFIX.test(s.slice(0, -title.length)) && s.length - title.length <= 40);
      if (ok && (!best || title.length > best.len)) best = { no: t.no, len: title.length };
    }
  }
  if (!best) return undefined;
  return { no: best.no, ...(hint !== undefined ? { hinted: hint } : {}), ...(continued ? { continued } : {}) };
}

/** `表 3`, `表三`, `附表3` on a line of its own (or `表3（续）`): the number printed above a title. */
export function tableNumberLine(line: string): number | undefined {
  const m = new RegExp(`^${NUMBER}(?:[（(]续[）)])?$`).exec(squash(line));
  return m ? tableNumeral(m[1]!) : undefined;
}

/**
 * A heading of a table this format does not have: `表12 部门政府采购预算表` (or the number on the
 * line before), a title ending in 表 that titleOf does not know. Returns the title as printed.
 */
export function unknownTitle(line: string): string | undefined {
  const s = squash(line);
  if (s.length < 4 || s.length > 40 || /[。，,；：:]/.test(s) || !s.endsWith('表') || /\d\.\d{2}/.test(s)) return undefined;
  if (titleOf(line)) return undefined;
  const prefix = /^(附)?表/.test(s) ? numberPrefix(s) : undefined;
  if (s.length - (prefix?.len ?? 0) < 4) return undefined;
  return prefix ? `${s.slice(0, prefix.len).replace(/[、.．:：\-—]$/, '')} ${s.slice(prefix.len)}` : s;
}
