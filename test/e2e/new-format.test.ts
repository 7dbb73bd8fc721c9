import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/** 文件 → 新建 asks for the format: a Shanghai 部门预算 has its 9 tables, entered and printed in 元. */
const { h, app } = startApp();

describe('文件 → 新建 with a format', () => {
  it('offers the built-in formats; choosing 上海部门预算 makes a 9-table document in 元', async () => {
    const { page } = app;
    await app.menu('file:new');
    const dialog = page.getByRole('dialog', { name: '新建部门预算' });
    await dialog.waitFor();
    const options = await page.locator('.modal select[name="format"] option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['2024 年部门预算公开格式', '上海部门预算公开格式（9 张表）', '上海单位预算公开格式（9 张表）']));
    await page.fill('.modal input[name="department"]', '某某区某某局');
    await page.fill('.modal input[name="year"]', '2026');
    await page.selectOption('.modal select[name="format"]', 'shanghai-budget');
    // A format whose tables print in 元 is entered in 元.
    expect(await page.locator('.modal select[name="unit"]').inputValue()).toBe('元');
    await page.click('.modal button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent?.includes('某某区某某局'));
    expect(await page.locator('.status-bar').textContent()).toContain('录入单位：元');
    const tables = await page.locator('[data-nav^="t"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')).filter((id) => /^t\d+$/.test(id ?? '')));
    expect(tables).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    await page.click('[data-nav="t9"]');
    await expect.poll(async () => (await page.locator('.table-page').first().textContent()) ?? '').toContain('“三公”经费和机关运行经费预算表');
    expect(app.errors).toEqual([]);
  });

  it('情况说明 of that 部门预算: 项目经费情况说明 lists the projects typed one per line, each with its seven texts kept across pages', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('[data-nav="narrative"]');
    const button = page.locator('[data-section="s7"] h3 button');
    expect(await button.textContent()).toContain('项目经费情况说明');
    await button.click();
    const list = page.getByLabel(/^需说明的项目名称/);
    await list.fill('设备购置\n课题研究');
    await list.press('Tab'); // leaving the field applies it
    await page.getByLabel(/^设备购置：项目概述/).waitFor();
    await page.getByLabel(/^课题研究：立项依据/).fill('《某区财政绩效管理办法》。');
    // Leave the page straight from the field: what was typed is kept.
    await page.click('[data-nav="t1"]');
    await page.click('[data-nav="narrative"]');
    if ((await page.locator('[data-section="s7"] h3 button').getAttribute('aria-expanded')) !== 'true') await page.locator('[data-section="s7"] h3 button').click();
    expect(await page.getByLabel(/^课题研究：立项依据/).inputValue()).toBe('《某区财政绩效管理办法》。');
    const title = page.locator('[data-paragraph="sh7.p:课题研究"] h4');
    expect(await title.textContent()).toBe('课题研究项目经费情况说明');
    expect(await page.locator('[data-paragraph="sh7.p:课题研究.basis"] p').textContent()).toBe('《某区财政绩效管理办法》。');
    expect(await page.locator('[data-paragraph="sh7.p:课题研究.period"] p').textContent()).toBe('2026年全年度。');
    await page.getByLabel(/^课题研究：立项依据/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactDir('narrative-page'), 'shanghai-project-notes-1366x768.png') });
    // Undo takes the text back out, as any other edit.
    await page.click('[data-cmd="edit:undo"]');
    await expect.poll(async () => page.locator('[data-paragraph="sh7.p:课题研究.basis"] p').textContent()).toBe('');
    await page.setViewportSize({ width: 1400, height: 860 });
    expect(app.errors).toEqual([]);
  });

  it('offers the 部门决算 format: 9 tables in 万元; 表6 prints 人员经费 and 公用经费 side by side and an entry reaches its 合计', async () => {
    const fresh = await h.open();
    const { page } = fresh;
    await fresh.menu('file:new');
    await page.getByRole('dialog', { name: '新建部门预算' }).waitFor();
    const options = await page.locator('.modal select[name="format"] option').allTextContents();
    expect(options).toContain('部门决算公开格式（9 张表）');
    await page.fill('.modal input[name="department"]', '某某区财政局');
    await page.fill('.modal input[name="year"]', '2024');
    await page.selectOption('.modal select[name="format"]', 'final-accounts');
    expect(await page.locator('.modal select[name="unit"]').inputValue()).toBe('万元');
    await page.click('.modal button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent?.includes('某某区财政局'));
    const tables = await page.locator('[data-nav^="t"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')).filter((id) => /^t\d+$/.test(id ?? '')));
    expect(tables).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    await page.click('[data-nav="t6"]');
    await expect.poll(async () => (await page.locator('.table-page').first().textContent()) ?? '').toContain('一般公共预算财政拨款基本支出决算表');
    const rowOf = async (text: string) => page.locator('.grid-wrap .ag-row', { hasText: text }).first().getAttribute('row-id');
    const basic = (await rowOf('30101 基本工资'))!;
    expect(await rowOf('30201 办公费')).toBe(basic);
    const cell = (row: string, col: string) => page.locator(`.grid-wrap [row-id="${row}"] [col-id="${col}"]`).first();
    await cell(basic, 'in1').click();
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cell('pair:total', 'in1').textContent())?.trim()).toBe('12.50');
    expect(fresh.errors).toEqual([]);
  });
});
