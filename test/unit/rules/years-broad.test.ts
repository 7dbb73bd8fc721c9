import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { checkFindings } from '../../../shared/rules/all-findings';

/**
 * A year left from another year's packet, where the text speaks of its own year, of last year or
 * of the stock date: each case edits one year of a real packet (none of these were found before).
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function years(text: string): string[] {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return checkFindings(BudgetSession.open(r.doc))
    .filter((f) => f.rule === 'text.year')
    .map((f) => f.message.replace(/：.*$/, ''));
}

function edit(name: string, from: string, to: string): string {
  const text = fixture(name);
  expect(text.split(from).length - 1).toBe(1);
  return text.replace(from, to);
}

const SH = 'shanghai/text/putuo-govoffice-2025-budget-dept.layout.txt';
const FA = 'shanghai/putuo-finance-2024-final-accounts.layout.txt';

describe('years in the explanation text', () => {
  it('the real packets write none wrong', () => {
    for (const f of ['000_76f4246f7dc2bf91.txt', '003_d8581a66e967af08.txt', '004_b7e4b340c6b3bf95.txt', '001_83be6d852232fd35.txt', SH, FA]) expect(years(fixture(f)), f).toEqual([]);
  });

  it.each([
    ['a sentence opening on last year (Shanghai 三公)', SH, '2025年“三公”经费预算数为', '2024年“三公”经费预算数为', '写的是 2024 年，本预算为 2025 年'],
    ['the stock date two years back', SH, '截至2024年8月31日', '截至2023年8月31日', '写的是 2023 年，应为截至上年（2024 年）'],
    ['a comparison with the year before last', SH, '政府性基金拨款支出预算0万元，比2024年预算持平', '政府性基金拨款支出预算0万元，比2023年预算持平', '写的是 2023 年，比较的应为上年（2024 年）'],
    ['the department’s own year (决算)', FA, '上海市普陀区财政局2024年度无国有资本经营', '上海市普陀区财政局2023年度无国有资本经营', '写的是 2023 年，本决算为 2024 年'],
    ['a 决算 sentence opening on last year (001)', '001_83be6d852232fd35.txt', '2024年度一般公共预算财政拨款支出291.78万元', '2023年度一般公共预算财政拨款支出291.78万元', '写的是 2023 年，本决算为 2024 年'],
  ])('%s', (_what, file, from, to, message) => {
    expect(years(edit(file, from, to))).toContain(message);
  });

  it('a department name far longer than a document allows (a session opened without the loader) does not break the audit', () => {
    const r = importAnyPacketText(fixture('003_d8581a66e967af08.txt'));
    if (!r.ok) throw new Error(r.error);
    // 40,000 characters made a pattern too large to compile: the window went blank (QA).
    const findings = checkFindings(BudgetSession.open({ ...r.doc, department: '某'.repeat(40_000) }));
    expect(findings.filter((f) => f.rule === 'text.year')).toEqual([]);
  });
});
