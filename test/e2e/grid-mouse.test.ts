import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/model';
import { syntheticDocument } from '../../shared/samples/synthetic';
import { artifactDir } from './support/artifacts';
import { clipboardOut } from './support/clipboard';
import { startApp } from './support/start-app';

/** The mouse in the grid as in Excel: a drag selects a block, the fill handle repeats one (sample department, 表2, 1366×768). */
const { h, app } = startApp();
let page: Page;
beforeAll(async () => {
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.click('[data-nav="t2"]');
});

const cell = (row: string, col: string) => page.locator(`.grid-wrap [row-id="${row}"] [col-id="${col}"]`).first();
const text = async (row: string, col: string) => (await cell(row, col).textContent())?.trim() ?? '';
const texts = (rows: string[], col: string) => Promise.all(rows.map((r) => text(r, col)));
const range = () => page.locator('.grid-wrap').getAttribute('data-range');
const message = async () => (await page.getByTestId('message').textContent()) ?? '';
const focused = () =>
  page.evaluate(() => {
    const c = document.querySelector('.grid-wrap .ag-cell-focus');
    return `${c?.closest('[row-id]')?.getAttribute('row-id')}|${c?.getAttribute('col-id')}`;
  });
const waitText = (row: string, col: string, want: string) =>
  page.waitForFunction(([r, c, w]) => document.querySelector(`.grid-wrap [row-id="${r}"] [col-id="${c}"]`)?.textContent?.trim() === w, [row, col, want] as const, {
    timeout: 5000,
  });
async function center(row: string, col: string) {
  const b = await cell(row, col).boundingBox();
  if (!b) throw new Error(`no cell ${row} ${col}`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}
/** Press the mouse at `from`, move it in steps to `to`, let go. */
async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}
/** The fill handle of the block whose lower right cell is (row, col), pressed and held; the cell's box. */
async function pressHandle(row: string, col: string) {
  await page.waitForFunction(([r, c]) => document.querySelector(`.grid-wrap [row-id="${r}"] [col-id="${c}"]`)?.classList.contains('cell-fill-corner'), [row, col] as const);
  const b = await cell(row, col).boundingBox();
  if (!b) throw new Error(`no cell ${row} ${col}`);
  await page.mouse.move(b.x + b.width - 3, b.y + b.height - 3);
  await page.mouse.down();
  return b;
}
/** The fill handle of the block whose lower right cell is (row, col), dragged to the centre of (toRow, toCol). */
async function dragHandle(row: string, col: string, toRow: string, toCol: string) {
  await pressHandle(row, col);
  const to = await center(toRow, toCol);
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}
async function typeInto(row: string, col: string, value: string) {
  await cell(row, col).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await waitText(row, col, Number(value).toFixed(2));
}

describe('the mouse selects blocks', () => {
  it('a drag from 2080502 第3栏 to 2080506 第4栏 selects the 3×2 block; the focus stays where it began; Ctrl+C copies it', async () => {
    await drag(await center('2080502', 'c3'), await center('2080506', 'c4'));
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '7,6:9,7');
    expect(await focused()).toBe('2080502|c3');
    expect(await clipboardOut(page)).toBe('0.20\t\r\n15.28\t\r\n7.64\t\r\n');
    expect(await page.locator('.grid-wrap .ag-cell.cell-in-range').count()).toBe(6);
    // Dragged back up over the start: the block follows the pointer (2080502 up to 208 in 第3栏).
    await drag(await center('2080505', 'c3'), await center('208', 'c3'));
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '5,6:8,6');
    expect(await focused()).toBe('2080505|c3');
    // Held below the rows, they scroll and the block follows to the last row (2210201, row 17).
    const from = await center('2080502', 'c3');
    const grid = await page.locator('.grid-wrap .ag-grid-viewport').boundingBox();
    if (!grid) throw new Error('no grid viewport');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, grid.y + grid.height + 30, { steps: 6 });
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '7,6:17,6');
    await page.mouse.up();
    expect(await focused()).toBe('2080502|c3');
    // A click on the cell that has the focus leaves a whole-table block too (Delete then clears that cell alone).
    await page.keyboard.press('Control+a');
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '0,0:17,15');
    await cell('2080502', 'c3').click();
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '7,6:7,6');
    expect(await page.locator('.grid-wrap .ag-cell.cell-in-range').count()).toBe(0);
    // A click is a click: one cell.
    await cell('2080506', 'c5').click();
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '9,8:9,8');
    expect(app.errors).toEqual([]);
  });
});

