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

const NUMBER_PREFIX = /^(?:表\d{1,2}|附表\d{1,2}|\d{1,2})[、.．:：\-—]?/;
const YEAR_PREFIX = /^(?:\d{4}年(?:度)?)?(?:.{0,40}?)/;

/**
 * The table number a line titles, or undefined. The line, spaces removed, must be the title
 * itself (optionally after `表N`, a year, or the department's name) — a sentence that merely
 * mentions a table (“…情况表为空表”) is not a title.
 */
export function titleOf(line: string): { no: number; hinted?: number } | undefined {
  let s = squash(line).replace(/[（(]单位[:：]?万元[)）]$/, '');
  if (s.length > 60 || /[。，,；]/.test(s)) return undefined;
  const hint = /^(?:附)?表(\d{1,2})/.exec(s);
  s = s.replace(NUMBER_PREFIX, '');
  // Longest matching title wins: "财政拨款收支总体情况表" must not be taken for "收支总体情况表".
  let best: { no: number; len: number } | undefined;
  for (const t of TABLE_TITLES) {
    for (const title of t.titles) {
      const ok = s === title || (s.endsWith(title) && YEAR_PREFIX.test(s.slice(0, -title.length)) && s.length - title.length <= 40);
      if (ok && (!best || title.length > best.len)) best = { no: t.no, len: title.length };
    }
  }
  if (best) return hint ? { no: best.no, hinted: Number(hint[1]) } : { no: best.no };
  return undefined;
}

/** `表 3` on a line of its own: the number printed above a title. */
export function tableNumberLine(line: string): number | undefined {
  const m = /^(?:附)?表(\d{1,2})$/.exec(squash(line));
  return m ? Number(m[1]) : undefined;
}
