import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../shared/model';
import { artifactDir } from './support/artifacts';
import { pasteText } from './support/clipboard';
import { ROOT } from './support/harness';
import { startApp } from './support/start-app';

/**
 * The accountant's day on a real packet (003, with its printed defects): open, edit, paste,
 * undo, add and delete rows, save and reopen, refused input and navigation, findings.
 */
const SHOTS = artifactDir('screenshots');
const { h, app } = startApp();
let page: Page;
let docPath = '';
let exportDir = '';

const cell = (row: string, col: string) => page.locator(`.grid-wrap [row-id="${row}"] [col-id="${col}"]`).first();
const text = async (row: string, col: string) => (await cell(row, col).textContent())?.trim() ?? '';
const status = async () => (await page.getByTestId('status-errors').textContent()) ?? '';
const message = async () => (await page.getByTestId('message').textContent()) ?? '';
const nav = (id: string) => page.click(`[data-nav="${id}"]`);
const cmd = (c: string) => page.click(`[data-cmd="${c}"]`);
const waitText = (row: string, col: string, want: string) =>
  page.waitForFunction(
    ([r, c, w]) => document.querySelector(`.grid-wrap [row-id="${r}"] [col-id="${c}"]`)?.textContent?.trim() === w,
    [row, col, want] as const,
    { timeout: 5000 },
  );

const paste = (tsv: string) => pasteText(page, tsv);

beforeAll(async () => {
  const dir = await h.tempDir('desk-docs-');
  docPath = join(dir, '联络处2024.budget');
  copyFileSync(join(ROOT, 'test/fixtures/003.budget.json'), docPath);
  exportDir = dir;
  page = app.page;
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SHOTS, `failed-${ctx.task.name.slice(0, 20)}.png`) });
});

