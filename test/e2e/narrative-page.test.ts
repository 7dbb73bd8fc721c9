import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/**
 * 情况说明 as the accountant sees it: sections that say they are closed (chevron, summary) and
 * show which one is open; 改写 never on the text and the text still in view while rewriting;
 * a number's source opening next to the number. And 导出 Excel from the toolbar passes the
 * 公开前检查 first. Screenshots at 1366×768 and 1600×1000 in test/artifacts/tmp/narrative-page/.
 */
const SHOTS = artifactDir('narrative-page');
const { h, app } = startApp();
let page: Page;

beforeAll(async () => {
  page = app.page;
});

const para = (id: string) => page.locator(`[data-paragraph="${id}"]`);
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('情况说明 page', () => {
  it('each section shows a chevron and what it holds; the open one is marked', async () => {
    await page.click('[data-nav="narrative"]');
    const s1 = page.locator('[data-section="s1"] h3 button');
    const s2 = page.locator('[data-section="s2"] h3 button');
    expect(await s1.getAttribute('aria-expanded')).toBe('true');
    expect(await s1.locator('.chevron').textContent()).toBe('▾');
    expect(await s2.getAttribute('aria-expanded')).toBe('false');
    expect(await s2.locator('.chevron').textContent()).toBe('▸');
    const chevron = await s2.locator('.chevron').boundingBox();
    expect(chevron?.width).toBeGreaterThan(5);
    // A closed section says it has paragraphs (it is not empty) and how to open it.
    expect(await s2.locator('.section-summary').textContent()).toMatch(/^\d+ 段.*（点击展开）$/u);
    // The open section looks different from the closed ones (background of its title bar).
    const bg = (b: typeof s1) => b.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await bg(s1)).not.toBe(await bg(s2));
    await s2.click();
    expect(await s2.getAttribute('aria-expanded')).toBe('true');
    expect(await s2.locator('.chevron').textContent()).toBe('▾');
    expect(await s1.locator('.chevron').textContent()).toBe('▸');
    expect(await page.locator('[data-section="s2"]').getAttribute('class')).toContain('open');
    await s1.click();
  });

  it('改写 sits beside the text, never on it; while rewriting, the generated text stays in view', async () => {
    await page.click('[data-nav="narrative"]');
    const p = para('s1.total');
    await p.hover();
    const button = await p.getByRole('button', { name: '改写' }).boundingBox();
    const text = await p.locator('p').boundingBox();
    expect(button && text).toBeTruthy();
    expect(overlaps(button!, text!)).toBe(false);
    const original = await p.locator('p').textContent();
    expect(original).toContain('收支总预算342.32万元');
    await p.getByRole('button', { name: '改写' }).click();
    const editor = p.getByLabel('改写段落');
    expect(await editor.inputValue()).toBe(original);
    // The generated paragraph is still shown, above the box, not covered by it.
    const kept = p.locator('.override-original p');
    expect(await kept.textContent()).toBe(original);
    const keptBox = await kept.boundingBox();
    const editorBox = await editor.boundingBox();
    expect(overlaps(keptBox!, editorBox!)).toBe(false);
    expect(keptBox!.y + keptBox!.height).toBeLessThanOrEqual(editorBox!.y);
    await p.getByRole('button', { name: '取消' }).click();
    expect(await p.locator('.override-original').count()).toBe(0);
  });

  it('a number’s source opens right under the number clicked, also far down the page', async () => {
    await page.click('[data-nav="narrative"]');
    await page.click('[data-section="s2"] h3 button');
    // A number in the last paragraph of the section: the page has to be scrolled to reach it.
    const num = page.locator('[data-section="s2"] .narrative-paragraph button.num').last();
    await num.scrollIntoViewIfNeeded();
    await num.click();
    const note = page.locator('.source-note');
    await expect.poll(() => note.textContent()).toContain('来源：');
    expect(await note.textContent()).toContain(await num.textContent());
    const n = (await num.boundingBox())!;
    const b = (await note.boundingBox())!;
    // Just below the number (within a few pixels), and horizontally at it.
    expect(b.y).toBeGreaterThanOrEqual(n.y + n.height);
    expect(b.y - (n.y + n.height)).toBeLessThan(12);
    expect(b.x).toBeLessThanOrEqual(n.x + 1);
    expect(b.x + b.width).toBeGreaterThan(n.x);
    // In the viewport, not at the top of the page.
    const vh = page.viewportSize()!.height;
    expect(b.y).toBeGreaterThan(0);
    expect(b.y).toBeLessThan(vh);
    await note.getByRole('button', { name: '关闭' }).click();
    expect(await note.count()).toBe(0);
  });

  it('screenshots at 1366×768 and 1600×1000 (a section open, a source note, a paragraph being rewritten)', async () => {
    for (const [w, hgt] of [
      [1366, 768],
      [1600, 1000],
    ] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.click('[data-nav="narrative"]');
      if ((await page.locator('[data-section="s1"] h3 button').getAttribute('aria-expanded')) !== 'true') await page.click('[data-section="s1"] h3 button');
      await para('s1.total').locator('button.num').first().click();
      await page.locator('.source-note').waitFor();
      await page.screenshot({ path: join(SHOTS, `narrative-${w}x${hgt}.png`) });
      await page.locator('.source-note').getByRole('button', { name: '关闭' }).click();
      await para('s1.total').hover();
      await para('s1.total').getByRole('button', { name: '改写' }).click();
      await page.screenshot({ path: join(SHOTS, `narrative-rewrite-${w}x${hgt}.png`) });
      await para('s1.total').getByRole('button', { name: '取消' }).click();
    }
    await page.setViewportSize({ width: 1400, height: 860 });
    expect(app.errors).toEqual([]);
  });
});

