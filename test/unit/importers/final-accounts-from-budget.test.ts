import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { type BudgetDocument, loadDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { paragraphText } from '../../../shared/narrative/types';
import { finalAccountsFromBudget } from '../../../shared/next-year/final-accounts-from-budget';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { tableViewCell } from '../../../shared/views/table-view';
import { putuoFinalAccounts } from '../narrative/putuo-final-accounts-doc';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'budget-desk-fa-'));

function doc003(): BudgetDocument {
  const r = loadDocument(readFileSync(fixture('003.budget.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

function started(budget: BudgetDocument): BudgetDocument {
  const r = finalAccountsFromBudget(budget);
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
}

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('a 决算 started from that year’s budget: 预算数 carried as 年初预算', () => {
  it('from the Putuo 2025 部门预算 PDF (表5 and 表9 in 元 / 万元): 一般公共预算 per 项 and in total, 三公 into 表7 预算数', async () => {
    const r = await importPacketFile(fixture('shanghai/putuo-govoffice-2025-budget-dept.pdf'));
    if (!r.ok) throw new Error(r.error);
    const fa = started(r.doc);
    expect([fa.template, fa.department, fa.year, fa.unit]).toEqual(['final-accounts', '上海市普陀区人民政府办公室', 2025, '万元']);
    // As its 编制说明 states them: 一般公共预算拨款支出预算9,101.68万元; “…行政运行”科目1,202.95万元; “…购房补贴”科目186.77万元.
    expect(fa.initialBudget!.totals).toEqual({ gb: '9101.68' });
    expect(fa.initialBudget!.gbItems['2010301']).toBe('1202.95');
    expect(fa.initialBudget!.gbItems['2210203']).toBe('186.77');
    expect(Object.keys(fa.initialBudget!.gbItems)).toHaveLength(12);
    // 表9: 三公 867.50 = 因公出国（境）839.00 + 公务接待 28.50.
    const s = BudgetSession.open(fa);
    expect(['1', '3', '5', '11'].map((c) => tableViewCell(s, 7, 'amount', c)?.text ?? '')).toEqual(['867.50', '839.00', '', '28.50']);
    // Every 科目 of the budget has its row; the 决算数 are still to be entered.
    expect(fa.functionRows.map((x) => x.code)).toEqual(r.doc.functionRows.map((x) => x.code));
    expect(fa.functionRows.every((x) => Object.keys(x.values).length === 0)).toBe(true);
    // The 情况说明 states the empty 决算 against these budgets.
    const n = generateNarrative(s);
    const gb = n.sections[4]!.paragraphs.find((p) => p.id === 'fa5.budget')!;
    expect(paragraphText(gb.runs)).toBe('一般公共预算财政拨款支出年初预算为9,101.68万元，支出决算为0.00万元，完成年初预算的0.00%。决算数小于预算数。其中：');
    // Each budgeted 项 is listed, even before any 决算数 is entered, with what the budget's text said it is for.
    const items = n.sections[4]!.paragraphs.filter((p) => p.id.startsWith('fa5.item.'));
    expect(items).toHaveLength(12);
    expect(paragraphText(items[0]!.runs)).toBe('1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。主要用于：行政单位的基本支出。年初预算为1,202.95万元，支出决算为0.00万元。决算数小于预算数。');
    const t7 = n.sections[6]!.paragraphs.find((p) => p.id === 'fa7.budget')!;
    expect(paragraphText(t7.runs)).toMatch(/^“三公”经费财政拨款支出年初预算为867\.50万元，支出决算为0\.00万元，完成预算的0\.00%/);
  });

  it('from a Xinjiang 11-table budget (003): 表5 per 项, 表10 三公', () => {
    const fa = started(doc003());
    expect(fa.initialBudget!.totals.gb).toBe('232.31');
    expect(fa.initialBudget!.gbItems).toMatchObject({ '2010350': '116.75', '2010302': '72.00', '2080505': '15.28' });
    expect(fa.fixed['7']).toEqual({ amount: { '9': '4.80', '11': '0.16' } });
  });

  it('refuses a 决算 (it has no 预算数 to carry), and 新建下一年度 of a 决算 keeps the format with this year as 上年决算', () => {
    const fa = putuoFinalAccounts();
    expect(finalAccountsFromBudget(fa)).toEqual({ ok: false, reason: '这已是部门决算文档：请打开该年度的部门预算文档，再由它新建决算' });
    const next = nextYearDocument(fa);
    expect([next.template, next.year]).toEqual(['final-accounts', 2025]);
    expect(next.priorYear.income).toEqual({ total: '2995.39', fiscal: '2961.68', gb: '2940.05' });
    expect(next.priorYear.runningCosts).toBe('184.65');
    expect(next.priorYear.threePublic.total).toBe('0.00');
  });

  it('CLI: budget-desk new-final-accounts BUDGET -o DOC', async () => {
    const out = join(dir, '2024-决算.budget');
    const r = await run('new-final-accounts', fixture('003.budget.json'), '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`已生成 昌吉回族自治州人民政府驻北京联络处 2024 年度部门决算草稿（年初预算：一般公共预算财政拨款支出 232.31 万元，${Object.keys(started(doc003()).initialBudget!.gbItems).length} 个项级科目；“三公”经费预算数已填入表7）→ ${out}\n`);
    const saved = loadDocument(readFileSync(out, 'utf8'));
    expect(saved.ok && saved.doc.template).toBe('final-accounts');
    // A 决算 given as the budget: refused with the reason, exit 2, nothing written.
    const again = await run('new-final-accounts', out, '-o', join(dir, 'x.budget'));
    expect(again.code).toBe(2);
    expect(again.err).toContain('这已是部门决算文档');
    expect((await run('--help')).out).toContain('new-final-accounts BUDGET -o DOC');
    // `narrative` prints the 决算's 情况说明 under its own part heading.
    const text = await run('narrative', out);
    expect(text.code).toBe(0);
    expect(text.out.split('\n').slice(0, 5)).toEqual(['第三部分 昌吉回族自治州人民政府驻北京联络处2024年度部门决算情况说明', '', '一、收入支出决算总体情况说明', '', '昌吉回族自治州人民政府驻北京联络处2024年度收入支出总计0.00万元。']);
    expect(text.out).toContain('一般公共预算财政拨款支出年初预算为232.31万元，支出决算为0.00万元，完成年初预算的0.00%。');
  });
});
