import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/** 编辑 → 查找和替换… (Ctrl+H) across the tables of the sample department. */
const { app } = startApp();

const nav = (id: string) => app.page.click(`[data-nav="${id}"]`);
const panel = () => app.page.getByTestId('find-replace');
const note = async () => (await app.page.getByTestId('find-note').textContent()) ?? '';
const hits = () => app.page.evaluate(() => [...document.querySelectorAll('[data-testid="find-replace"] tr[data-hit]')].map((r) => r.getAttribute('data-hit')));
const shown = (table: number, row: string, col: string) =>
  app.page.evaluate(([t, r, c]) => document.querySelector(`.grid-wrap[data-table="${t}"] [row-id="${r}"] [col-id="${c}"]`)?.textContent ?? null, [String(table), row, col] as const);
const focused = () =>
  app.page.evaluate(() => {
    const c = document.querySelector('.grid-wrap .ag-cell-focus');
    return `${c?.closest('.grid-wrap')?.getAttribute('data-table')}|${c?.closest('[row-id]')?.getAttribute('row-id')}|${c?.getAttribute('col-id')}`;
  });
const find = async (text: string) => {
  await panel().locator('input[name="findText"]').fill(text);
  await panel().locator('[data-action="find-all"]').click();
};

describe('查找和替换', () => {
  it('Ctrl+H opens it; 查找全部 lists every table with 表/行/列; a click jumps to the cell; 仅当前表 narrows', async () => {
    const { page } = app;
    await nav('t2');
    await page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().click();
    await page.keyboard.press('Control+h');
    await panel().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('findText');
    await page.keyboard.type('15.28');
    await page.keyboard.press('Enter');
    await expect.poll(note).toBe('找到 9 处：表2 3 处、表3 2 处、表5 2 处、表6 2 处');
    expect(await hits()).toEqual(['2|2080505|1', '2|2080505|2', '2|2080505|3', '3|2080505|1', '3|2080505|2', '5|2080505|1', '5|2080505|2', '6|30108|1', '6|30108|2']);
    const first = await panel().locator('tr[data-hit="2|2080505|3"] td').allTextContents();
    expect(first).toEqual(['表2', '2080505 机关事业单位基本养老保险缴费支出', '第3栏（一般公共预算）', '15.28']);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(artifactDir('screenshots'), 'find-replace-1366.png') });
    await page.setViewportSize({ width: 1400, height: 860 });
    await panel().locator('tr[data-hit="6|30108|2"]').click();
    await expect.poll(focused).toBe('6|30108|c2');
    await panel().locator('input[name="onlyShown"]').check();
    await find('15.28');
    await expect.poll(note).toBe('找到 2 处：表6 2 处');
    await panel().locator('input[name="onlyShown"]').uncheck();
    // Names and codes too.
    await find('住房公积金');
    await expect.poll(note).toBe('找到 4 处：表2 1 处、表3 1 处、表5 1 处、表6 1 处');
    await panel().locator('tr[data-hit="5|2210201|"]').click();
    await expect.poll(focused).toBe('5|2210201|name');
    await find('没有这个词');
    await expect.poll(note).toBe('各表中没有找到“没有这个词”');
    expect(app.errors).toEqual([]);
  });

  it('全部替换 changes the entered amounts only, says how many computed cells it skipped, and undoes in one step', async () => {
    const { page } = app;
    await find('15.28');
    await panel().locator('input[name="replaceText"]').fill('16');
    await panel().locator('[data-action="replace-all"]').click();
    await expect.poll(note).toBe('已替换 4 个单元格；跳过 5 个计算得出的单元格（灰色，由其他单元格算出）。可用“撤销”一步恢复');
    // Nothing left to find: the computed cells followed the entered ones.
    expect(await hits()).toEqual([]);
    await nav('t2');
    await expect.poll(() => shown(2, '2080505', 'c3')).toBe('16.00');
    // 20805 = 0.20 + 16.00 + 7.64
    expect(await shown(2, '20805', 'c3')).toBe('23.84');
    await app.menu('edit:undo');
    expect(await page.getByTestId('message').textContent()).toBe('已撤销：全部替换“15.28”为“16”（4 个单元格）');
    await expect.poll(() => shown(2, '2080505', 'c3')).toBe('15.28');
    expect(await shown(2, '20805', 'c3')).toBe('23.12');
    await find('15.28');
    await expect.poll(note).toMatch(/^找到 9 处/);
    expect(app.errors).toEqual([]);
  });

  it('替换 changes the picked entered cell; on a computed cell it says why not', async () => {
    await find('15.28');
    await panel().locator('tr[data-hit="2|2080505|1"]').click();
    await panel().locator('input[name="replaceText"]').fill('20');
    await panel().locator('[data-action="replace-one"]').click();
    await expect.poll(note).toBe('此处不能替换：1 个计算得出的单元格（灰色，由其他单元格算出）');
    expect(await shown(2, '2080505', 'c1')).toBe('15.28');
    await find('0.2');
    await panel().locator('tr[data-hit="2|2080502|3"]').click();
    await panel().locator('input[name="replaceText"]').fill('0.3');
    await panel().locator('[data-action="replace-one"]').click();
    // Left: 表3, 表5 and 表6 (two cells each) still show 0.20.
    await expect.poll(note).toBe('已替换 表2 2080502 事业单位离退休 第3栏（一般公共预算）；还有 6 处');
    await expect.poll(() => shown(2, '2080502', 'c3')).toBe('0.30');
    expect(await shown(2, '2080502', 'c1')).toBe('0.30');
    await app.menu('edit:undo');
    await expect.poll(() => shown(2, '2080502', 'c3')).toBe('0.20');
    expect(app.errors).toEqual([]);
  });

  it('Esc closes it; 编辑 → 查找和替换… and the find box’s 替换… open it again with their text', async () => {
    const { page } = app;
    await panel().locator('input[name="findText"]').press('Escape');
    await panel().waitFor({ state: 'detached' });
    await app.menu('edit:replace');
    await panel().waitFor();
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    await page.fill('input[name="find"]', '事业运行');
    await page.click('.find-replace-open');
    await panel().waitFor();
    expect(await panel().locator('input[name="findText"]').inputValue()).toBe('事业运行');
    expect(app.errors).toEqual([]);
  });
});
