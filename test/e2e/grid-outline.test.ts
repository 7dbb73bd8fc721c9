import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/** Folding 类/款 rows, and the 总计 row pinned at the top of the grid (sample department, 1366×768). */
const { app } = startApp();
const SHOTS = artifactDir('outline');

beforeAll(async () => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
});

const nav = async (id: string) => {
  await app.page.click(`[data-nav="${id}"]`);
  await app.page.waitForSelector(`.grid-wrap[data-table="${id.slice(1)}"] .ag-row`);
};
/** Row ids the grid shows, pinned rows first, then the body in order. */
const shownIds = () =>
  app.page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const r of document.querySelectorAll('.grid-wrap .ag-row[row-id][row-index]')) {
      const at = r.getAttribute('row-index') ?? '';
      seen.set(r.getAttribute('row-id') ?? '', at.startsWith('t-') ? -1000 + Number(at.slice(2)) : Number(at));
    }
    return [...seen.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  });
const cellText = (row: string, col: string) => app.page.locator(`.grid-wrap [row-id="${row}"] [col-id="${col}"]`).first().textContent();
const pinnedTotal = (col: string) => app.page.locator(`.grid-wrap .ag-grid-pinned-top-rows [row-id="total"] [col-id="${col}"]`).first();
const message = () => app.page.getByTestId('message').textContent();

const T2_ALL = ['total', '201', '20103', '2010302', '2010350', '208', '20805', '2080502', '2080505', '2080506', '210', '21011', '2101102', '2101103', '2101199', '221', '22102', '2210201'];

describe('folding 类/款 levels', () => {
  it('a 类 folds with its toggle: its 款/项 are hidden, its own and the 总计 amounts unchanged, no undo step', async () => {
    const { page } = app;
    await nav('t2');
    expect(await shownIds()).toEqual(T2_ALL);
    const toggle = page.locator('.grid-wrap .fold-toggle[data-fold="208"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2080505"]'));
    expect(await shownIds()).toEqual(T2_ALL.filter((k) => !k.startsWith('208') || k === '208'));
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await cellText('208', 'c1')).toBe('23.12');
    expect(await cellText('total', 'c1')).toBe('342.32');
    // Folding is a view: the document is unchanged, there is nothing to undo.
    await app.menu('edit:undo');
    expect(await message()).toBe('没有可撤销的操作');
    await toggle.click();
    await page.waitForSelector('.grid-wrap [row-id="2080505"]');
    expect(await shownIds()).toEqual(T2_ALL);
    expect(app.errors).toEqual([]);
  });

  it('Alt+Shift+← / → hide and show the rows under the focused 类/款; on a 项, ← folds its 款 and the focus goes there', async () => {
    const { page } = app;
    await nav('t2');
    const shown = (key: string) => page.locator(`.grid-wrap [row-id="${key}"]`).count();
    await page.click('.grid-wrap [row-id="208"] [col-id="c1"]');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2080505"]'));
    expect(await shownIds()).toEqual(T2_ALL.filter((k) => !k.startsWith('208') || k === '208'));
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.waitForSelector('.grid-wrap [row-id="2080505"]');
    expect(await shownIds()).toEqual(T2_ALL);
    // From a 项: its 款 folds, the 类 stays open, the focus lands on the 款.
    await page.click('.grid-wrap [row-id="2080505"] [col-id="c1"]');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2080505"]'));
    expect(await shown('20805')).toBeGreaterThan(0);
    expect(await shownIds()).toEqual(T2_ALL.filter((k) => !k.startsWith('20805') || k === '20805'));
    await page.waitForSelector('.grid-wrap [row-id="20805"] .ag-cell-focus');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.waitForSelector('.grid-wrap [row-id="2080505"]');
    expect(await shownIds()).toEqual(T2_ALL);
    expect(await cellText('total', 'c1')).toBe('342.32');
    expect(app.errors).toEqual([]);
  });

  it('只显示类 / 显示到款 / 展开全部, and each table keeps its folding across table switches', async () => {
    const { page } = app;
    await nav('t2');
    await page.click('[data-outline="class"]');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="20103"]'));
    expect(await shownIds()).toEqual(['total', '201', '208', '210', '221']);
    // The 类 totals as before folding; they still add up to the 总计 (298.75 + 23.12 + 8.18 + 12.27 = 342.32).
    expect(await Promise.all(['201', '208', '210', '221', 'total'].map((k) => cellText(k, 'c1')))).toEqual(['298.75', '23.12', '8.18', '12.27', '342.32']);

    await nav('t3');
    expect((await shownIds()).length).toBe(18);
    await nav('t2');
    expect(await shownIds()).toEqual(['total', '201', '208', '210', '221']);

    await page.click('[data-outline="kuan"]');
    await page.waitForSelector('.grid-wrap [row-id="20103"]');
    expect(await shownIds()).toEqual(['total', '201', '20103', '208', '20805', '210', '21011', '221', '22102']);
    expect(await page.locator('.grid-wrap .fold-toggle[data-fold="201"]').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.grid-wrap .fold-toggle[data-fold="20103"]').getAttribute('aria-expanded')).toBe('false');

    await page.click('[data-outline="all"]');
    await page.waitForSelector('.grid-wrap [row-id="2010302"]');
    expect(await shownIds()).toEqual(T2_ALL);
    expect(app.errors).toEqual([]);
  });

  it('查找 a 项 under a folded 款 unfolds that 款 only and puts the focus on the row', async () => {
    const { page } = app;
    await nav('t2');
    await page.click('[data-outline="kuan"]');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2080505"]'));
    await page.fill('input[name="find"]', '2080505');
    await page.press('input[name="find"]', 'Enter');
    await page.waitForSelector('.grid-wrap [row-id="2080505"] .ag-cell-focus');
    expect(await shownIds()).toEqual(['total', '201', '20103', '208', '20805', '2080502', '2080505', '2080506', '210', '21011', '221', '22102']);
    await page.click('[data-outline="all"]');
    expect(app.errors).toEqual([]);
  });
});

