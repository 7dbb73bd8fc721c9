import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipboardOut, pasteHtml, pasteText } from './support/clipboard';
import { startApp } from './support/start-app';

/**
 * Amounts go through the grid exactly: Ctrl+C, Ctrl+V, Ctrl+D and the cell editor carry the entered
 * amount in the document's unit (元 to 分, 万元 to 6 decimals), whatever the table shows; what is
 * being typed is stored before a page switch or a command; copy/paste and the keyboard as in Excel.
 */
const { h, app } = startApp();
let page: Page;
let dir = '';
beforeAll(async () => {
  page = app.page;
  dir = await h.tempDir('desk-exact-');
});

const cell = (row: string, col: string) => page.locator(`.grid-wrap [row-id="${row}"] [col-id="${col}"]`).first();
const text = async (row: string, col: string) => (await cell(row, col).textContent())?.trim() ?? '';
const texts = (rows: string[], col: string) => Promise.all(rows.map((r) => text(r, col)));
const nav = (id: string) => page.click(`[data-nav="${id}"]`);
/** The pinned 总计 row's text, its cells run together. */
const pinnedTotal = async () => (await page.locator('.grid-wrap .ag-grid-pinned-top-rows [row-id="total"]').first().textContent())?.trim() ?? '';
const message = async () => (await page.getByTestId('message').textContent()) ?? '';
const waitText = (row: string, col: string, want: string) =>
  page.waitForFunction(([r, c, w]) => document.querySelector(`.grid-wrap [row-id="${r}"] [col-id="${c}"]`)?.textContent?.trim() === w, [row, col, want] as const, {
    timeout: 5000,
  });
const editing = () => page.locator('.grid-wrap .ag-cell-inline-editing').count();
const editorValue = () => page.evaluate(() => (document.querySelector('.grid-wrap .ag-cell-inline-editing input') as HTMLInputElement | null)?.value ?? null);
/** Row id and column id of the focused cell. */
const focused = () =>
  page.evaluate(() => {
    const c = document.querySelector('.grid-wrap .ag-cell-focus');
    return `${c?.closest('[row-id]')?.getAttribute('row-id')}|${c?.getAttribute('col-id')}`;
  });
const copy = () => clipboardOut(page);
const paste = (tsv: string) => pasteText(page, tsv);
/** F2 on a cell: what its editor starts with (then Esc). */
async function f2Value(row: string, col: string) {
  await cell(row, col).click();
  await page.keyboard.press('F2');
  await page.locator('.grid-wrap .ag-cell-inline-editing input').waitFor();
  const v = await editorValue();
  await page.keyboard.press('Escape');
  // The editor closes a task later: until then the cell holds the input, not its text.
  await page.waitForFunction(() => document.querySelectorAll('.grid-wrap .ag-cell-inline-editing').length === 0);
  return v;
}
/** F2, End, a trailing 0, Enter on a cell: the same amount, if the editor started from it. */
async function appendZero(row: string, col: string) {
  await cell(row, col).click();
  await page.keyboard.press('F2');
  // End before the editor is open would jump to the row's last cell (the grid's End).
  await page.locator('.grid-wrap .ag-cell-inline-editing input').waitFor();
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.grid-wrap .ag-cell-inline-editing').length === 0);
}
/** 文件 → 新建 (not saving the document on screen). */
async function newDocument(fill: (dlg: Page) => Promise<void>, department: string) {
  await app.menu('file:new');
  await page.waitForSelector('[data-answer="discard"], .modal input[name="department"]');
  if ((await page.locator('[data-answer="discard"]').count()) > 0) await page.click('[data-answer="discard"]');
  await page.getByRole('dialog', { name: '新建部门预算' }).waitFor();
  await page.fill('.modal input[name="department"]', department);
  await page.fill('.modal input[name="year"]', '2026');
  await fill(page);
  await page.click('.modal button[type="submit"]');
  await page.waitForFunction((d) => document.querySelector('.doc-title')?.textContent?.includes(d), department);
}

