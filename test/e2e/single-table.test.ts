import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/start-app';

/** 文件 → 打印当前表… / 导出当前表为 Excel…, and the 导出 dialog's 合计写成公式 (sample department). */
const { h, app } = startApp();
let dir = '';

beforeAll(async () => {
  dir = await h.tempDir('desk-one-table-');
});

const message = () => app.page.getByTestId('message').textContent();
const waitMessage = (start: string) =>
  app.page.waitForFunction((s) => document.querySelector('[data-testid="message"]')?.textContent?.startsWith(s), start, { timeout: 60_000 });
async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe('one table on its own', () => {
  it('导出当前表为 Excel: a workbook of 表2 only', async () => {
    await app.page.click('[data-nav="t2"]');
    const file = join(dir, '表2.xlsx');
    app.desk.dialogAnswers.push(file);
    await app.menu('file:exportTableXlsx');
    await waitMessage('已导出表2');
    expect(await message()).toBe(`已导出表2：${file}`);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表2 部门收入总体情况表']);
    expect(wb.worksheets[0]!.getCell('E7').value).toBe(342.32);
    expect(app.errors).toEqual([]);
  });

  it('打印当前表: a PDF of 表6 alone, with its title and unit', async () => {
    await app.page.click('[data-nav="t6"]');
    const file = join(dir, '表6.pdf');
    app.desk.dialogAnswers.push(file);
    await app.menu('file:printTable');
    await waitMessage('已打印表6');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('表6一般公共预算基本支出情况表');
    expect(text).toContain('单位：万元');
    expect(text).toContain('160.32');
    expect(text).not.toContain('部门收支总体情况表');
    expect(text).not.toContain('目录');
  });

  it('on a page that is not a table, says to open a table first', async () => {
    await app.page.click('[data-nav="findings"]');
    await app.menu('file:printTable');
    await waitMessage('请先');
    expect(await message()).toBe('请先在左侧打开要打印的表（表1–表11），再打印当前表');
  });

  it('导出 Excel with 合计、小计写成公式 ticked: totals are SUM formulas with our values cached', async () => {
    const file = join(dir, '全部.xlsx');
    app.desk.dialogAnswers.push(file);
    await app.menu('file:exportXlsx');
    const box = app.page.locator('input[name="formulas"]');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await app.page.getByRole('button', { name: '导出', exact: true }).click();
    await waitMessage('已导出 Excel');
    const wb = await workbook(file);
    const t2 = wb.worksheets.find((w) => w.name.startsWith('表2 '))!;
    expect(t2.getCell('E7').value).toEqual({ formula: 'SUM(F7,M7:P7)', result: 342.32 });
    // 第3栏 总计 = its four 类 (201, 208, 210, 221 on rows 8, 12, 17, 22).
    expect(t2.getCell('G7').value).toEqual({ formula: 'SUM(G8,G12,G17,G22)', result: 232.32 });
    expect(app.errors).toEqual([]);
  });
});