describe('the fill handle', () => {
  it('one cell dragged down fills the entered cells it reaches as one step; the block is then all of them, the focus kept', async () => {
    const rows = ['2080502', '2080505', '2080506'];
    await typeInto('2080502', 'c5', '3');
    await cell('2080502', 'c5').click();
    await dragHandle('2080502', 'c5', '2080506', 'c5');
    await waitText('2080506', 'c5', '3.00');
    expect(await texts(rows, 'c5')).toEqual(['3.00', '3.00', '3.00']);
    expect(await message()).toBe('已填充 2 个单元格');
    expect(await range()).toBe('7,8:9,8');
    expect(await focused()).toBe('2080502|c5');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080506', 'c5', '');
    expect(await texts(rows, 'c5')).toEqual(['3.00', '', '']);
    expect(app.errors).toEqual([]);
  });

  it('a block of two rows repeats down in turn, over the 类/款 rows (computed, kept) to the next 项', async () => {
    await typeInto('2080505', 'c4', '1');
    await typeInto('2080506', 'c4', '2');
    await drag(await center('2080505', 'c4'), await center('2080506', 'c4'));
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '8,7:9,7');
    // 210 and 21011 are sums; 2101102 is the 3rd row after the block: the block's first row again.
    await dragHandle('2080506', 'c4', '2101102', 'c4');
    await waitText('2101102', 'c4', '1.00');
    expect(await message()).toBe('已填充 1 个单元格');
    expect(await texts(['2080505', '2080506', '210', '21011', '2101102'], 'c4')).toEqual(['1.00', '2.00', '1.00', '1.00', '1.00']);
    expect(await range()).toBe('8,7:12,7');
    expect(await focused()).toBe('2080505|c4');
    expect(app.errors).toEqual([]);
  });
});

describe('Esc during a drag (Excel)', () => {
  it('with the fill handle held, Esc drops the fill: the preview goes, the release fills nothing, the document and its undo steps unchanged', async () => {
    const rows = ['2080502', '2080505', '2080506', '2101102'];
    const typedOver = await text('2080502', 'c5');
    await typeInto('2080502', 'c5', '7');
    const before = await texts(rows, 'c5');
    expect(before[0]).toBe('7.00');
    await cell('2080502', 'c5').click();
    await pressHandle('2080502', 'c5');
    const preview = () => page.locator('.grid-wrap .ag-cell.cell-fill-preview').count();
    const to = await center('2080506', 'c5');
    await page.mouse.move(to.x, to.y, { steps: 8 });
    // The preview marks the cells the fill would change: 2080505 and 2080506 (not the source cell).
    expect(await preview()).toBe(2);
    await page.keyboard.press('Escape');
    expect(await preview()).toBe(0);
    // Moved on and let go: still nothing.
    const further = await center('2101102', 'c5');
    await page.mouse.move(further.x, further.y, { steps: 4 });
    expect(await preview()).toBe(0);
    await page.mouse.up();
    await page.waitForTimeout(200);
    expect(await texts(rows, 'c5')).toEqual(before);
    expect(await message()).not.toContain('已填充');
    expect(await range()).toBe('7,8:7,8');
    expect(await focused()).toBe('2080502|c5');
    // The last step is still the typing: 撤销 takes the 7 back.
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080502', 'c5', typedOver);
    expect(await message()).toBe('已撤销：录入');
    expect(await texts(rows.slice(1), 'c5')).toEqual(before.slice(1));
    expect(app.errors).toEqual([]);
  });

  it('during a drag selection, Esc ends it: the block stays as dragged so far, the pointer moved and let go elsewhere changes nothing', async () => {
    const from = await center('2080502', 'c3');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const to = await center('2080506', 'c4');
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '7,6:9,7');
    await page.keyboard.press('Escape');
    const further = await center('2101102', 'c5');
    await page.mouse.move(further.x, further.y, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    expect(await range()).toBe('7,6:9,7');
    expect(await focused()).toBe('2080502|c3');
    expect(await page.locator('.grid-wrap .ag-cell.cell-in-range').count()).toBe(6);
    // The mouse works as before afterwards.
    await cell('2080506', 'c5').click();
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '9,8:9,8');
    expect(app.errors).toEqual([]);
  });
});

