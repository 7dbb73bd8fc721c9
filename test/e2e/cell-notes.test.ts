import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/** A cell explains itself: findings on hover and focus, a computed cell says where to enter instead. */
const { app } = startApp();

const nav = (id: string) => app.page.click(`[data-nav="${id}"]`);
const message = () => app.page.getByTestId('message').textContent();

describe('cell notes', () => {
  it('typing into a computed cell says why not and where to enter', async () => {
    const { page } = app;
    await nav('t2');
    await page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().click();
    await page.keyboard.press('5');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('此栏由程序计算'));
    expect(await message()).toMatch(/^此栏由程序计算，不能直接录入：第1栏（总计） = 第2栏（财政拨款（补助）小计） \+ .*请在第3栏、第4栏/);
    // Nothing was typed into it.
    expect(await page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().textContent()).toBe('342.32');
  });

  it('a flagged cell shows its finding on hover and in the status bar on focus', async () => {
    const { page } = app;
    await nav('t6');
    // Break 表6 总计 = 表5 基本支出: add 1.00 to the first entered cell of table 6.
    const cell = page.locator('.grid-wrap .cell-entered').first();
    const before = Number(((await cell.textContent()) ?? '0').replace(/,/g, '')) || 0;
    await cell.dblclick();
    await page.keyboard.type(String(before + 1));
    await page.keyboard.press('Enter');
    const flagged = page.locator('.grid-wrap .mark-error').first();
    await flagged.waitFor();
    await flagged.hover();
    const tip = page.locator('.ag-tooltip');
    await tip.waitFor();
    const text = (await tip.textContent()) ?? '';
    expect(text.startsWith('错误：')).toBe(true);
    expect(text).toContain('表5');
    // For a look at both window sizes the issue names (the tooltip shown over the grid).
    for (const [width, height] of [
      [1366, 768],
      [1600, 1000],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.mouse.move(0, 0);
      await page.waitForFunction(() => !document.querySelector('.ag-tooltip'));
      await flagged.hover();
      await page.locator('.ag-tooltip:not(.ag-tooltip-hiding)').first().waitFor();
      await page.screenshot({ path: join(artifactDir('screenshots'), `hover-flagged-cell-${width}x${height}.png`) });
    }
    await page.setViewportSize({ width: 1400, height: 860 });
    await flagged.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('错误：'));
    expect((await message())?.replace(/；/g, '\n')).toBe(text);
  });

  it('a "go to row" of one document does not carry into the next', async () => {
    const { page } = app;
    await nav('findings');
    await page.locator('[data-finding]').first().click();
    await page.waitForFunction(() => document.querySelector('.grid-wrap') !== null);
    await app.menu('file:new');
    // The edited sample asks whether to keep its changes.
    const discard = page.getByRole('button', { name: '不保存' });
    if (await discard.count()) await discard.click();
    await page.getByRole('dialog', { name: '新建部门预算' }).waitFor();
    await page.fill('.modal input[name="department"]', '某某县审计局');
    await page.fill('.modal input[name="year"]', '2026');
    await page.click('.modal button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent?.includes('某某县审计局'));
    for (const id of ['t2', 't5', 't6']) await nav(id);
    expect(await message()).not.toContain('没有显示该行');
    expect(app.errors).toEqual([]);
  });
});
