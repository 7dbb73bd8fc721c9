import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { writeWorkbookFile } from '../../../electron/xlsx/workbook-file';
import { BudgetSession } from '../../../shared/engine/session';
import { loadDocument, serializeDocument } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';
import { packetDoc } from './helpers';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

describe('budget-desk export / import / tables / check with workbooks', () => {
  it('exports a document, reads the workbook back in every command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-cli-'));
    const doc = packetDoc('003_d8581a66e967af08');
    const docFile = join(dir, '003.budget.json');
    writeFileSync(docFile, serializeDocument(doc));
    const xlsx = join(dir, '003.xlsx');

    const ex = await run(['export', docFile, '--xlsx', xlsx]);
    expect(ex.code).toBe(0);
    expect(ex.out).toMatch(/^已导出 昌吉回族自治州人民政府驻北京联络处 2024 年 11 张表和 9 条检查结果（错误 8，提示 1）（\d+ ms）→ /);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    const tables = await run(['tables', xlsx, '--json']);
    expect(tables.code).toBe(0);
    expect(JSON.parse(tables.out)).toEqual(tablesJson(BudgetSession.open(doc)));

    const check = await run(['check', xlsx]);
    expect(check.code).toBe(1); // the packet's own defects (e.g. table 6 总计 160.31 vs 160.32) are still there

    const back = join(dir, 'back.budget.json');
    const im = await run(['import', xlsx, '-o', back]);
    expect(im.code).toBe(0);
    // The tables and rows recognised, as a packet's import says them (it printed only the warnings).
    expect(im.out).toMatch(/^已导入 昌吉回族自治州人民政府驻北京联络处 2024 年：找到 11 张表，\d+ 行，0 条警告/);
    const loaded = loadDocument(readFileSync(back, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(tablesJson(BudgetSession.open(loaded.doc))).toEqual(tablesJson(BudgetSession.open(doc)));
  });

  it('--no-findings-sheet leaves the 检查结果 sheet out (the copy sent to 财政); the tables are the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-cli-'));
    const docFile = join(dir, '003.budget.json');
    writeFileSync(docFile, serializeDocument(packetDoc('003_d8581a66e967af08')));
    const sheets = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      return [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    };
    const withSheet = await run(['export', docFile, '--xlsx', join(dir, 'own.xlsx')]);
    const without = await run(['export', docFile, '--xlsx', join(dir, 'fin.xlsx'), '--no-findings-sheet']);
    expect(without.code).toBe(0);
    expect(without.out).toMatch(/^已导出 昌吉回族自治州人民政府驻北京联络处 2024 年 11 张表（\d+ ms）→ /);
    expect(withSheet.out).toContain('和 9 条检查结果');
    expect(await sheets(join(dir, 'own.xlsx'))).toHaveLength(12);
    const fin = await sheets(join(dir, 'fin.xlsx'));
    expect(fin).toHaveLength(11);
    expect(fin).not.toContain('检查结果');
    const t = async (f: string) => JSON.parse((await run(['tables', f, '--json'])).out);
    expect(await t(join(dir, 'fin.xlsx'))).toEqual(await t(join(dir, 'own.xlsx')));
  });

  it('refuses bad usage in Chinese and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-cli-'));
    expect((await run(['export', join(dir, 'x.json')])).err).toContain('需要用 --xlsx 指定输出的 .xlsx 文件');
    expect((await run(['export', join(dir, 'x.json'), '--xlsx', join(dir, 'a.pdf')])).err).toContain('应以 .xlsx 结尾');
    const missing = await run(['export', join(dir, '没有.json'), '--xlsx', join(dir, 'a.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
  });

  it('writeWorkbookFile (for the app) writes the same workbook as the CLI export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-cli-'));
    const doc = packetDoc('004_b7e4b340c6b3bf95');
    writeFileSync(join(dir, 'd.json'), serializeDocument(doc));
    await writeWorkbookFile(doc, join(dir, 'app.xlsx'));
    await run(['export', join(dir, 'd.json'), '--xlsx', join(dir, 'cli.xlsx')]);
    // Same parts with the same bytes (the zip's own entry times follow the clock, so the archives may not).
    const parts = async (f: string) => {
      const z = await JSZip.loadAsync(readFileSync(join(dir, f)));
      const names = Object.keys(z.files).sort();
      return Promise.all(names.map(async (n) => [n, await z.files[n]!.async('string')]));
    };
    const app = await parts('app.xlsx');
    expect(app.length).toBeGreaterThan(10);
    expect(await parts('cli.xlsx')).toEqual(app);
  });
});
