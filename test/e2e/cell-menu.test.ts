import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../shared/model';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/** The right-click menu of a grid cell (复制, 粘贴, 插入行, 删除行, 批注) and 批注 kept in the document. */
const { h, app } = startApp();
let dir: string;

beforeAll(async () => {
  dir = await h.tempDir('desk-menu-');
});

const nav = (id: string) => app.page.click(`[data-nav="${id}"]`);
const cell = (row: string, col: string) => app.page.locator(`.grid-wrap [row-id="${row}"] [col-id="${col}"]`).first();
const text = async (row: string, col: string) => (await cell(row, col).textContent()) ?? '';
const menu = () => app.page.getByTestId('cell-menu');
const message = async () => (await app.page.getByTestId('message').textContent()) ?? '';
/** The items as shown: label, and the reason when disabled. */
const items = () =>
  app.page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="cell-menu"] [role="menuitem"]')].map((e) => `${e.querySelector('span')?.textContent}${e.getAttribute('aria-disabled') ? `（${e.getAttribute('title')}）` : ''}`),
  );
const activeItem = () => app.page.evaluate(() => document.activeElement?.getAttribute('data-item'));
const focused = () =>
  app.page.evaluate(() => {
    const c = document.querySelector('.grid-wrap .ag-cell-focus');
    return `${c?.closest('[row-id]')?.getAttribute('row-id')}|${c?.getAttribute('col-id')}`;
  });
const rightClick = async (row: string, col: string) => {
  await cell(row, col).click({ button: 'right' });
  await menu().waitFor();
};
const choose = async (id: string) => {
  await menu().locator(`[data-item="${id}"]`).click();
  await menu().waitFor({ state: 'detached' });
};