describe('exact amounts through the grid (万元 document)', () => {
  it('Ctrl+A selects the whole table with the focus kept: Ctrl+C copies every row, Delete clears every entered amount in one undo step', async () => {
    await cell('2080502', 'c3').click();
    await page.keyboard.press('Control+a');
    // 表2 of the sample: 18 rows (总计 to the last 项) × 16 columns.
    expect(await page.locator('.grid-wrap').getAttribute('data-range')).toBe('0,0:17,15');
    expect(await focused()).toBe('2080502|c3');
    const lines = (await copy()).split('\r\n');
    expect(lines).toHaveLength(19);
    expect(lines[18]).toBe('');
    expect(lines[0]).toBe('\t\t\t总计\t342.32\t232.32\t232.32\t\t\t\t\t\t\t110.00\t\t');
    expect(lines[7]).toBe('208\t05\t02\t事业单位离退休\t0.20\t0.20\t0.20\t\t\t\t\t\t\t\t\t');
    expect(lines.every((l, i) => i === 18 || l.split('\t').length === 16)).toBe(true);
    await page.keyboard.press('Delete');
    await waitText('2080502', 'c3', '');
    expect(await texts(['2080502', '2080505', '2101102'], 'c3')).toEqual(['', '', '']);
    expect(await pinnedTotal()).toBe('总计');
    // The sample's 表2 holds 10 entered amounts (9 项 in 第3栏, 2010302 in 第10栏 too).
    expect(await message()).toBe('已清除 10 个单元格');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080502', 'c3', '0.20');
    expect(await pinnedTotal()).toBe('总计342.32232.32232.32110.00');
    // A click on a cell leaves the whole-table selection.
    await cell('2080505', 'c4').click();
    expect(await page.locator('.grid-wrap').getAttribute('data-range')).toBe('8,7:8,7');
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+A then Shift+Arrow moves the far edge of the whole-table block (bottom, right), the focus staying (Excel)', async () => {
    const range = () => page.locator('.grid-wrap').getAttribute('data-range');
    const press = async (key: string, want: string) => {
      await page.keyboard.press(key);
      await page.waitForFunction((w) => document.querySelector('.grid-wrap')?.getAttribute('data-range') === w, want, { timeout: 5000 });
      expect(await focused()).toBe('2080502|c3');
    };
    // 2080502 第3栏: row 7, column 6 of the 18 × 16 table.
    await cell('2080502', 'c3').click();
    await page.keyboard.press('Control+a');
    expect(await range()).toBe('0,0:17,15');
    await press('Shift+ArrowUp', '0,0:16,15');
    await press('Shift+ArrowLeft', '0,0:16,14');
    // Ctrl+C copies the block as it is now: 17 rows of 15 columns.
    const lines = (await copy()).split('\r\n');
    expect(lines).toHaveLength(18);
    expect(lines.slice(0, 17).every((l) => l.split('\t').length === 15)).toBe(true);
    await press('Shift+ArrowDown', '0,0:17,14');
    await press('Shift+ArrowRight', '0,0:17,15');
    // At the table's edge Shift+↓ keeps the block.
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForTimeout(100);
    expect(await range()).toBe('0,0:17,15');
    // Taken up to the focus's row, one more Shift+↑ spans from the focus (the active cell never leaves the block).
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowUp');
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '0,0:7,15', undefined, { timeout: 5000 });
    await press('Shift+ArrowUp', '6,0:7,15');
    expect(await focused()).toBe('2080502|c3');
    // A click ends it: one cell.
    await cell('2080505', 'c4').click();
    expect(await range()).toBe('8,7:8,7');
    expect(app.errors).toEqual([]);
  });

  it('an amount to 6 decimals (1.234567 万元) is copied and opened by F2 as entered, not as the 1.23 shown', async () => {
    await nav('t2');
    await cell('2010350', 'c5').click();
    await page.keyboard.type('1.234567');
    await page.keyboard.press('Enter');
    await waitText('2010350', 'c5', '1.23');
    await cell('2010350', 'c5').click();
    expect(await copy()).toBe('1.234567\r\n');
    expect(await f2Value('2010350', 'c5')).toBe('1.234567');
    await cell('2010350', 'c6').click();
    await paste('1.234567\r\n');
    await waitText('2010350', 'c6', '1.23');
    expect(await f2Value('2010350', 'c6')).toBe('1.234567');
    // F2, End, a trailing 0, Enter: the same amount (was 1.230, the 0.004567 万元 lost).
    await appendZero('2010350', 'c5');
    expect(await f2Value('2010350', 'c5')).toBe('1.234567');
    // The cell is drawn again a task after its editor closes.
    await waitText('2010350', 'c5', '1.23');
    expect(app.errors).toEqual([]);
  });

  it('a copied column whose last cell is blank pastes every row; copied blank cells clear the cells (one undo step)', async () => {
    const rows = ['2080502', '2080505', '2080506'];
    await cell('2080502', 'c4').click();
    await paste('1\t7\r\n2\t8\r\n\t9\r\n');
    await waitText('2080506', 'c5', '9.00');
    expect(await texts(rows, 'c4')).toEqual(['1.00', '2.00', '']);
    await cell('2080502', 'c4').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await copy()).toBe('1.00\r\n2.00\r\n\r\n');
    await cell('2080502', 'c5').click();
    await paste('1.00\r\n2.00\r\n\r\n');
    await waitText('2080506', 'c5', '');
    expect(await texts(rows, 'c5')).toEqual(['1.00', '2.00', '']);
    expect(await message()).toBe('已粘贴 3 行 1 列');
    // Two blank cells of 第6栏 copied and pasted on 第5栏: its two cells are cleared.
    await cell('2080502', 'c6').click();
    await page.keyboard.press('Shift+ArrowDown');
    expect(await copy()).toBe('\r\n\r\n');
    await cell('2080502', 'c5').click();
    await paste('\r\n\r\n');
    await waitText('2080502', 'c5', '');
    expect(await texts(rows, 'c5')).toEqual(['', '', '']);
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080502', 'c5', '1.00');
    expect(await texts(rows, 'c5')).toEqual(['1.00', '2.00', '']);
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+X copies the cells and clears the entered ones as one step (Delete’s rule)', async () => {
    const rows = ['2080502', '2080505', '2080506'];
    expect(await texts(rows, 'c4')).toEqual(['1.00', '2.00', '']);
    await cell('2080502', 'c4').click();
    await page.keyboard.press('Shift+ArrowDown');
    const cut = await clipboardOut(page, 'cut');
    expect(cut).toBe('1.00\r\n2.00\r\n');
    await waitText('2080502', 'c4', '');
    expect(await texts(rows, 'c4')).toEqual(['', '', '']);
    expect(await message()).toBe('已剪切：复制所选单元格，清除其中 2 个金额');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080502', 'c4', '1.00');
    expect(await texts(rows, 'c4')).toEqual(['1.00', '2.00', '']);
    expect(app.errors).toEqual([]);
  });

  it('what is being typed is stored before a page switch and 保存; 撤销 while typing drops the typing, not the step before', async () => {
    // Typed, then another page clicked in the nav (no Enter).
    await cell('2080505', 'c7').click();
    await page.keyboard.type('91');
    await nav('t3');
    await nav('t2');
    await waitText('2080505', 'c7', '91.00');
    // Typed, then Ctrl+S: the file has it.
    const path = join(dir, 'typed.budget');
    app.desk.dialogAnswers.push(path);
    await cell('2080505', 'c9').click();
    await page.keyboard.type('77');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已保存到'));
    expect(existsSync(path)).toBe(true);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { functionRows: Array<{ code: string; values: Record<string, string> }> };
    expect(saved.functionRows.find((r) => r.code === '2080505')?.values).toMatchObject({ '2.7': '91.00', '2.9': '77.00' });
    expect(await text('2080505', 'c9')).toBe('77.00');
    expect(await editing()).toBe(0);
    expect(await page.title()).not.toContain('●');
    // 94 entered; 42 being typed when 撤销 is clicked: the 42 goes, the 94 stays; the next 撤销 undoes the 94.
    await cell('2080505', 'c10').click();
    await page.keyboard.type('94');
    await page.keyboard.press('Enter');
    await waitText('2080505', 'c10', '94.00');
    await cell('2080505', 'c11').click();
    await page.keyboard.type('42');
    await page.click('[data-cmd="edit:undo"]');
    await page.waitForFunction(() => document.querySelectorAll('.grid-wrap .ag-cell-inline-editing').length === 0);
    expect(await message()).toBe('已取消正在输入的内容');
    expect(await text('2080505', 'c10')).toBe('94.00');
    expect(await text('2080505', 'c11')).toBe('');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2080505', 'c10', '');
    expect(app.errors).toEqual([]);
  });

  it('Excel keys: typing then an arrow stores and moves, F2 keeps arrows in the text; Ctrl+Shift+↓ to the data edge', async () => {
    await cell('2080502', 'c8').click();
    await page.keyboard.type('5');
    await page.keyboard.press('ArrowDown');
    await waitText('2080502', 'c8', '5.00');
    expect(await editing()).toBe(0);
    expect(await focused()).toBe('2080505|c8');
    // F2 (编辑 mode): ← moves the caret, so "12", ←, "3" is 132.
    await page.keyboard.press('F2');
    await page.locator('.grid-wrap .ag-cell-inline-editing input').waitFor();
    await page.keyboard.type('12');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('3');
    expect(await editorValue()).toBe('132');
    await page.keyboard.press('Enter');
    await waitText('2080505', 'c8', '132.00');
    // 第3栏 is filled from 2080502 down to the last row (2210201): the block reaches it in one key.
    await cell('2080502', 'c3').click();
    await page.keyboard.press('Control+Shift+ArrowDown');
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '7,6:17,6');
    expect(await focused()).toBe('2210201|c3');
    expect(app.errors).toEqual([]);
  });

  it('pastes (1,234.00) as -1,234.00 and repeats a 1×2 block down a 3×2 selection', async () => {
    await cell('2101102', 'c9').click();
    await paste('(1,234.00)\r\n');
    await waitText('2101102', 'c9', '-1,234.00');
    const rows = ['2101102', '2101103', '2101199'];
    await cell('2101102', 'c11').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await paste('1\t2\r\n');
    await waitText('2101199', 'c12', '2.00');
    expect(await texts(rows, 'c11')).toEqual(['1.00', '1.00', '1.00']);
    expect(await texts(rows, 'c12')).toEqual(['2.00', '2.00', '2.00']);
    expect(app.errors).toEqual([]);
  });

  it('a copy that is only HTML (a table) pastes its cells, a spanned cell keeping the columns in place; nothing in it runs', async () => {
    const rows = ['2101102', '2101103'];
    expect(await texts(rows, 'c5')).toEqual(['', '']);
    await cell('2101102', 'c5').click();
    await pasteHtml(
      page,
      '<meta charset="utf-8"><table><tr><td>1,234.50</td><td>&nbsp;2&nbsp;</td></tr><tr><td colspan="2">3</td><td>4</td></tr></table><img src="x" onerror="window.__pasted=1"><script>window.__pasted=2</script>',
    );
    await waitText('2101103', 'c7', '4.00');
    expect(await texts(rows, 'c5')).toEqual(['1,234.50', '3.00']);
    expect(await texts(rows, 'c6')).toEqual(['2.00', '']);
    expect(await page.evaluate(() => (window as unknown as { __pasted?: number }).__pasted)).toBeUndefined();
    // Over 8 million characters of HTML is refused unparsed, the cells unchanged.
    await cell('2101102', 'c5').click();
    // The cell is flagged (2101102 no longer ties out with 表3): its note is shown when the grid
    // reports the focus, which it does asynchronously; waited for, so it does not replace the refusal.
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('表3“2101102');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/html', `<table><tr><td>9</td></tr></table>${' '.repeat(8_000_000)}`);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/^剪贴板中只有网页格式的内容，且超过 800 万字符，未粘贴/);
    expect(await texts(rows, 'c5')).toEqual(['1,234.50', '3.00']);
    expect(app.errors).toEqual([]);
  });

  it('a paste taken before the grid reports the click that preceded it keeps its message (the flagged cell’s note does not replace it)', async () => {
    await cell('2101103', 'c6').click();
    await page.waitForFunction(() => document.querySelector('.grid-wrap .ag-cell-focus')?.getAttribute('col-id') === 'c6');
    // A click on the flagged 2101102 第6栏 and Ctrl+V in one task: the grid reports the focus a task
    // later, as on a busy window where the key runs before the grid's timer.
    await page.evaluate(() => {
      const target = document.querySelector<HTMLElement>('.grid-wrap [row-id="2101102"] [col-id="c6"]');
      if (!target) throw new Error('no cell');
      const box = target.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, view: window, button: 0, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
      target.dispatchEvent(new PointerEvent('pointerdown', at));
      target.dispatchEvent(new MouseEvent('mousedown', at));
      target.focus();
      target.dispatchEvent(new PointerEvent('pointerup', at));
      target.dispatchEvent(new MouseEvent('mouseup', at));
      target.dispatchEvent(new MouseEvent('click', at));
      const dt = new DataTransfer();
      dt.setData('text/plain', '3\r\n');
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitText('2101102', 'c6', '3.00');
    // The grid's focus report has come by the next frames.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    expect(await focused()).toBe('2101102|c6');
    expect(await message()).toBe('已粘贴 1 行 1 列');
    // A click on the flagged cell itself, with nothing taken after it, shows its note as before.
    await cell('2101103', 'c6').click();
    await cell('2101102', 'c6').click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('表3“2101102');
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2101102', 'c6', '2.00');
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+Enter puts what is typed into every entered cell of the block as one step (computed cells keep theirs); on one cell it stays', async () => {
    const rows = ['2101102', '2101103', '2101199'];
    expect(await texts(rows, 'c3')).toEqual(['7.64', '0.48', '0.06']);
    // 第2栏 adds 第3栏 to the amounts the HTML paste above put in 第5–7栏.
    expect(await texts(rows, 'c2')).toEqual(['1,244.14', '7.48', '0.06']);
    // 3 rows × 第2栏 (财政拨款小计, computed) and 第3栏 (一般公共预算, entered).
    await cell('2101102', 'c2').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('=2.5*2');
    await page.keyboard.press('Control+Enter');
    await waitText('2101199', 'c3', '5.00');
    expect(await texts(rows, 'c3')).toEqual(['5.00', '5.00', '5.00']);
    expect(await texts(rows, 'c2')).toEqual(['1,241.50', '12.00', '5.00']);
    expect(await message()).toBe('已填充 3 个单元格');
    expect(await editing()).toBe(0);
    await page.click('[data-cmd="edit:undo"]');
    await waitText('2101199', 'c3', '0.06');
    expect(await texts(rows, 'c3')).toEqual(['7.64', '0.48', '0.06']);
    expect(await texts(rows, 'c2')).toEqual(['1,244.14', '7.48', '0.06']);
    // One cell: stored, and the focus stays on it (Enter would move down).
    await cell('2210201', 'c8').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Control+Enter');
    await waitText('2210201', 'c8', '3.00');
    expect(await focused()).toBe('2210201|c8');
    expect(app.errors).toEqual([]);
  });

  it('HTML-only copies: a cell merged over rows leaves blanks below it, hidden rows and scripts are not pasted, a line break in a cell is refused', async () => {
    const rows = ['2080505', '2080506'];
    const block = async () => [await texts(rows, 'c5'), await texts(rows, 'c6'), await texts(rows, 'c7')];
    const empty = [['', ''], ['', ''], ['', '']];
    // (Earlier tests left amounts here: the block is cleared first.)
    await cell('2080505', 'c5').click();
    for (const k of ['Shift+ArrowDown', 'Shift+ArrowRight', 'Shift+ArrowRight', 'Delete']) await page.keyboard.press(k);
    await waitText('2080505', 'c5', '');
    expect(await block()).toEqual(empty);
    const pasteAt = async (html: string) => {
      await cell('2080505', 'c5').click();
      await pasteHtml(page, html);
    };
    const undo = async () => {
      await page.click('[data-cmd="edit:undo"]');
      await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080505"] [col-id="c5"]')?.textContent?.trim() === '');
      expect(await block()).toEqual(empty);
    };
    // 5 merged over two rows (Excel's rowspan): the second row's cells stay in their columns.
    await pasteAt('<table><tr><td rowspan="2">5</td><td>1</td><td>3</td></tr><tr><td>2</td><td>4</td></tr></table>');
    await waitText('2080506', 'c7', '4.00');
    expect(await block()).toEqual([['5.00', ''], ['1.00', '2.00'], ['3.00', '4.00']]);
    await undo();
    // A filtered sheet's hidden row, a script and a style in a cell: none of it is pasted.
    await pasteAt('<table><tr><td>1<script>8</script></td></tr><tr style="display:none"><td>9</td></tr><tr><td><style>td{}</style>2</td></tr></table>');
    await waitText('2080506', 'c5', '2.00');
    expect(await block()).toEqual([['1.00', '2.00'], ['', ''], ['', '']]);
    await undo();
    // Text without a table: a row per paragraph.
    await pasteAt('<p>6</p>\n<p>8</p>');
    await waitText('2080506', 'c5', '8.00');
    expect(await block()).toEqual([['6.00', '8.00'], ['', ''], ['', '']]);
    await undo();
    // Two lines in one cell are not the amount 12.
    await pasteAt('<table><tr><td>1<br>2</td></tr></table>');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('未粘贴'));
    expect(await message()).toBe('剪贴板表格第 1 行第 1 格有多行文字（1 ↵ 2），不是一个金额，未粘贴');
    expect(await block()).toEqual(empty);
    // More rows than the table has is refused before the markup is parsed.
    await pasteAt(`<table>${'<tr><td>1</td></tr>'.repeat(5000)}</table>`);
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('剪贴板中的表格有 5000 行'));
    expect(await message()).toMatch(/^剪贴板中的表格有 5000 行，本表只有 \d+ 行，超出了表格范围，未粘贴$/);
    expect(await block()).toEqual(empty);
    expect(app.errors).toEqual([]);
  });
});

