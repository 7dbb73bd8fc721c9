import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/harness';
import { startApp } from './support/start-app';

/** 文件 → 导入… a published packet, then 文件 → 新建下一年度预算: next year's draft on last year's figures. */
const { app } = startApp();
let page: Page;

beforeAll(async () => {
  page = app.page;
});

describe('新建下一年度预算 from an imported packet', () => {
  it('imports packet 003, then starts 2025 with its departments, projects and an empty budget', async () => {
    app.desk.dialogAnswers.push(join(ROOT, 'test/fixtures/003_d8581a66e967af08.txt'));
    await app.menu('file:import');
    const d = page.getByRole('dialog', { name: '导入结果' });
    await d.waitFor();
    expect(await d.textContent()).toContain('11 张表');
    await page.keyboard.press('Escape');

    await app.menu('file:nextYear');
    // The imported packet is unsaved: the app asks first (保存 / 不保存 / 取消).
    await page.getByRole('dialog', { name: '保存修改？' }).waitFor();
    await page.click('[data-answer="discard"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('已生成 2025 年度部门预算草稿（上年预算（万元）：基本支出'));
    expect(await page.locator('.doc-title').textContent()).toContain('昌吉回族自治州人民政府驻北京联络处 2025 年部门预算');
    expect(await page.locator('.status-bar').textContent()).toContain('未保存');
    await page.click('[data-nav="t7"]');
    // The project list carries over; its amounts are next year's to enter.
    await page.waitForSelector('.grid-wrap[data-table="7"] [row-id="p:p1"]');
    const amount = await page.locator('.grid-wrap[data-table="7"] [row-id="p:p1"] [col-id="c1"]').first().textContent();
    expect(amount?.trim()).toBe('');
    expect(app.errors).toEqual([]);
  });
});