describe('right-click menu', () => {
  it('opens on a cell with Chinese items; arrows move, Esc closes and gives the focus back', async () => {
    const { page } = app;
    await nav('t2');
    await rightClick('2080502', 'c3');
    expect(await focused()).toBe('2080502|c3');
    expect(await items()).toEqual(['复制', '粘贴', '插入行…', '删除行', '批注…']);
    expect(await activeItem()).toBe('copy');
    await page.keyboard.press('ArrowDown');
    expect(await activeItem()).toBe('paste');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await activeItem()).toBe('comment');
    await page.keyboard.press('Escape');
    await menu().waitFor({ state: 'detached' });
    expect(await focused()).toBe('2080502|c3');
    // From the keyboard: Shift+F10 (or the menu key) at the focused cell.
    await page.keyboard.press('Shift+F10');
    await menu().waitFor();
    await page.keyboard.press('Escape');
    await menu().waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });

  it('says why an item does not apply: 删除行 on 总计, rows of 表3 and the fixed 表1', async () => {
    const { page } = app;
    await nav('t2');
    await rightClick('total', 'c1');
    expect(await items()).toEqual(['复制', '粘贴', '插入行…', '删除行（总计行由各行相加得出，不能删除）', '批注…']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await activeItem()).toBe('delete-row');
    expect(await page.getByTestId('cell-menu-reason').textContent()).toBe('不可用：总计行由各行相加得出，不能删除');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(artifactDir('screenshots'), 'cell-menu-disabled-1366.png') });
    await page.setViewportSize({ width: 1400, height: 860 });
    // Enter on a disabled item does nothing (the menu stays, the row stays).
    await page.keyboard.press('Enter');
    expect(await menu().count()).toBe(1);
    await page.keyboard.press('Escape');
    await rightClick('20805', 'c3');
    expect((await items())[3]).toBe('删除行（类、款行随其下的科目出现：删除其下各项后自动消失）');
    await page.keyboard.press('Escape');
    await rightClick('2080502', 'name');
    expect((await items())[4]).toBe('批注…（批注只能加在金额单元格上）');
    await page.keyboard.press('Escape');
    await nav('t3');
    await rightClick('2080502', 'c1');
    expect((await items()).slice(2, 4)).toEqual(['插入行…（本表的科目行随表2出现：请在表2添加或删除科目）', '删除行（本表的科目行随表2出现：请在表2添加或删除科目）']);
    await page.keyboard.press('Escape');
    await nav('t1');
    await cell('pair:1', 'in1').click({ button: 'right' });
    await menu().waitFor();
    expect((await items()).slice(2, 4)).toEqual(['插入行…（此表的行是固定的，不能插入行）', '删除行（此表的行是固定的，不能删除）']);
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });

  it('复制 and 粘贴 go through the clipboard; 粘贴 is one undo step', async () => {
    const { page } = app;
    await nav('t2');
    await rightClick('2080505', 'c3');
    await choose('copy');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('15.28\r\n');
    await rightClick('2080502', 'c3');
    await choose('paste');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080502"] [col-id="c3"]')?.textContent === '15.28');
    // 20805 = 15.28 + 15.28 + 7.64
    expect(await text('20805', 'c3')).toBe('38.20');
    await app.menu('edit:undo');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2080502"] [col-id="c3"]')?.textContent === '0.20');
    expect(await text('20805', 'c3')).toBe('23.12');
  });

  it('插入行… opens the add-row dialog of the table; 删除行 deletes the row, 撤销 brings it back', async () => {
    const { page } = app;
    await nav('t2');
    await rightClick('2080502', 'c3');
    await choose('insert-row');
    const dlg = page.getByRole('dialog');
    await dlg.waitFor();
    expect(await dlg.getAttribute('aria-label')).toBe('添加功能分类科目（项）');
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    await rightClick('2080502', 'c3');
    await choose('delete-row');
    await cell('2080502', 'c3').waitFor({ state: 'detached' });
    expect(await message()).toBe('已删除“2080502 事业单位离退休”（各表中该科目的金额一并删除），可用“撤销”恢复');
    // 20805 = 15.28 + 7.64
    expect(await text('20805', 'c3')).toBe('22.92');
    await app.menu('edit:undo');
    await cell('2080502', 'c3').waitFor();
    expect(await text('2080502', 'c3')).toBe('0.20');
    expect(await text('20805', 'c3')).toBe('23.12');
    expect(app.errors).toEqual([]);
  });
});

