import { describe, expect, it } from 'vitest';
import { startApp } from './support/start-app';

/** Spreadsheet habits of the table grid: Home/End moves. */
const { app } = startApp();

const nav = (id: string) => app.page.click(`[data-nav="${id}"]`);
/** Row id and column id of the focused cell. */
const focused = () =>
  app.page.evaluate(() => {
    const c = document.querySelector('.grid-wrap .ag-cell-focus');
    return `${c?.closest('[row-id]')?.getAttribute('row-id')}|${c?.getAttribute('col-id')}`;
  });

describe('grid habits', () => {
  it('Home/End go to the first/last column of the row, Ctrl+Home/Ctrl+End to the first/last cell', async () => {
    const { page } = app;
    await nav('t2');
    await page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().click();
    expect(await focused()).toBe('total|c1');
    await page.keyboard.press('End');
    expect(await focused()).toBe('total|c12');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('total|code0');
    // The last row of 表2 is its last 项级科目 (2210201 住房公积金).
    await page.keyboard.press('Control+End');
    expect(await focused()).toBe('2210201|c12');
    await page.keyboard.press('Control+Home');
    expect(await focused()).toBe('total|code0');
    expect(app.errors).toEqual([]);
  });

  it('a block of two or more amounts shows 求和/计数/平均 in the status bar', async () => {
    const { page } = app;
    await nav('t2');
    const stats = page.getByTestId('status-selection');
    await page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().click();
    expect(await stats.count()).toBe(0);
    // 总计 row, 第1栏 to 第3栏 of the sample.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await stats.waitFor();
    // 342.32 + 232.32 + 232.32 = 806.96; 806.96 / 3 = 268.9866… → 268.99.
    expect(await stats.textContent()).toBe('求和 806.96  计数 3  平均 268.99');
    await page.keyboard.press('ArrowDown');
    await stats.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+D fills the top cell of the block into the entered cells below, undone in one step', async () => {
    const { page } = app;
    await nav('t2');
    const cell = (row: string) => page.locator(`.grid-wrap [row-id="${row}"] [col-id="c3"]`).first();
    const texts = async (rows: string[]) => Promise.all(rows.map(async (r) => (await cell(r).textContent()) ?? ''));
    const rows = ['2080502', '2080505', '2080506', '20805', 'total'];
    expect(await texts(rows)).toEqual(['0.20', '15.28', '7.64', '23.12', '232.32']);
    await cell('2080502').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080506"] [col-id="c3"]')?.textContent === '0.20');
    // 232.32 - 23.12 + 3 × 0.20 = 209.80
    expect(await texts(rows)).toEqual(['0.20', '0.20', '0.20', '0.60', '209.80']);
    await app.menu('edit:undo');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080506"] [col-id="c3"]')?.textContent === '7.64');
    expect(await texts(rows)).toEqual(['0.20', '15.28', '7.64', '23.12', '232.32']);
    expect(app.errors).toEqual([]);
  });

  it('=1+2 typed into an entered cell stores 3.00; a bad formula is refused naming the cell', async () => {
    const { page } = app;
    await nav('t2');
    const cell = () => page.locator('.grid-wrap [row-id="2080502"] [col-id="c3"]').first();
    await cell().click();
    await page.keyboard.type('=1+2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080502"] [col-id="c3"]')?.textContent === '3.00');
    // 20805 = 3.00 + 15.28 + 7.64
    expect(await page.locator('.grid-wrap [row-id="20805"] [col-id="c3"]').first().textContent()).toBe('25.92');
    await cell().click();
    await page.keyboard.type('=(1+2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('公式'));
    const msg = (await page.getByTestId('message').textContent()) ?? '';
    expect(msg).toBe('表2（事业单位离退休）第3栏的公式“=(1+2”无效：括号不配对，已保留原值');
    expect(await cell().textContent()).toBe('3.00');
    expect(app.errors).toEqual([]);
  });
});
