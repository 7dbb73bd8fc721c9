import { hasFinalAccountsText } from '../../importers/final-accounts/printed-sections';
import type { AuditContext, AuditFinding } from './context';
import { scan } from './text-scan';
import { textFinding } from './wording';

/**
 * Years where the text speaks of the budget year: section headings, “N 年预算数为”, “N 年的
 * 机关运行经费”, “资金执行时间：N 年…”, “N 年部门预算…” (this year), and “截至 N 年底” (last
 * year). Years elsewhere (a project begun in 2022, a 2017 document) are not checked.
 */
export function yearFindings(ctx: AuditContext): AuditFinding[] {
  const y = ctx.session.document.year;
  // A 决算 states assets at the end of its own year (截至2024年12月31日 in the 2024 决算).
  const finalAccounts = hasFinalAccountsText(ctx.session.document.narrative.printed);
  const out: AuditFinding[] = [];
  const phrases: ReadonlyArray<[RegExp, number]> = [
    [/^[一二三四五六七八九十]{1,3}、关于[^。]{0,40}?(\d{4})年(?:度)?[^。]{0,30}?(?:说明|情况)/g, y],
    [/(\d{4})年(?:度)?(?:预算数为|的机关运行经费|部门预算(?:未安排|安排)|财政拨款收支总预算|财政拨款“三公”经费预算|所有收入和支出|一般公共预算(?:拨款合计|基本支出))/g, y],
    [/(?:资金)?执行时间[:：](\d{4})年/g, y],
    [/(?:^|[。\n])(\d{4})年[，,](?:本部门预算绩效|[^。]{2,40}?政府采购预算)/g, y],
    [/截至(\d{4})年(?:底|末|12月31日)/g, finalAccounts ? y : y - 1],
  ];
  // One finding per wrong year, with every place that writes it.
  const wrong = new Map<string, { want: number; places: string[] }>();
  for (const [re, want] of phrases) {
    for (const h of scan(ctx, re, (m) => Number(m[1]) !== want)) {
      const year = /(\d{4})年/.exec(h.match)?.[1] ?? '';
      const w = wrong.get(`${year}|${want}`) ?? { want, places: [] };
      for (const p of h.places) if (!w.places.includes(p)) w.places.push(p);
      wrong.set(`${year}|${want}`, w);
    }
  }
  for (const [k, w] of wrong) {
    const year = k.split('|')[0]!;
    out.push(textFinding('text.year', `${year}年`, `写的是 ${year} 年，${w.want === y ? `本预算为 ${y} 年` : `应为截至上年（${w.want} 年）底`}`, w.places));
  }
  return out;
}