describe('editing a department', () => {
  it('opens a document through 文件 → 打开 and shows the packet with its printed defects found', async () => {
    app.desk.dialogAnswers.push(docPath);
    await cmd('file:open');
    await page.waitForFunction(() => !document.querySelector('.sample-badge'));
    expect(await page.locator('.doc-title').textContent()).toContain('昌吉回族自治州人民政府驻北京联络处');
    await nav('t2');
    // As printed: 总计 342.31 (its lines add to 342.32: one of the packet's defects).
    expect(await text('total', 'c1')).toBe('342.31');
    expect(await status()).not.toBe('错误 0');
    expect(app.desk.windowStates.at(-1)).toEqual({ fileName: '联络处2024.budget', dirty: false });
  });

  it('edits an entered cell: totals, other tables and findings follow', async () => {
    const before = await status();
    await cell('2010350', 'c3').click();
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await waitText('2010350', 'c3', '120.00');
    // The 款, 类 and 总计 rows of table 2 are recomputed (the stale printed total goes).
    expect(await text('20103', 'c3')).toBe('192.00');
    expect(await text('201', 'c1')).toBe('302.00');
    expect(await text('total', 'c1')).toBe('345.57');
    // Table 3 still says 116.75 for this 项, so a new error appears and the cell is marked.
    expect(await status()).not.toBe(before);
    await nav('t3');
    expect(await cell('2010350', 'c1').getAttribute('class')).toContain('mark-error');
    await nav('t1');
    expect(await text('pair:total', 'in1')).toBe('345.57');
    expect(app.desk.windowStates.at(-1)).toEqual({ fileName: '联络处2024.budget', dirty: true });
  });

  it('table 1 side by side: its 其中 lines are entered on the income side and checked against their parent', async () => {
    await nav('t1');
    const row = await page.locator('.grid-wrap .ag-row', { hasText: '其中：事业收入' }).getAttribute('row-id');
    const other = await page.locator('.grid-wrap .ag-row', { hasText: '其他收入' }).getAttribute('row-id');
    expect(await text(other!, 'in1')).toBe('110.00');
    const before = await status();
    await cell(row!, 'in1').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await waitText(row!, 'in1', '5.00');
    expect(await status()).not.toBe(before);
    await cmd('edit:undo');
    await waitText(row!, 'in1', '');
    expect(await status()).toBe(before);
    // Expenditure-side cells are derived from table 3.
    expect(await cell('pair:0', 'out2').getAttribute('class')).toContain('cell-derived');
  });

  it('refuses bad input with a Chinese message and keeps the old value', async () => {
    await nav('t2');
    await cell('2080505', 'c3').click();
    await page.keyboard.type('12a');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('不是有效的金额'));
    expect(await message()).toContain('已保留原值');
    expect(await text('2080505', 'c3')).toBe('15.28');
    // Full-width digits and thousands separators are accepted.
    await cell('2080505', 'c3').click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('１,２３4.5');
    await page.keyboard.press('Enter');
    await waitText('2080505', 'c3', '1,234.50');
    await cell('2080505', 'c3').click();
    await page.keyboard.type('15.28');
    await page.keyboard.press('Enter');
    await waitText('2080505', 'c3', '15.28');
    // A derived cell does not open an editor.
    await cell('20805', 'c3').click();
    await page.keyboard.type('9');
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
  });

  it('moves like a spreadsheet: arrows, Tab, Enter; F2 edits in place', async () => {
    await cell('2080505', 'c3').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    // Now on 2080506 column 3: F2 opens the editor on the old value, Enter commits.
    await page.keyboard.press('F2');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await waitText('2080506', 'c3', '7.60');
    await cmd('edit:undo');
    await waitText('2080506', 'c3', '7.64');
  });

  it('Esc cancels an edit; Delete clears an entered cell', async () => {
    await cell('2080506', 'c3').click();
    await page.keyboard.type('99');
    await page.keyboard.press('Escape');
    await waitText('2080506', 'c3', '7.64');
    await cell('2080506', 'c3').click();
    await page.keyboard.press('Delete');
    await waitText('2080506', 'c3', '');
    await cmd('edit:undo');
    await waitText('2080506', 'c3', '7.64');
  });

  it('pastes a 3×4 block copied from Excel into entered cells, and undoes it as one step', async () => {
    await cell('2080502', 'c3').click();
    await paste('1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n');
    await waitText('2080506', 'c6', '12.00');
    expect(await text('2080502', 'c3')).toBe('1.00');
    expect(await text('2080505', 'c4')).toBe('6.00');
    // 款 row: 1+5+9 = 15 in column 3; 类 208 column 2 = (1+2+3+4)+(5+6+7+8)+(9+10+11+12) = 78.
    expect(await text('20805', 'c3')).toBe('15.00');
    expect(await text('208', 'c2')).toBe('78.00');
    await page.screenshot({ path: join(SHOTS, 'table2-after-paste.png') });
    await cmd('edit:undo');
    await waitText('2080502', 'c3', '0.20');
    expect(await text('2080506', 'c6')).toBe('');
    expect(await text('2080505', 'c3')).toBe('15.28');
    expect(await message()).toContain('已撤销');
    await cmd('edit:redo');
    await waitText('2080502', 'c3', '1.00');
    await cmd('edit:undo');
    await waitText('2080502', 'c3', '0.20');
  });

  it('refuses a block that does not fit: derived cells, or past the table edge', async () => {
    await cell('2080506', 'c3').click();
    await paste('1\t2\n3\t4\n');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('不能录入'));
    expect(await text('2080506', 'c3')).toBe('7.64');
    await cell('2210201', 'c11').click();
    await paste('1\t2\t3');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.includes('超出了表格范围'));
    expect(await text('2210201', 'c11')).toBe('');
  });

  it('selects a block with shift+arrows and copies it as tab-separated text', async () => {
    await cell('2080502', 'c3').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.locator('.cell-in-range').count()).toBe(6);
    const copied = await page.evaluate(() => {
      let out = '';
      const dt = new DataTransfer();
      const ev = new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(ev);
      out = dt.getData('text/plain');
      return out;
    });
    expect(copied).toBe('0.20\t\r\n15.28\t\r\n7.64\t\r\n');
    // The same through the 编辑 menu (system clipboard), pasted as a block further down and undone.
    await app.menu('edit:copy');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('0.20\t\r\n15.28\t\r\n7.64\t\r\n');
    await cell('2101102', 'c5').click();
    await app.menu('edit:paste');
    await waitText('2101199', 'c5', '7.64');
    expect(await text('2101102', 'c5')).toBe('0.20');
    await cmd('edit:undo');
    await waitText('2101199', 'c5', '');
    // Shift+click extends the block from the anchor.
    await cell('2080502', 'c3').click();
    await cell('2080505', 'c5').click({ modifiers: ['Shift'] });
    await page.waitForFunction(() => document.querySelector('.grid-wrap')?.getAttribute('data-range') === '7,6:8,8');
    expect(await page.locator('.cell-in-range').count()).toBe(6);
  });

  it('adds a 项 by searching its name (its 款 and 类 rows appear) and deletes it again', async () => {
    await page.click('[data-action="add-function"]');
    await page.fill('input[name="code"]', '中小企业');
    await page.click('[data-code="2150805"]');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="2150805"]');
    expect(await text('215', 'name')).toBe('资源勘探工业信息等支出');
    expect(await page.locator('.grid-wrap [row-id="21508"]').count()).toBe(1);
    // Amounts typed into the new 项 roll up.
    await cell('2150805', 'c3').click();
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await waitText('215', 'c1', '8.00');
    await cell('2150805', 'name').click();
    await page.click('[data-action="delete-row"]');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2150805"]'));
    expect(await page.locator('.grid-wrap [row-id="215"]').count()).toBe(0);
    await cmd('edit:undo');
    await page.waitForSelector('.grid-wrap [row-id="2150805"]');
    await cmd('edit:undo');
    await cmd('edit:undo');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="2150805"]'));
  });

  it('adds an economic 款 in table 6 and a project in table 7', async () => {
    await nav('t6');
    await page.click('[data-action="add-economic"]');
    await page.fill('input[name="code"]', '30211');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="30211"]');
    expect(await text('30211', 'name')).toBe('差旅费');
    await nav('t7');
    await page.click('[data-action="add-project"]');
    await page.fill('input[name="code"]', '2010302');
    await page.fill('input[name="project"]', '招商引资活动经费');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="p:p2"]');
    expect(await text('p:p2', 'project')).toBe('招商引资活动经费');
    // A carried-over project in table 11 (the packet's table 11 is empty).
    await nav('t11');
    expect(await page.locator('.empty-sentence').count()).toBe(1);
    await page.click('[data-action="add-carryover"]');
    await page.fill('input[name="project"]', '2023年结转招商项目');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="c:c1"]');
    await cell('c:c1', 'c5').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await waitText('total', 'c1', '3.00');
    expect(await page.locator('.empty-sentence').count()).toBe(0);
    await cell('c:c1', 'name').click();
    await page.click('[data-action="delete-row"]');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id="c:c1"]'));
    // 撤销 right after adding a row says what it undid: the request to focus the new row was made
    // again when the rows changed, and said “表11中没有显示该行（c:c2）” over it.
    await page.click('[data-action="add-carryover"]');
    await page.fill('input[name="project"]', '撤销测试项目');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id^="c:"]');
    await cmd('edit:undo');
    await page.waitForFunction(() => !document.querySelector('.grid-wrap [row-id^="c:"]'));
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="message"]').textContent()).toMatch(/^已撤销：添加/);
  });

  it('lists findings by table with counts; a click jumps to the cell', async () => {
    await nav('findings');
    const groups = page.locator('.finding-table');
    expect(await groups.count()).toBeGreaterThan(1);
    expect(await page.locator('.findings-page .table-head').textContent()).toMatch(/错误 \d+提示 \d+/);
    await page.screenshot({ path: join(SHOTS, 'findings.png') });
    const t3 = page.locator('.finding-item[data-table="3"] .finding', { hasText: '2010350' }).first();
    expect(await t3.textContent()).toContain('2010350');
    await t3.click();
    await page.waitForSelector('.grid-wrap[data-table="3"] [row-id="2010350"] [col-id="c1"].ag-cell-focus');
  });

  it('saves atomically and reopens the same figures', async () => {
    await nav('t2');
    await cmd('file:save');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已保存'));
    const saved = loadDocument(readFileSync(docPath, 'utf8'));
    expect(saved.ok && saved.doc.functionRows.find((r) => r.code === '2010350')?.values['2.3']).toBe('120.00');
    expect(app.desk.windowStates.at(-1)).toEqual({ fileName: '联络处2024.budget', dirty: false });
    // Reopen in a fresh page.
    const other = await h.open();
    other.desk.dialogAnswers.push(docPath);
    await other.page.click('[data-cmd="file:open"]');
    await other.page.waitForFunction(() => !document.querySelector('.sample-badge'));
    await other.page.waitForFunction(
      () => document.querySelector('.grid-wrap [row-id="2010350"] [col-id="c3"]')?.textContent?.trim() === '120.00',
    );
    expect(await other.page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().textContent()).toBe('345.57');
    await other.page.close();
  });

  it('links to the web do not replace the app (main is asked, the page stays)', async () => {
    const url = page.url();
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.com/';
      a.id = 'ext';
      a.textContent = '外部链接';
      document.querySelector('.table-notes, .row-actions')?.appendChild(a);
    });
    await page.click('#ext');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    expect(app.desk.externalAsked).toEqual(['https://example.com/']);
    expect(await page.locator('.ag-root').count()).toBeGreaterThan(0);
    await page.evaluate(() => document.getElementById('ext')?.remove());
  });

  it('runs under the shell CSP: no inline script, no eval', async () => {
    const r = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: number };
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      await new Promise((ok) => setTimeout(ok, 50));
      let evalRan = false;
      try {
        // The Function constructor is string evaluation too, refused without 'unsafe-eval'.
        evalRan = Function('return true')() === true;
      } catch {
        evalRan = false;
      }
      s.remove();
      return { inline: w.__inline === 1, evalRan };
    });
    expect(r).toEqual({ inline: false, evalRan: false });
    // The refusals were reported by the browser, not by the app.
    app.errors.splice(0, app.errors.length, ...app.errors.filter((e) => !e.includes('Content Security Policy')));
  });

  it('screenshots of tables 2 and 6', async () => {
    await nav('t2');
    await page.waitForSelector('.grid-wrap[data-table="2"] .ag-row');
    await page.screenshot({ path: join(SHOTS, 'table2.png') });
    await nav('t6');
    await page.waitForSelector('.grid-wrap[data-table="6"] .ag-row');
    await page.screenshot({ path: join(SHOTS, 'table6.png') });
    await nav('t1');
    await page.waitForSelector('.grid-wrap[data-table="1"] .ag-row');
    await page.screenshot({ path: join(SHOTS, 'table1.png') });
    expect(app.errors).toEqual([]);
  });

  it('finds a row by code or name (编辑 → 查找)', async () => {
    await nav('t5');
    await page.fill('input[name="find"]', '住房公积金');
    await page.press('input[name="find"]', 'Enter');
    await page.waitForSelector('.grid-wrap[data-table="5"] [row-id="2210201"] .ag-cell-focus');
  });

  it('exports the workbook through 文件 → 导出 Excel…', async () => {
    const out = join(exportDir, '联络处2024.xlsx');
    app.desk.dialogAnswers.push(out);
    await cmd('file:exportXlsx');
    // The 公开前检查 comes first (as from 打印预览), then 导出 (仍然导出 with errors left).
    const check = page.getByRole('dialog', { name: '公开前检查' });
    await check.getByRole('button', { name: /^(仍然)?导出$/u }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已导出 Excel'));
    expect(existsSync(out) && statSync(out).size).toBeGreaterThan(5000);
    // The copy for 财政 by default: no 检查结果 sheet; ticked, the department's own copy has it.
    const sheets = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      return [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    };
    expect(await sheets(out)).not.toContain('检查结果');
    const own = join(exportDir, '联络处2024-留存.xlsx');
    app.desk.dialogAnswers.push(own);
    await cmd('file:exportXlsx');
    const again = page.getByRole('dialog', { name: '公开前检查' });
    await again.getByRole('checkbox', { name: /附“检查结果”工作表/u }).check();
    await again.getByRole('button', { name: /^(仍然)?导出$/u }).click();
    await expect.poll(() => existsSync(own), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await page.locator('[data-testid="message"]').textContent()) ?? '').toContain('留存');
    expect(await sheets(own)).toContain('检查结果');
  });

  it('imports a published packet through 文件 → 导入… into a new, unsaved document', async () => {
    app.desk.dialogAnswers.push(join(ROOT, 'test/fixtures/004_b7e4b340c6b3bf95.txt'));
    await cmd('file:import');
    const d = page.getByRole('dialog', { name: '导入结果' });
    await d.waitFor();
    expect(await d.textContent()).toContain('张表');
    await page.keyboard.press('Escape');
    expect(await page.locator('.status-bar').textContent()).toContain('未保存');
    expect(await page.locator('.doc-title').textContent()).not.toContain('驻北京联络处');
    // 生成下一年度: asks about the unsaved import first, then opens a 2025 draft.
    await cmd('file:nextYear');
    await page.click('[data-answer="discard"]');
    await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent?.includes('2025'));
    expect(app.errors).toEqual([]);
  });
});
