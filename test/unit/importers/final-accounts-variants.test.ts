import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { finalAccountsTitle } from '../../../shared/importers/final-accounts/detect';
import type { BudgetDocument } from '../../../shared/model';

/**
 * The Putuo 2024 部门决算 (`pdftotext -layout`) as other packets print the same tables: page
 * footers between rows, table numbers before the titles. Each variant must give the document the
 * packet itself gives, amount for amount.
 */
const LAYOUT = readFileSync(new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.layout.txt', import.meta.url), 'utf8');
const LINES = LAYOUT.split('\n');

function doc(text: string): BudgetDocument {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/** What the tables hold: printed figures and entered amounts (names and narrative aside). */
const tables = (d: BudgetDocument) => ({ printed: d.printed, fixed: d.fixed, rows: d.functionRows.map((r) => [r.code, r.name, r.values]) });
const original = tables(doc(LAYOUT));

/** The text with a footer line put in before each form feed (each page's end), as most printed packets have. */
function withFooters(footer: (page: number) => string): string {
  let page = 0;
  return LINES.map((l) => (l.startsWith('\f') ? `\n${' '.repeat(30)}${footer(++page)}\n${l}` : l)).join('\n');
}

/** The text with a footer put between two complete rows of 表3 (a page break mid-table). */
function footerInTable3(footer: string): string {
  const at = LINES.findIndex((l) => /^201\s+06\s+07\s/.test(l));
  expect(at).toBeGreaterThan(0);
  return [...LINES.slice(0, at), '', `${' '.repeat(30)}${footer}`, '', ...LINES.slice(at)].join('\n');
}

describe('部门决算 variants read as the packet itself', () => {
  it('the original: 表3 2010607 and 20805 as printed (the reference the variants are held to)', () => {
    const d = doc(LAYOUT);
    expect(d.printed['3|2010607|1']).toBeDefined();
    expect(d.printed['3|20805|1']).toBe('326.72');
  });

  it.each([
    ['第 N 页', (n: number) => `第 ${n} 页`],
    ['- N -', (n: number) => `- ${n} -`],
    ['— N —', (n: number) => `— ${n} —`],
    ['第N页 共30页', (n: number) => `第${n}页 共30页`],
    ['a bare number at the foot of each page', (n: number) => `${n}`],
  ])('page footers (%s) are left out, never read as amounts or names', (_what, footer) => {
    expect(tables(doc(withFooters(footer)))).toEqual(original);
  });

  it.each(['第 5 页', '- 5 -', '第5页共30页'])('a footer between two rows of a table (%s)', (footer) => {
    expect(tables(doc(footerInTable3(footer)))).toEqual(original);
  });

  it('a class code alone on its line (表6 wraps `302` above its 款) is not a page number', () => {
    expect(LINES.some((l) => /^\s*302\s*$/.test(l))).toBe(true);
    expect(original.printed['6|e.302|2']).toBeDefined();
  });

  it.each([
    ['附表1 收入支出决算总表', (no: number, t: string) => `附表${no} ${t}`],
    ['表1  收入支出决算总表', (no: number, t: string) => `表${no}  ${t}`],
    ['表一 收入支出决算总表', (no: number, t: string) => `表${'一二三四五六七八九'[no - 1]} ${t}`],
    ['2024年度收入支出决算总表', (_no: number, t: string) => `2024年度${t}`],
  ])('titles printed as “%s”', (_what, title) => {
    let no = 0;
    const text = LINES.map((l) => {
      const n = finalAccountsTitle(l);
      // The titles of the tables (the first line of each that a 单位 line follows), not the contents page's.
      if (n === undefined || n !== no + 1 || !/^\s{5,}\S/.test(l)) return l;
      no = n;
      return l.replace(/\S.*$/, title(n, l.trim()));
    }).join('\n');
    expect(no).toBe(9);
    expect(tables(doc(text))).toEqual(original);
  });

  it('表五一般公共预算… is 表5 (the 一 after 五 is the title’s), 表十一… would be 11, a contents line is not a title', () => {
    expect(finalAccountsTitle('表五 一般公共预算财政拨款支出决算表')).toBe(5);
    expect(finalAccountsTitle('表五一般公共预算财政拨款支出决算表')).toBe(5);
    expect(finalAccountsTitle('附表9 财政拨款“三公”经费支出决算表')).toBe(7);
    expect(finalAccountsTitle('一、收入支出决算总表')).toBeUndefined();
    expect(finalAccountsTitle('表1 收入支出决算总表……………3')).toBeUndefined();
  });
});