describe('exact amounts through the grid (元 document, tables in 万元)', () => {
  it('1234567.89 元 is copied, pasted, filled down and opened by F2 as 1234567.89, not as the 123.46 万元 shown', async () => {
    await newDocument(async (p) => {
      await p.selectOption('.modal select[name="unit"]', '元');
    }, '某某县财政局');
    await nav('t2');
    for (const code of ['2010301', '2010302']) {
      await page.click('[data-action="add-function"]');
      await page.fill('input[name="code"]', code);
      await page.click('.modal button[type="submit"]');
      await page.waitForSelector(`.grid-wrap [row-id="${code}"]`);
    }
    await cell('2010301', 'c3').click();
    await page.keyboard.type('1234567.89');
    await page.keyboard.press('Enter');
    await waitText('2010301', 'c3', '123.46');
    await cell('2010301', 'c3').click();
    const copied = await copy();
    expect(copied).toBe('1234567.89\r\n');
    expect(await f2Value('2010301', 'c3')).toBe('1234567.89');
    await cell('2010302', 'c3').click();
    await paste(copied);
    // 2 × 1,234,567.89 元 = 246.91 万元 (pasting the 万元 text as 元 gave 123.46 + 0.01).
    await waitText('total', 'c1', '246.91');
    expect(await f2Value('2010302', 'c3')).toBe('1234567.89');
    // F2, End, "0", Enter leaves the amount as it is.
    await appendZero('2010301', 'c3');
    expect(await text('2010301', 'c3')).toBe('123.46');
    expect(await text('total', 'c1')).toBe('246.91');
    // Ctrl+D fills the entered 元 amount, not the tied-out 万元 figure (123.46 万元 would make 246.92).
    await cell('2010302', 'c3').click();
    await page.keyboard.press('Delete');
    await waitText('total', 'c1', '123.46');
    await cell('2010301', 'c3').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await waitText('total', 'c1', '246.91');
    expect(await f2Value('2010302', 'c3')).toBe('1234567.89');
    expect(app.errors).toEqual([]);
  });

  it('Shanghai 表9 (万元 in a 元 document): 12345 元 is copied and opened by F2 as 12345.00, pasted as the same 1.23', async () => {
    await newDocument(async (p) => {
      await p.selectOption('.modal select[name="format"]', 'shanghai-budget');
    }, '某某区某某局');
    await nav('t9');
    await page.waitForSelector('.grid-wrap [row-id="budget"] [col-id="c2"].cell-entered');
    await cell('budget', 'c2').click();
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await waitText('budget', 'c2', '1.23');
    await cell('budget', 'c2').click();
    const copied = await copy();
    expect(copied).toBe('12345.00\r\n');
    expect(await f2Value('budget', 'c2')).toBe('12345.00');
    await cell('budget', 'c3').click();
    await paste(copied);
    await waitText('budget', 'c3', '1.23');
    expect(await f2Value('budget', 'c3')).toBe('12345.00');
    expect(app.errors).toEqual([]);
  });
});
