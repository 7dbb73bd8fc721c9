import { hasFinalAccountsText } from '../../importers/final-accounts/printed-sections';
import { MAX_DEPARTMENT_CHARS } from '../../model/schema';
import type { AuditContext, AuditFinding } from './context';
import { scan } from './text-scan';
import { textFinding } from './wording';

/**
 * Years where the text speaks of the budget year: section headings, “N 年预算数为”, “N 年的
 * 机关运行经费”, “资金执行时间：N 年…”, “N 年部门预算…”, “N 年，本部门…政府采购预算/面向中小企业预留…”, the department's own “N 年”, a sentence
 * opening on the year of its figures (this year); “比/与 N 年” and “截至 N 年底/8月31日” (last
 * year; a 决算 states assets at its own year's end). Years elsewhere (a project begun in 2022, a
 * 2017 document) are not checked.
 */
/** What a year in the text should be: the document's own, the stock date's, last year's for a comparison. */
type Said = 'year' | 'stock' | 'prior';

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function yearFindings(ctx: AuditContext): AuditFinding[] {
  const y = ctx.session.document.year;
  // A 决算 states assets at the end of its own year (截至2024年12月31日 in the 2024 决算).
  const finalAccounts = hasFinalAccountsText(ctx.session.document.narrative.printed);
  const out: AuditFinding[] = [];
  const kind = finalAccounts ? '决算' : '预算';
  const said: Record<Said, (want: number) => string> = {
    year: () => `本${kind}为 ${y} 年`,
    stock: (want) => `应为截至${finalAccounts ? '本' : '上'}年（${want} 年）`,
    prior: (want) => `比较的应为上年（${want} 年）`,
  };
  const phrases: ReadonlyArray<[RegExp, number, Said]> = [
    [/^[一二三四五六七八九十]{1,3}、关于[^。]{0,40}?(\d{4})年(?:度)?[^。]{0,30}?(?:说明|情况)/g, y, 'year'],
    [/(\d{4})年(?:度)?(?:预算数为|的机关运行经费|部门预算(?:未安排|安排)|财政拨款收支总预算|财政拨款“三公”经费预算|所有收入和支出|一般公共预算(?:拨款合计|基本支出))/g, y, 'year'],
    [/(?:资金)?执行时间[:：](\d{4})年/g, y, 'year'],
    [/(?:^|[。\n])(\d{4})年[，,](?:本部门预算绩效|[^。]{2,40}?(?:政府采购预算|面向中小企业预留))/g, y, 'year'],
    [/截至(\d{4})年(?:底|末|\d{1,2}月(?:\d{1,2}日)?)/g, finalAccounts ? y : y - 1, 'stock'],
    // Compared with last year (预算 or 决算): “比2024年预算”, “与2023年度相比”.
    [/(?:比|较|与)(\d{4})年度?(?=预算|决算|相比|同期|[增减持])/g, y - 1, 'prior'],
    // The department (or 本部门) speaking of its own year: “上海市普陀区财政局2024年度无…”.
    // (A name is at most MAX_DEPARTMENT_CHARS; a pattern made of a far longer one is too large to compile.)
    [new RegExp(`(?:本部门|本单位|${escaped(ctx.session.document.department.slice(0, MAX_DEPARTMENT_CHARS))})(\\d{4})年`, 'g'), y, 'year'],
    // A sentence opening on the year of its figures: “2024年度一般公共预算财政拨款支出…”, “2025年“三公”经费…”
    // (the text's lines are joined: a sentence also opens right after its heading, “…情况”, “…说明”).
    [/(?:^|[。；：:\n]|情况|说明)(\d{4})年度?(?=(?:部门|单位)?(?:收入|支出|财政拨款|一般公共预算|政府性基金|国有资本经营|“三公”|机关运行|政府采购|本部门|本单位))/g, y, 'year'],
  ];
  // One finding per wrong year and what it should be, with every place that writes it.
  const wrong = new Map<string, { year: string; want: number; why: Said; places: string[] }>();
  for (const [re, want, why] of phrases) {
    for (const h of scan(ctx, re, (m) => Number(m[1]) !== want)) {
      const year = /(\d{4})年/.exec(h.match)?.[1] ?? '';
      const key = `${year}|${want}|${why}`;
      const w = wrong.get(key) ?? { year, want, why, places: [] };
      for (const p of h.places) if (!w.places.includes(p)) w.places.push(p);
      wrong.set(key, w);
    }
  }
  for (const w of wrong.values()) out.push(textFinding('text.year', `${w.year}年`, `写的是 ${w.year} 年，${said[w.why](w.want)}`, w.places, `${w.year}|${w.why}`));
  return out;
}