describe('sideways autoscroll (表2 is wider than the window at 1366×768)', () => {
  const scrollLeft = () => page.evaluate(() => document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport')?.scrollLeft ?? -1);
  const scrollTo = async (left: number) => {
    await page.evaluate((x) => {
      const v = document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport');
      if (v) {
        v.scrollLeft = x;
        v.scrollTop = 0;
      }
    }, left);
    await page.waitForTimeout(100);
  };
  const waitRange = (want: string) =>
    page.waitForFunction((w) => document.querySelector('.grid-wrap')?.getAttribute('data-range') === w, want, { timeout: 5000 });
  /** The rows' right edge: left of the vertical scroll bar. */
  const rightEdge = async () => {
    const b = await page.locator('.grid-wrap .ag-body-vertical-scroll').boundingBox();
    if (!b) throw new Error('no vertical scroll bar');
    return b.x;
  };

  it('a drag held past the right edge scrolls the columns and the block follows to 第12栏; held over the pinned names, they scroll back', async () => {
    await scrollTo(0);
    const edge = await rightEdge();
    // 第12栏 starts out of view, right of the rows.
    const c12 = await cell('2080502', 'c12').boundingBox();
    if (!c12) throw new Error('no cell 2080502 c12');
    expect(c12.x).toBeGreaterThan(edge);
    const from = await center('2080502', 'c3');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(edge + 40, from.y, { steps: 6 });
    // Row 7 (2080502), 第3栏 (column 6) to 第12栏 (column 15), the last column.
    await waitRange('7,6:7,15');
    // The block reaches 第12栏 as soon as it shows at the edge; held there, the columns scroll on until it is wholly in view.
    await page.waitForFunction(
      (right) => {
        const b = document.querySelector('.grid-wrap [row-id="2080502"] [col-id="c12"]')?.getBoundingClientRect();
        return b !== undefined && b.right <= right + 1;
      },
      edge,
      { timeout: 5000 },
    );
    await page.screenshot({ path: join(artifactDir('grid-mouse'), 'drag-right-autoscroll-1366.png') });
    expect(await scrollLeft()).toBeGreaterThan(0);
    expect(await page.locator('.grid-wrap .ag-cell.cell-in-range').count()).toBe(10);
    // Back left over the pinned name column: the columns scroll back to the start, then the block reaches the names (column 3).
    const name = await center('2080502', 'name');
    await page.mouse.move(name.x + 100, name.y, { steps: 6 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport')?.scrollLeft === 0, undefined, { timeout: 5000 });
    await waitRange('7,3:7,6');
    await page.mouse.up();
    expect(await focused()).toBe('2080502|c3');
    expect(app.errors).toEqual([]);
  });

  it('the fill handle held past the right edge scrolls too: the preview and then the fill reach 第12栏, one step', async () => {
    await scrollTo(0);
    const edge = await rightEdge();
    const before = await text('2080502', 'c3');
    expect(before).toBe('0.20');
    await cell('2080502', 'c3').click();
    const b = await pressHandle('2080502', 'c3');
    await page.mouse.move(edge + 60, b.y + b.height / 2, { steps: 6 });
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080502"] [col-id="c12"]')?.classList.contains('cell-fill-preview'), undefined, { timeout: 5000 });
    await page.screenshot({ path: join(artifactDir('grid-mouse'), 'fill-right-autoscroll-1366.png') });
    expect(await scrollLeft()).toBeGreaterThan(0);
    // 第4–12栏 of 2080502 are entered and blank: the nine cells the fill will change.
    expect(await page.locator('.grid-wrap .ag-cell.cell-fill-preview').count()).toBe(9);
    await page.mouse.up();
    await waitText('2080502', 'c12', '0.20');
    expect(await message()).toBe('已填充 9 个单元格');
    expect(await range()).toBe('7,6:7,15');
    expect(await focused()).toBe('2080502|c3');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080502', 'c12', '');
    expect(await text('2080502', 'c3')).toBe('0.20');
    await scrollTo(0);
    expect(app.errors).toEqual([]);
  });
  it('the fill handle held past the lower right corner after going down: the grid does not scroll sideways, the 第3栏 being filled stays in view', async () => {
    await scrollTo(0);
    const edge = await rightEdge();
    await cell('2080502', 'c3').click();
    await pressHandle('2080502', 'c3');
    // Down first (the fill goes down), then on past the bottom right corner of the rows and held there.
    const down = await center('2080506', 'c3');
    await page.mouse.move(down.x, down.y, { steps: 4 });
    const rows = await page.locator('.grid-wrap .ag-body-vertical-scroll').boundingBox();
    if (!rows) throw new Error('no vertical scroll bar');
    await page.mouse.move(edge + 60, rows.y + rows.height + 40, { steps: 6 });
    await page.waitForTimeout(600);
    expect(await scrollLeft()).toBe(0);
    // The preview is of 第3栏 below 2080502, and in view.
    expect(await page.locator('.grid-wrap .ag-cell.cell-fill-preview[col-id="c3"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.grid-wrap .ag-cell.cell-fill-preview:not([col-id="c3"])').count()).toBe(0);
    expect(await cell('2080505', 'c3').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(app.errors).toEqual([]);
  });
});

describe('the fill handle over a folded 类', () => {
  const shown = (row: string) => page.locator(`.grid-wrap [row-id="${row}"]`).count();
  const fold = async (key: string, hiddenRow: string, folded: boolean) => {
    await page.click(`.grid-wrap .fold-toggle[data-fold="${key}"]`);
    await page.waitForFunction(([r, f]) => !document.querySelector(`.grid-wrap [row-id="${r}"]`) === f, [hiddenRow, folded] as const);
  };
  const hidden208 = ['2080502', '2080505', '2080506'];

  it('fills the shown 项 only, as Delete clears them: the preview marks exactly the cells that change, the message counts them and names the folded rows', async () => {
    await typeInto('2010350', 'c5', '4');
    const under208 = await texts(hidden208, 'c5');
    await fold('208', '2080505', true);
    expect(await shown('2080505')).toBe(0);
    await cell('2010350', 'c5').click();
    await pressHandle('2010350', 'c5');
    const to = await center('2101102', 'c5');
    await page.mouse.move(to.x, to.y, { steps: 8 });
    // 208 (folded), 210 and 21011 are sums: only 2101102 changes.
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('.grid-wrap .ag-cell.cell-fill-preview')].map((c) => `${c.closest('[row-id]')?.getAttribute('row-id')}|${c.getAttribute('col-id')}`),
    );
    expect(marked).toEqual(['2101102|c5']);
    await page.mouse.up();
    await waitText('2101102', 'c5', '4.00');
    // The 4 rows folded under 208 (20805 and its three 项) are left as they are.
    expect(await message()).toBe('已填充 1 个单元格；折叠的 4 行未填充');
    expect(await range()).toBe('4,8:8,8');
    // Delete over the same block leaves the folded rows too: the two shown 项.
    await page.keyboard.press('Delete');
    await waitText('2101102', 'c5', '');
    expect(await message()).toBe('已清除 2 个单元格');
    await fold('208', '2080505', false);
    expect(await texts(hidden208, 'c5')).toEqual(under208);
    // Two steps: the Delete, then the fill.
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2101102', 'c5', '4.00');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2101102', 'c5', '');
    expect(await texts(hidden208, 'c5')).toEqual(under208);
    expect(await text('2010350', 'c5')).toBe('4.00');
    expect(app.errors).toEqual([]);
  });

  it('a fill whose cells already hold the amounts changes nothing and says so (no undo step)', async () => {
    const before = await text('2080502', 'c5');
    await cell('2010350', 'c5').click();
    await dragHandle('2010350', 'c5', '2080502', 'c5');
    await waitText('2080502', 'c5', '4.00');
    expect(await message()).toBe('已填充 1 个单元格');
    // The same drag again: 2080502 holds 4.00 already, the sums between are computed.
    await cell('2010350', 'c5').click();
    await dragHandle('2010350', 'c5', '2080502', 'c5');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('没有改变'));
    expect(await message()).toBe('填充所及的单元格已是这些金额，没有改变');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080502', 'c5', before);
    expect(await text('2010350', 'c5')).toBe('4.00');
    expect(app.errors).toEqual([]);
  });
});

