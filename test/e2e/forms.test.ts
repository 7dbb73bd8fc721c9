import { describe, expect, it } from 'vitest';
import { startApp } from './support/start-app';

/** 部门概况, 名词解释 and 绩效目标表 keep what was typed when the user leaves, like a spreadsheet cell. */
const { app } = startApp();

const nav = (id: string) => app.page.click(`[data-nav="${id}"]`);
const message = () => app.page.getByTestId('message').textContent();

describe('forms keep typed text', () => {
  it('部门概况: text typed and left (page switch) is stored, and undo takes it back', async () => {
    const { page } = app;
    await nav('profile');
    const before = await page.inputValue('textarea[name="functions"]');
    await page.fill('textarea[name="functions"]', '负责联络服务工作。');
    // Straight to another page, without 应用修改.
    await nav('t2');
    await nav('profile');
    expect(await page.inputValue('textarea[name="functions"]')).toBe('负责联络服务工作。');
    await page.click('[data-cmd="edit:undo"]');
    await page.waitForFunction((v) => (document.querySelector('textarea[name="functions"]') as HTMLTextAreaElement).value === v, before);
    expect(app.errors).toEqual([]);
  });

  it('部门概况: a value the document refuses stays on screen with the reason, also after leaving the page', async () => {
    const { page } = app;
    await nav('profile');
    await page.fill('input[name="year"]', '二〇二五');
    await nav('t1');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('所填内容已保留'));
    expect(await message()).toBe('部门概况的修改未能保存：预算年度“二〇二五”无效（应为 1990–2200 之间的整数）。所填内容已保留，回到“部门概况”可继续修改');
    await nav('profile');
    expect(await page.inputValue('input[name="year"]')).toBe('二〇二五');
    // 放弃修改 is the only way to drop it, and it says so by doing it.
    await page.click('.profile-form .form-actions button[type="button"]');
    expect(await page.inputValue('input[name="year"]')).not.toBe('二〇二五');
  });

  it('名词解释: an edited entry is stored when the focus leaves it, and kept across pages', async () => {
    const { page } = app;
    await nav('glossary');
    await page.fill('[aria-label="第1条解释"]', '指本部门自定义的解释。');
    await nav('t3');
    await nav('glossary');
    expect(await page.inputValue('[aria-label="第1条解释"]')).toBe('指本部门自定义的解释。');
    expect(await page.locator('.glossary-page .table-meta').textContent()).toBe('本部门自定义');
  });

  it('绩效目标表: a goal typed and left is stored (one undoable step)', async () => {
    const { page } = app;
    await nav('performance');
    const goal = page.locator('.perf-block').first().locator('textarea').first();
    await goal.fill('保障机关正常运转，完成年度工作任务。');
    await nav('t4');
    await nav('performance');
    expect(await page.locator('.perf-block').first().locator('textarea').first().inputValue()).toBe('保障机关正常运转，完成年度工作任务。');
    expect(app.errors).toEqual([]);
  });
});
