import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largePacketText } from './support/large-packet';
import { startApp } from './support/start-app';

/**
 * Long jobs in main's worker thread, seen from the window: the progress panel with the stage
 * in Chinese, 取消, and a refused file. The handlers run the real worker (through tsx).
 */
const { h, app } = startApp();

const messageText = () => app.page.locator('[data-testid="message"]').textContent();

describe('import, export and print jobs in the window', () => {
  it('importing a large packet shows a progress bar with its stage; 取消 stops it and leaves the document', async () => {
    const { page, desk } = app;
    const file = join(await h.tempDir('desk-large-'), '大文件.txt');
    await fs.writeFile(file, largePacketText(100_000));
    const title = await page.locator('.doc-title').textContent();
    desk.dialogAnswers.push(file);
    await page.click('[data-cmd="file:import"]');
    const panel = page.getByRole('dialog', { name: '正在处理' });
    await panel.waitFor();
    // Read in one go, so the panel's state cannot change between the checks: title, stage, bar.
    const shown = await panel.evaluate((d) => ({
      title: d.querySelector('.job-title')?.textContent,
      stage: d.querySelector('[data-testid="job-stage"]')?.textContent,
      bar: (d.querySelector('progress') as HTMLProgressElement | null)?.max,
    }));
    expect(shown.title).toBe('导入“大文件.txt”');
    expect(['读取文件…', '识别表格…']).toContain(shown.stage);
    expect(shown.bar).toBe(1);
    // At once: the worker's start and 100,000 rows leave seconds to cancel in, however fast the parser.
    await page.click('[data-action="cancel-job"]');
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已取消'));
    expect(await messageText()).toBe('已取消导入“大文件.txt”，文档未改动');
    expect(await page.locator('.doc-title').textContent()).toBe(title);
    expect(await page.locator('.status-bar').textContent()).not.toContain('未保存');
    expect(await page.getByRole('dialog', { name: '导入结果' }).count()).toBe(0);
    expect(desk.jobProgress.at(-1)).toMatchObject({ title: '导入“大文件.txt”', done: true });
    expect(app.errors).toEqual([]);
  });

  it('a file over the size bound is refused with the reason in Chinese', async () => {
    const { page, desk } = app;
    const big = join(await h.tempDir('desk-big-'), '超大.txt');
    await fs.writeFile(big, '');
    await fs.truncate(big, 61 * 1024 * 1024);
    desk.dialogAnswers.push(big);
    await page.click('[data-cmd="file:import"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('导入“超大.txt”失败'));
    expect(await messageText()).toBe('导入“超大.txt”失败：文件过大（61 MB，上限 60 MB）');
    expect(await page.getByRole('dialog', { name: '正在处理' }).count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('a packet that imports shows its result, the audit of its printed text included', async () => {
    const { page, desk } = app;
    desk.dialogAnswers.push(join(import.meta.dirname, '../fixtures/003_d8581a66e967af08.txt'));
    await page.click('[data-cmd="file:import"]');
    const d = page.getByRole('dialog', { name: '导入结果' });
    await d.waitFor({ timeout: 30_000 });
    const lines = await d.locator('li').allTextContents();
    expect(lines[0]).toBe('已从“003_d8581a66e967af08.txt”识别出 11 张表、107 行，0 条提示；情况说明中读入 77 个填写项（上年数、原因、用途等）');
    expect(lines.slice(1)).toEqual([
      '文字核对（提示）：第三部分五“基本支出增减率”写为 23.15%，按印制的金额算得 23.14%（只有按元计算才可能得出 23.15%，请核对）',
      '文字核对（错误）：第三部分五（三）各项比上年的增减额之和为 30.14 万元，五（一）基本支出与项目支出的增减额合计为 30.13 万元（相差 0.01）；各项本年预算数之和 232.32 与拨款合计 232.31 相差同样的数，差额来自印制的合计；相差 0.01 万元，可能是各数分别四舍五入造成的尾差，但印制数仍应与其组成部分相符',
      '文字核对（错误）：第三部分二、第三部分五的原因中写退休人员增加 2 人，第一部分写退休增加 3 人',
      '文字核对（错误）：“预算预算”重复了词语：第三部分二“…安排国有资本经营预算预算支出。上级国有资…”',
      '文字核对（错误）：“是是”重复了词语：第三部分十二“…96%。主要原因是是调标增资，工会经…”',
    ]);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog', { name: '正在处理' }).count()).toBe(0);
    // The oversized file was refused in main before any job started.
    expect(desk.jobProgress.filter((p) => p.done).map((p) => p.title)).toEqual(['导入“大文件.txt”', '导入“003_d8581a66e967af08.txt”']);
    expect(app.errors).toEqual([]);
  });
});
