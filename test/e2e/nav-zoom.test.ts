import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/harness';
import { startApp } from './support/start-app';

/** The collapsible nav and the window zoom, both remembered across a reload. */
const { app } = startApp();
const SHOTS = join(ROOT, 'test/artifacts/tmp');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await app.page.setViewportSize({ width: 1366, height: 768 });
});

const navWidth = () => app.page.evaluate(() => document.querySelector('.side-nav')?.getBoundingClientRect().width ?? -1);
const zoomText = () => app.page.getByTestId('zoom-value').textContent();
const rootZoom = () => app.page.evaluate(() => getComputedStyle(document.querySelector('.app')!).zoom);
/** Amount columns of the shown table whose header is wholly inside the grid's scrolling part. */
const visibleAmountColumns = () =>
  app.page.evaluate(() => {
    const wrap = document.querySelector('.grid-wrap')?.getBoundingClientRect();
    const pinned = document.querySelector('.grid-wrap .ag-pinned-left-header')?.getBoundingClientRect();
    if (!wrap) return -1;
    const left = pinned ? pinned.right : wrap.left;
    const right = Math.min(wrap.right, window.innerWidth);
    const cells = [...document.querySelectorAll('.grid-wrap .ag-header-cell[col-id]')].filter((c) => /^c\d+$/.test(c.getAttribute('col-id') ?? ''));
    return cells.filter((c) => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && r.left >= left - 1 && r.right <= right + 1;
    }).length;
  });

describe('nav and zoom', () => {
  it('the nav collapses to a strip of 表N labels and back, and stays collapsed after a reload', async () => {
    const { page } = app;
    await page.click('[data-nav="t7"]');
    await page.waitForSelector('.grid-wrap .ag-header-cell');
    expect(await navWidth()).toBe(236);
    const before = await visibleAmountColumns();
    await page.screenshot({ path: join(SHOTS, 't7-1366-nav-open.png') });

    await page.getByTestId('nav-toggle').click();
    expect(await navWidth()).toBe(52);
    expect(await page.locator('[data-nav="t7"]').textContent()).toBe('表7');
    expect(await page.locator('[data-nav="t7"]').getAttribute('title')).toMatch(/^表7 /);
    // The grid follows its container's new width on the next frames.
    await page.waitForTimeout(300);
    const after = await visibleAmountColumns();
    expect(after).toBeGreaterThan(before);
    // The bar: at least six amount columns of 表7 beside the (narrowed) code/name/project columns.
    expect(after).toBeGreaterThanOrEqual(6);
    // A name too long for the narrowed column shows in full on hover.
    await page.locator('.grid-wrap [row-id] [col-id="name"]', { hasText: '政府办公厅（室）及相关机构事务' }).first().hover();
    await page.locator('.ag-tooltip', { hasText: '政府办公厅（室）及相关机构事务' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 't7-1366-nav-collapsed.png') });
    console.log(`表7 at 1366×768: ${before} amount columns visible with the nav open, ${after} collapsed`);

    // At 1600×1000 too, collapsed and open, for a look.
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 't7-1600-nav-collapsed.png') });
    await page.getByTestId('nav-toggle').click();
    await page.waitForTimeout(300);
    expect(await visibleAmountColumns()).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: join(SHOTS, 't7-1600-nav-open.png') });
    await page.getByTestId('nav-toggle').click();
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.reload();
    await page.waitForSelector('.ag-root');
    expect(await navWidth()).toBe(52);
    await page.getByTestId('nav-toggle').click();
    expect(await navWidth()).toBe(236);
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+= / Ctrl+- / Ctrl+0, Ctrl+wheel and the status-bar buttons zoom the window, remembered', async () => {
    const { page } = app;
    expect(await zoomText()).toBe('100%');
    await page.locator('.doc-title').click();
    await page.keyboard.press('Control+=');
    expect(await zoomText()).toBe('110%');
    expect(await rootZoom()).toBe('1.1');
    await page.keyboard.press('Control+-');
    await page.keyboard.press('Control+-');
    expect(await zoomText()).toBe('90%');
    await page.keyboard.press('Control+0');
    expect(await zoomText()).toBe('100%');

    await page.mouse.move(700, 400);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('[data-testid="zoom-value"]')?.textContent === '90%');
    // Only the app zoomed: the browser's own page zoom stayed at 100%.
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);

    await page.getByRole('button', { name: '放大' }).click();
    await page.getByRole('button', { name: '放大' }).click();
    expect(await zoomText()).toBe('110%');
    await app.menu('view:zoomOut');
    await app.menu('view:zoomOut');
    await page.waitForFunction(() => document.querySelector('[data-testid="zoom-value"]')?.textContent === '90%');

    await page.reload();
    await page.waitForSelector('.ag-root');
    expect(await zoomText()).toBe('90%');
    expect(await rootZoom()).toBe('0.9');
    await page.getByTestId('zoom-value').click();
    expect(await zoomText()).toBe('100%');
    expect(app.errors).toEqual([]);
  });
});
