import { describe, expect, it } from 'vitest';
import { startApp } from './support/start-app';

/** 文件 → 由本年度预算新建部门决算…: the year's 决算 on the open budget, its 预算数 as 年初预算. */
const { app } = startApp();

describe('a 部门决算 started from the open budget', () => {
  it('turns the sample 2024 budget into its 2024 决算: 9 决算 tables, 三公 预算数 in 表7, 年初预算 in the 情况说明', async () => {
    const { page } = app;
    await app.menu('file:newFinalAccounts');
    // The sample may count as unsaved: the app asks first (保存 / 不保存 / 取消).
    const ask = page.getByRole('dialog', { name: '保存修改？' });
    const done = () => page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('部门决算草稿'));
    await Promise.race([ask.waitFor().then(() => page.click('[data-answer="discard"]')), done()]);
    await done();
    expect(await page.locator('[data-testid="message"]').textContent()).toContain('已生成 2024 年度部门决算草稿：预算数已作为年初预算');
    const tables = await page.locator('[data-nav^="t"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')).filter((id) => /^t\d+$/.test(id ?? '')));
    expect(tables).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    await page.click('[data-nav="t7"]');
    await expect.poll(async () => (await page.locator('.table-page').first().textContent()) ?? '').toContain('财政拨款“三公”经费支出决算表');
    // The sample budget's 三公: 公务用车运行费 4.80 and 公务接待费 0.16 (表10), now 表7's 预算数.
    await page.locator('.grid-wrap [row-id="amount"]').first().waitFor();
    await expect.poll(async () => (await page.locator('.grid-wrap [row-id="amount"]').allTextContents()).join(' ')).toMatch(/4\.96.*4\.80.*4\.80.*0\.16/u);
    await page.click('[data-nav="narrative"]');
    await page.locator('[data-section="s5"] h3 button').click();
    await expect.poll(async () => (await page.locator('[data-section="s5"]').textContent()) ?? '').toContain('一般公共预算财政拨款支出年初预算为');
    expect(app.errors).toEqual([]);
  });
});