describe('导出 Excel from the toolbar', () => {
  it('runs the 公开前检查 first: 返回修改 goes to 检查结果 and writes nothing; 仍然导出 writes the workbook', async () => {
    // An error in the tables: table 2's 一般公共预算 of one 项 off by 0.01.
    await page.click('[data-nav="t2"]');
    const cell = page.locator('.grid-wrap [row-id="2010350"] [col-id="c3"]').first();
    const before = (await cell.textContent())?.trim() ?? '';
    await cell.click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-errors"]')?.textContent !== '错误 0');
    const out = join(await h.tempDir('toolbar-export-'), '公开表.xlsx');
    await page.click('[data-cmd="file:exportXlsx"]');
    const dialog = page.getByRole('dialog', { name: '公开前检查' });
    await expect.poll(() => dialog.textContent()).toMatch(/还有 \d+ 个错误/u);
    await dialog.getByRole('button', { name: '返回修改' }).click();
    expect(await page.locator('[data-nav="findings"]').getAttribute('class')).toContain('active');
    expect(app.desk.dialogAnswers).toEqual([]);
    expect(existsSync(out)).toBe(false);

    app.desk.dialogAnswers.push(out);
    await page.click('[data-cmd="file:exportXlsx"]');
    await page.getByRole('dialog', { name: '公开前检查' }).getByRole('button', { name: '仍然导出' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已导出 Excel'));
    expect(statSync(out).size).toBeGreaterThan(5000);

    // With the error undone the check says so and offers 导出.
    await page.click('[data-cmd="edit:undo"]');
    await page.click('[data-nav="t2"]');
    await expect.poll(async () => (await cell.textContent())?.trim()).toBe(before);
    await page.click('[data-cmd="file:exportXlsx"]');
    const again = page.getByRole('dialog', { name: '公开前检查' });
    await expect.poll(() => again.textContent()).toContain('未发现错误');
    await again.getByRole('button', { name: '返回修改' }).click();
    expect(app.errors).toEqual([]);
  });
});