describe('总计 pinned at the top', () => {
  it('表6: the 总计 stays in view while the body scrolls, with live values and marks after an edit far below', async () => {
    const { page } = app;
    await nav('t6');
    expect(await page.locator('.grid-wrap .ag-grid-pinned-top-rows [row-id="total"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.grid-wrap .ag-grid-scrolling-container [row-id="total"]').count()).toBe(0);
    // Scroll to the last rows: the table is longer than the window.
    const scrolled = await page.evaluate(() => {
      const v = document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport')!;
      v.scrollTop = v.scrollHeight;
      return v.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    await page.waitForSelector('.grid-wrap [row-id="30309"]');
    const inView = () =>
      page.evaluate(() => {
        const wrap = document.querySelector('.grid-wrap')!.getBoundingClientRect();
        const t = document.querySelector('.grid-wrap .ag-grid-pinned-top-rows [row-id="total"] [col-id="c1"]')!.getBoundingClientRect();
        return t.height > 0 && t.top >= wrap.top && t.bottom <= wrap.bottom;
      });
    expect(await inView()).toBe(true);
    expect(await pinnedTotal('c1').textContent()).toBe('160.32');
    expect(await pinnedTotal('c1').getAttribute('class')).not.toContain('mark-error');

    // 30309 奖励金 人员经费 0.33 → 1.33: 总计 161.32, 人员经费 140.88 → 141.88; 表6 no longer agrees with 表5's 基本支出, so the total is marked.
    await page.locator('.grid-wrap [row-id="30309"] [col-id="c2"]').first().click();
    await page.keyboard.type('1.33');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.grid-wrap .ag-grid-pinned-top-rows [row-id="total"] [col-id="c1"]')?.textContent === '161.32');
    expect(await inView()).toBe(true);
    expect(await pinnedTotal('c2').textContent()).toBe('141.88');
    expect(await pinnedTotal('c1').getAttribute('class')).toContain('mark-error');
    expect(await cellText('303', 'c1')).toBe('1.53');
    await page.screenshot({ path: join(SHOTS, 't6-pinned-total-1366.png') });

    await app.menu('edit:undo');
    await page.waitForFunction(() => document.querySelector('.grid-wrap .ag-grid-pinned-top-rows [row-id="total"] [col-id="c1"]')?.textContent === '160.32');
    expect(await pinnedTotal('c1').getAttribute('class')).not.toContain('mark-error');
    expect(app.errors).toEqual([]);
  });

  it('a block from the pinned 总计 into the body: 求和/计数/平均 of both; Ctrl+Home goes to the 总计', async () => {
    const { page } = app;
    await nav('t2');
    await pinnedTotal('c1').click();
    await page.keyboard.press('Shift+ArrowDown');
    const stats = page.getByTestId('status-selection');
    await stats.waitFor();
    // 总计 342.32 + 201 298.75 = 641.07; mean 320.535 → 320.54.
    expect(await stats.textContent()).toBe('求和 641.07  计数 2  平均 320.54');
    await page.locator('.grid-wrap [row-id="2080505"] [col-id="c3"]').first().click();
    await page.keyboard.press('Control+Home');
    expect(await page.evaluate(() => document.querySelector('.grid-wrap .ag-cell-focus')?.closest('[row-id]')?.getAttribute('row-id'))).toBe('total');
    expect(app.errors).toEqual([]);
  });

  it('screenshot: 表2 shown to 款 level with the 总计 pinned, at 1366×768', async () => {
    const { page } = app;
    await nav('t2');
    await page.click('[data-outline="kuan"]');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2010302"]'));
    await page.locator('.grid-wrap .fold-toggle[data-fold="20805"]').click();
    await page.waitForSelector('.grid-wrap [row-id="2080505"]');
    await page.screenshot({ path: join(SHOTS, 't2-folded-1366.png') });
    expect(await shownIds()).toEqual(['total', '201', '20103', '208', '20805', '2080502', '2080505', '2080506', '210', '21011', '221', '22102']);
  });
});
