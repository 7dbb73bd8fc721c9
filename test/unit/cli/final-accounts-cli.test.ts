import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';

const PDF = new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.pdf', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'budget-desk-fa-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** `budget-desk` on the Putuo 2024 部门决算 PDF: the same commands and contracts as for a budget. */
describe('budget-desk on a 部门决算 packet', () => {
  it('import, tables --json (万元 as printed), check (the printed rounding defects), export, packet', async () => {
    const doc = join(dir, 'putuo-2024.budget');
    const imported = await run('import', PDF, '-o', doc);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('找到 9 张表');
    expect(JSON.parse(readFileSync(doc, 'utf8'))).toMatchObject({ template: 'final-accounts', department: '上海市普陀区财政局', year: 2024, unit: '万元' });

    const tables = await run('tables', doc, '--json');
    expect(tables.code).toBe(0);
    const json = JSON.parse(tables.out) as Array<{ table: number; rows: Array<{ code?: string; name: string; values: Record<string, string> }> }>;
    expect(json.map((t) => t.table)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(json[0]!.rows.filter((r) => r.name === '总计').map((r) => r.values)).toEqual([{ '1': '2995.39' }, { '2': '2995.39' }]);
    expect(json[1]!.rows.find((r) => r.code === '2010601')!.values).toEqual({ '1': '1511.90', '2': '1511.89', '7': '0.01' });
    // 表5 合计 as printed (2,940.05), not the sum of its 类 (2,940.06).
    expect(json[4]!.rows.find((r) => r.name === '合计')!.values).toEqual({ '1': '2940.05', '2': '2336.91', '3': '603.14' });
    expect(json[5]!.rows.find((r) => r.code === '30101')).toEqual({ code: '30101', name: '基本工资', values: { '1': '262.33' } });
    expect(json[6]!.rows[0]!.values).toEqual({ '1': '0.95', '11': '0.95' });
    expect(json[7]!.rows).toEqual([]);

    // check: exit 1 for the packet's own defects; every table finding is a printed 合计 against its parts.
    const check = await run('check', PDF, '--json');
    expect(check.code).toBe(1);
    const found = JSON.parse(check.out) as Array<{ rule: string; table: number; places?: Array<{ rule: string; table: number; row: string }> }>;
    const tableRules = found.flatMap((f) => f.places ?? [f]).filter((f) => f.table > 0 && f.rule.startsWith('sum.'));
    expect(tableRules.map((f) => `${f.rule} 表${f.table}`).sort()).toEqual(
      ['sum.lines 表1', 'sum.lines 表4', 'sum.lines 表6', 'sum.lines 表6', 'sum.rows 表2', 'sum.rows 表2', 'sum.rows 表3', 'sum.rows 表3', 'sum.rows 表5', 'sum.rows 表5'].sort(),
    );
    expect(found.filter((f) => f.rule === 'format.identity' || f.rule.endsWith('.balance'))).toEqual([]);

    const xlsx = join(dir, 'putuo.xlsx');
    expect((await run('export', doc, '--xlsx', xlsx, '--no-findings-sheet')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets).toHaveLength(9);
    if (!existsSync(process.env.CHROME_PATH || '/usr/bin/chromium')) return;
    const pdf = join(dir, 'putuo.pdf');
    const printed = await run('packet', doc, '--pdf', pdf);
    expect(printed.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(50_000);
  }, 180_000);
});
