import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/**
 * The add-row dialog and the code list: the built-in list finds what our packets print (教育),
 * says how to import a full list and does it from a button, and takes a code outside the list
 * with its name, which 检查结果 then lists as a 提示 at its row.
 */
const SHOTS = artifactDir('screenshots');
const { h, app } = startApp();
let page: Page;
let listPath = '';

const warnings = async () => Number((await page.getByTestId('status-warnings').textContent())?.match(/\d+/)?.[0] ?? 'NaN');

beforeAll(async () => {
  const dir = await h.tempDir('desk-codes-');
  listPath = join(dir, '功能分类科目表.csv');
  // A list exported from a budget system: it holds the sample's 项 and two 教育 项.
  writeFileSync(
    listPath,
    ['科目编码,科目名称', '205,教育支出', '20501,教育管理事务', '2050101,行政运行', '20502,普通教育', '2050201,学前教育', '2050202,小学教育'].join('\r\n'),
  );
  page = app.page;
  await page.click('[data-nav="t2"]');
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SHOTS, `failed-code-list-${ctx.task.name.slice(0, 20)}.png`) });
});

describe('the add-row dialog and the code list', () => {
  it('“教育” finds the 教育支出 类 with its printed 款 and 项; the dialog says how to import a full list', async () => {
    await page.click('[data-action="add-function"]');
    await page.fill('input[name="code"]', '教育');
    const match = page.locator('.code-matches [data-code="2050205"]');
    await match.waitFor();
    expect((await match.textContent())?.replace(/\s+/g, ' ').trim()).toBe('2050205 高等教育 教育支出 › 普通教育');
    expect(await page.locator('.code-matches [data-code]').count()).toBe(1);
    const source = (await page.locator('.code-list-source').textContent()) ?? '';
    expect(source).toContain('现用内置科目表');
    expect(source).toContain('文件 → 导入科目表…');
    expect(await page.locator('[data-action="import-code-list"]').textContent()).toBe('导入科目表…');
    await page.screenshot({ path: join(SHOTS, 'add-row-code-list.png') });
  });

  it('a code not in the list is taken with its name, with a warning, and is a 提示 “编码不在科目表中” at its row', async () => {
    const before = await warnings();
    await page.fill('input[name="code"]', '2050101');
    const warn = page.locator('.form-warning');
    await warn.waitFor();
    expect(await warn.textContent()).toContain('编码 2050101 不在科目表中');
    // Without a name it is refused, in words.
    await page.click('.modal button[type="submit"]');
    expect(await page.locator('.modal .form-error').textContent()).toBe('科目 2050101 不在科目表中，请同时填写科目名称');
    await page.fill('input[name="name"]', '学前教育（自编）');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="2050101"]');
    expect((await page.locator('.grid-wrap [row-id="205"] [col-id="name"]').first().textContent())?.trim()).toBe('教育支出');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="status-warnings"]')?.textContent?.match(/\d+/)?.[0]) === n, before + 1);
    await page.click('[data-nav="findings"]');
    const item = page.locator('.finding-item', { hasText: '编码不在科目表中' });
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('表2科目 2050101“学前教育（自编）”：编码不在科目表中');
    await page.click('[data-nav="t2"]');
  });

  it('导入科目表… in the dialog imports the list there; its codes are offered and the 提示 goes', async () => {
    const before = await warnings();
    await page.click('[data-action="add-function"]');
    app.desk.dialogAnswers.push(listPath);
    await page.click('[data-action="import-code-list"]');
    await page.waitForFunction(() => document.querySelector('.code-list-source')?.textContent?.includes('现用已导入的科目表（3 个项）'));
    expect(await page.getByTestId('message').textContent()).toContain('已导入支出功能分类科目 6 个');
    await page.fill('input[name="code"]', '小学');
    await page.locator('.code-matches [data-code="2050202"]').waitFor();
    expect((await page.locator('.code-matches [data-code="2050202"]').textContent())?.replace(/\s+/g, ' ').trim()).toBe('2050202 小学教育 教育支出 › 普通教育');
    await page.click('.modal button:has-text("取消")');
    // 2050101 is in the list now, under the list's name: a 名称 提示 replaces the 编码 one; the
    // sample's other 项 are not in this short list, each a 提示.
    await page.click('[data-nav="findings"]');
    await page.locator('.finding-item', { hasText: '名称为“学前教育（自编）”，科目表中为“行政运行”' }).waitFor();
    expect(await page.locator('.finding-item', { hasText: '2050101“学前教育（自编）”：编码不在科目表中' }).count()).toBe(0);
    expect(await warnings()).toBeGreaterThan(before);
    expect(app.errors).toEqual([]);
  });
});