describe('批注', () => {
  it('added from the menu: a red corner, the text on hover; Shift+F2 edits it; each change undoes', async () => {
    const { page } = app;
    await nav('t2');
    await rightClick('2080505', 'c3');
    await choose('comment');
    const box = page.getByTestId('comment-editor');
    await box.waitFor();
    expect(await box.locator('.comment-where').textContent()).toBe('批注 · 表2 2080505 机关事业单位基本养老保险缴费支出 第3栏');
    await page.keyboard.type('按人社局核定的缴费基数 12%');
    await box.locator('[data-action="comment-save"]').click();
    await box.waitFor({ state: 'detached' });
    await page.waitForSelector('.grid-wrap [row-id="2080505"] [col-id="c3"].cell-comment');
    expect(await focused()).toBe('2080505|c3');
    expect(await message()).toBe('添加批注 表2 2080505 机关事业单位基本养老保险缴费支出 第3栏，可用“撤销”恢复');
    // Only that cell is marked.
    expect(await page.locator('.grid-wrap .cell-comment').count()).toBe(1);
    await cell('2080506', 'c3').hover();
    await cell('2080505', 'c3').hover();
    const tip = page.locator('.ag-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toBe('批注：按人社局核定的缴费基数 12%');
    // A screenshot of the menu on the commented cell at 1366×768.
    await page.setViewportSize({ width: 1366, height: 768 });
    await rightClick('2080505', 'c3');
    expect(await items()).toEqual(['复制', '粘贴', '插入行…', '删除行', '编辑批注…', '删除批注']);
    await menu().locator('[data-item="comment"]').hover();
    await page.screenshot({ path: join(artifactDir('screenshots'), 'cell-menu-1366.png') });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1400, height: 860 });
    // Shift+F2 on the focused cell edits it (Ctrl+Enter keeps it).
    await cell('2080505', 'c3').click();
    await page.keyboard.press('Shift+F2');
    await box.waitFor();
    expect(await box.locator('textarea').inputValue()).toBe('按人社局核定的缴费基数 12%');
    await page.keyboard.type('（2025 年）');
    await page.keyboard.press('Control+Enter');
    await box.waitFor({ state: 'detached' });
    expect(await message()).toBe('修改批注 表2 2080505 机关事业单位基本养老保险缴费支出 第3栏，可用“撤销”恢复');
    // Esc leaves it as it was.
    await page.keyboard.press('Shift+F2');
    await box.waitFor();
    await page.keyboard.type('不要');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'detached' });
    const comments = () => page.evaluate(() => document.querySelector('.grid-wrap [row-id="2080505"] [col-id="c3"]')?.classList.contains('cell-comment'));
    await app.menu('edit:undo');
    expect(await message()).toBe('已撤销：修改批注 表2 2080505 机关事业单位基本养老保险缴费支出 第3栏');
    await app.menu('edit:undo');
    await expect.poll(comments).toBe(false);
    await app.menu('edit:redo');
    await app.menu('edit:redo');
    await expect.poll(comments).toBe(true);
    // 删除批注 from the menu, then undone again.
    await rightClick('2080505', 'c3');
    await choose('comment-delete');
    await expect.poll(comments).toBe(false);
    await app.menu('edit:undo');
    await expect.poll(comments).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('is saved, opened again, and exported as an Excel note; a deleted row takes its 批注 with it', async () => {
    const { page } = app;
    const path = join(dir, '批注.budget');
    app.desk.dialogAnswers.push(path);
    await app.menu('file:save');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已保存'));
    const saved = loadDocument(readFileSync(path, 'utf8'));
    expect(saved.ok && saved.doc.comments).toEqual({ '2|2080505|3': '按人社局核定的缴费基数 12%（2025 年）' });

    // Opened again (in this window: the 批注 removed but not saved, 不保存), it has the 批注 from the file.
    await rightClick('2080505', 'c3');
    await choose('comment-delete');
    await expect.poll(() => page.locator('.grid-wrap .cell-comment').count()).toBe(0);
    app.desk.dialogAnswers.push(path);
    await app.menu('file:open');
    await page.click('[data-answer="discard"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已打开'));
    await page.waitForSelector('.grid-wrap [row-id="2080505"] [col-id="c3"].cell-comment');
    expect(await page.locator('.sample-badge').count()).toBe(0);

    const out = join(dir, '批注.xlsx');
    app.desk.dialogAnswers.push(out);
    await app.menu('file:exportXlsx');
    await page.getByRole('dialog', { name: '公开前检查' }).getByRole('button', { name: /^(仍然)?导出$/u }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已导出 Excel'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const notes: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const n = c.note;
          if (n) notes.push(`${ws.name.slice(0, 2)} ${c.value} ${typeof n === 'string' ? n : n.texts?.map((t) => t.text).join('')}`);
        }),
      ),
    );
    expect(notes).toEqual(['表2 15.28 按人社局核定的缴费基数 12%（2025 年）']);

    // Deleting the row removes its 批注; undoing brings both back.
    await rightClick('2080505', 'c3');
    await choose('delete-row');
    await page.locator('.grid-wrap [row-id="2080505"]').first().waitFor({ state: 'detached' });
    expect(await page.locator('.grid-wrap .cell-comment').count()).toBe(0);
    await app.menu('edit:undo');
    await page.waitForSelector('.grid-wrap [row-id="2080505"] [col-id="c3"].cell-comment');
    expect(app.errors).toEqual([]);
  });
});