describe('the scroll bars leave the last row and column clear', () => {
  /** A locator's box; it must be shown. */
  const box = async (selector: string) => {
    const b = await page.locator(selector).first().boundingBox();
    if (!b) throw new Error(`no box for ${selector}`);
    return b;
  };

  it('scrolled to the end, the last row (2210201) is wholly above the horizontal scroll bar and 第12栏 left of the vertical one; the fill handle of a block on that row fills', async () => {
    await page.evaluate(() => {
      const v = document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport');
      if (v) {
        v.scrollTop = v.scrollHeight;
        v.scrollLeft = v.scrollWidth;
      }
    });
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport');
      return v && v.scrollTop > 0 && v.scrollTop >= v.scrollHeight - v.clientHeight - 1 && document.querySelector('.grid-wrap [row-id="2210201"] [col-id="c12"]');
    });
    // 表2 at 1366×768 scrolls both ways: both bars are shown.
    expect(await page.locator('.grid-wrap .ag-body-horizontal-scroll.ag-invisible').count()).toBe(0);
    const hbar = await box('.grid-wrap .ag-body-horizontal-scroll');
    const vbar = await box('.grid-wrap .ag-body-vertical-scroll');
    expect(hbar.height).toBeGreaterThan(0);
    expect(vbar.width).toBeGreaterThan(0);
    const last = await cell('2210201', 'c12').boundingBox();
    if (!last) throw new Error('no cell 2210201 c12');
    expect(last.y + last.height).toBeLessThanOrEqual(hbar.y);
    expect(last.x + last.width).toBeLessThanOrEqual(vbar.x);
    // Where the fill handle is drawn, the cell itself is under the pointer (not a scroll bar).
    const hit = await page.evaluate(
      ([x, y]) => {
        const c = document.elementFromPoint(x, y)?.closest('.ag-cell');
        return `${c?.closest('[row-id]')?.getAttribute('row-id')}|${c?.getAttribute('col-id')}`;
      },
      [last.x + last.width - 3, last.y + last.height - 3] as const,
    );
    expect(hit).toBe('2210201|c12');
    // A block ending on the last row: its handle dragged one column right fills it, as one step.
    await typeInto('2210201', 'c10', '4');
    const before = await text('2210201', 'c11');
    await cell('2210201', 'c10').click();
    await dragHandle('2210201', 'c10', '2210201', 'c11');
    await waitText('2210201', 'c11', '4.00');
    expect(await message()).toBe('已填充 1 个单元格');
    expect(await range()).toBe('17,13:17,14');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2210201', 'c11', before);
    expect(await text('2210201', 'c10')).toBe('4.00');
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+End goes to the last cell and scrolls it into view sideways too, in a table whose last row is not drawn yet (300 项)', async () => {
    // The sample's 表2 has every row drawn: there the grid scrolled to the focused cell itself.
    const file = join(await h.tempDir('desk-mouse-'), 'synthetic-300.budget');
    writeFileSync(file, serializeDocument(syntheticDocument(300)));
    app.desk.dialogAnswers.push(file);
    await app.menu('file:open');
    // After the edits above the sample asks whether to save it (not when this test runs alone): 不保存.
    await page.locator('[data-answer="discard"]').click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.endsWith('synthetic-300.budget'));
    await page.click('[data-nav="t2"]');
    await cell('2010301', 'c3').click();
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('.grid-wrap .ag-grid-viewport')?.scrollLeft)).toBe(0);
    await page.keyboard.press('Control+End');
    await page.waitForFunction(() => document.querySelector('.grid-wrap .ag-cell-focus')?.getAttribute('col-id') === 'c12');
    expect(await focused()).toBe('2299999|c12');
    const last = await cell('2299999', 'c12').boundingBox();
    const vbar = await box('.grid-wrap .ag-body-vertical-scroll');
    if (!last) throw new Error('no cell 2299999 c12');
    expect(last.x + last.width).toBeLessThanOrEqual(vbar.x);
    expect(app.errors).toEqual([]);
  });
});
