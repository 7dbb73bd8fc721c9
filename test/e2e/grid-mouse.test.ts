import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipboardOut } from './support/clipboard';
import { startApp } from './support/start-app';

/** The mouse in the grid as in Excel: a drag selects a block, the fill handle repeats one (sample department, 表2, 1366×768). */
const { app } = startApp();
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
/** The fill handle of the block whose lower right cell is (row, col), dragged to the centre of (toRow, toCol). */
async function dragHandle(row: string, col: string, toRow: string, toCol: string) {
  await page.waitForFunction(([r, c]) => document.querySelector(`.grid-wrap [row-id="${r}"] [col-id="${c}"]`)?.classList.contains('cell-fill-corner'), [row, col] as const);
  const b = await cell(row, col).boundingBox();
  if (!b) throw new Error(`no cell ${row} ${col}`);
  await drag({ x: b.x + b.width - 3, y: b.y + b.height - 3 }, await center(toRow, toCol));
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
