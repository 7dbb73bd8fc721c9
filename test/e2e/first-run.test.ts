import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/ipc/handlers';
import { serializeDocument } from '../../shared/model';
import { syntheticDocument } from '../../shared/samples/synthetic';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/** A newcomer's first minutes: the sample department, help, a new department through the form, recovery. */
const SHOTS = artifactDir('screenshots');
const { h, app } = startApp();

describe('first run', () => {
  it('opens on the built-in sample department, marked 示例, with no errors', async () => {
    const { page } = app;
    expect(await page.locator('.sample-badge').textContent()).toBe('示例');
    expect(await page.locator('.doc-title').textContent()).toContain('昌吉回族自治州人民政府驻北京联络处');
    expect(await page.getByTestId('status-errors').textContent()).toBe('错误 0');
    // Table 2 as printed: 总计 row on top with 342.32 (the packet's own 342.31 corrected).
    expect(await page.locator('.grid-wrap [row-id="total"] [col-id="c1"]').first().textContent()).toBe('342.32');
    expect(await page.locator('.grid-wrap [row-id="2010350"] [col-id="c3"]').first().getAttribute('class')).toContain('cell-entered');
    expect(await page.locator('.grid-wrap [row-id="201"] [col-id="c3"]').first().getAttribute('class')).toContain('cell-derived');
    await page.screenshot({ path: join(SHOTS, 'first-run.png') });
    // Every page of the navigation renders without a page error.
    for (const id of ['profile', 't1', 't4', 't7', 't8', 't10', 't11', 'findings']) {
      await page.click(`[data-nav="${id}"]`);
    }
    expect(await page.locator('.all-clear').count()).toBe(1);
    await page.click('[data-nav="t8"]');
    expect(await page.locator('.empty-sentence').textContent()).toContain('政府性基金预算支出情况表为空表');
    await page.click('[data-nav="profile"]');
    expect(await page.inputValue('input[name="authorized"]')).toBe('8');
    // Part 1 edits are one undoable step.
    await page.fill('input[name="authorized"]', '９');
    await page.click('.profile-form button[type="submit"]');
    // The form shows the stored value in the very render that shows the message (read together).
    const shown = await page.waitForFunction(() =>
      document.querySelector('[data-testid="message"]')?.textContent === '部门概况已更新' ? (document.querySelector('input[name="authorized"]') as HTMLInputElement).value : null,
    );
    expect(await shown.jsonValue()).toBe('9');
    await page.fill('input[name="retired"]', '三');
    await page.click('.profile-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent === '退休“三”应为整数');
    await page.click('[data-cmd="edit:undo"]');
    await page.waitForFunction(() => (document.querySelector('input[name="authorized"]') as HTMLInputElement).value === '8');
    expect(await page.inputValue('input[name="retired"]')).toBe('3');
    expect(app.errors).toEqual([]);
  });

  it('帮助 → 使用说明 and 关于 open (from the menu and the toolbar)', async () => {
    const { page } = app;
    await app.menu('help:guide');
    const guide = page.getByRole('dialog', { name: '使用说明' });
    await guide.waitFor();
    expect(await guide.textContent()).toContain('哪些单元格可以录入');
    expect(await guide.textContent()).toContain('Ctrl+Z');
    await page.screenshot({ path: join(SHOTS, 'help.png') });
    await page.keyboard.press('Escape');
    await guide.waitFor({ state: 'detached' });
    await page.click('[data-cmd="help:about"]');
    const about = page.getByRole('dialog', { name: '关于 部门预算公开编制台' });
    await about.waitFor();
    await page.waitForSelector('.licenses td');
    expect(await about.textContent()).toContain('版本 0.1.0');
    expect(await about.textContent()).toContain('ag-grid-community');
    expect(await about.textContent()).toContain('MIT');
    await page.screenshot({ path: join(SHOTS, 'about.png') });
    await page.click('.modal-close');
  });

  it('文件 → 新建 starts an empty department from the short form', async () => {
    const { page } = app;
    await app.menu('file:new');
    await page.getByRole('dialog', { name: '新建部门预算' }).waitFor();
    await page.fill('.modal input[name="year"]', '20x5');
    await page.click('.modal button[type="submit"]');
    expect(await page.locator('.form-error').textContent()).toContain('请填写部门名称');
    await page.fill('.modal input[name="department"]', '某某县财政局');
    await page.click('.modal button[type="submit"]');
    expect(await page.locator('.form-error').textContent()).toContain('预算年度“20x5”无效');
    await page.fill('.modal input[name="year"]', '2026');
    await page.selectOption('.modal select[name="unit"]', '元');
    await page.screenshot({ path: join(SHOTS, 'new-form.png') });
    await page.click('.modal button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent?.includes('某某县财政局'));
    expect(await page.locator('.doc-title').textContent()).toBe('某某县财政局 2026 年部门预算');
    expect(await page.locator('.sample-badge').count()).toBe(0);
    expect(await page.locator('.status-bar').textContent()).toContain('录入单位：元');
    await page.click('[data-nav="t8"]');
    expect(await page.locator('.empty-sentence').textContent()).toBe('某某县财政局 2026 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。');
    // Amounts typed in 元 show in 万元.
    await page.click('[data-nav="t2"]');
    await page.click('[data-action="add-function"]');
    await page.fill('input[name="code"]', '2010301');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="2010301"]');
    await page.locator('.grid-wrap [row-id="2010301"] [col-id="c3"]').first().click();
    await page.keyboard.type('1234567.89');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="total"] [col-id="c1"]')?.textContent === '123.46');
    // A 项 beside it with 45 元 (0.0045 万元, printed as nothing), then the first changed to 1,234,540 元
    // (123.454): the 款 prints 123.46 and the cent the two lose to rounding goes to the larger
    // remainder, 2010302, which now prints 0.01 though its own amount did not change.
    await page.click('[data-action="add-function"]');
    await page.fill('input[name="code"]', '2010302');
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.grid-wrap [row-id="2010302"]');
    const printed = (row: string) => page.locator(`.grid-wrap [row-id="${row}"] [col-id="c3"]`).first().textContent();
    await page.locator('.grid-wrap [row-id="2010302"] [col-id="c3"]').first().click();
    await page.keyboard.type('45');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.status-bar')?.textContent?.includes('2 个项级科目'));
    expect([await printed('2010301'), await printed('2010302')]).toEqual(['123.46', '']);
    await page.locator('.grid-wrap [row-id="2010301"] [col-id="c3"]').first().click();
    await page.keyboard.type('1234540');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2010302"] [col-id="c3"]')?.textContent === '0.01');
    expect([await printed('2010301'), await printed('2010302'), await printed('20103')]).toEqual(['123.45', '0.01', '123.46']);
    await page.screenshot({ path: join(SHOTS, 'yuan-tie-out-edit.png') });
    // Opening another file with unsaved changes asks first; 取消 keeps everything.
    await page.click('[data-cmd="file:open"]');
    const ask = page.getByRole('dialog', { name: '保存修改？' });
    await ask.waitFor();
    await page.click('[data-answer="cancel"]');
    await ask.waitFor({ state: 'detached' });
    expect(await page.locator('.doc-title').textContent()).toBe('某某县财政局 2026 年部门预算');
  });

  it('offers a draft kept by autosave at start, and restores it', async () => {
    const userDataDir = await h.tempDir('desk-recovery-');
    const seed = createHandlers({
      userDataDir,
      appVersion: '0.1.0',
      dialogs: { open: async () => undefined, save: async () => undefined },
      confirmExternal: async () => false,
      openExternal: async () => {},
      setWindowState: () => {},
    });
    const draft = { ...syntheticDocument(30), department: '崩溃前的草稿局' };
    const saved = await seed['doc:autosave']({ key: 'draft-1', docText: serializeDocument(draft) });
    expect(saved.ok).toBe(true);
    const other = await h.open({ userDataDir });
    const dialog = other.page.getByRole('dialog', { name: '恢复未保存的文档' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('崩溃前的草稿局');
    await other.page.click('[data-action="restore"]');
    await other.page.waitForFunction(() => document.querySelector('.doc-title')?.textContent?.includes('崩溃前的草稿局'));
    expect(await other.page.locator('.status-bar').textContent()).toContain('未保存');
    await other.page.close();
  });

  it('autosaves a dirty document every 30 s to the recovery folder, and drops the copy once saved', async () => {
    // Fake timers for the pages opened from now on (the clock belongs to the browser context).
    await app.page.clock.install();
    const other = await h.open();
    const recovery = createHandlers({
      userDataDir: other.desk.userDataDir,
      appVersion: '0.1.0',
      dialogs: { open: async () => undefined, save: async () => undefined },
      confirmExternal: async () => false,
      openExternal: async () => {},
      setWindowState: () => {},
    });
    const entries = async () => {
      const r = await recovery['recovery:list']({});
      return r.ok ? r.entries.map((e) => e.department) : [];
    };
    const cellText = () => other.page.locator('.grid-wrap [row-id="2010350"] [col-id="c3"]').first().textContent();
    // The autosave timer ticks every 30 s from the page's start: a clean document is never kept...
    await other.page.clock.fastForward(31_000);
    await other.page.clock.resume();
    expect(await entries()).toEqual([]);
    // ...and a dirty one is kept at the next tick, at most 30 s after the edit (when exactly
    // depends on how long the page took to load, so nothing tighter is asserted).
    await other.page.locator('.grid-wrap [row-id="2010350"] [col-id="c3"]').first().click();
    await other.page.keyboard.type('100');
    await other.page.keyboard.press('Enter');
    // The edit is in before the clock jumps: on a loaded machine the tick could otherwise run first,
    // and the next one is 30 s of real time later.
    await expect.poll(() => cellText()).toBe('100.00');
    await other.page.clock.fastForward(30_000);
    await other.page.clock.resume();
    // The tick's write goes through main's documents thread: on a loaded machine (the whole suite on
    // two cores) it once took over 5 s to land, so the wait is generous; a write that never comes still fails.
    await expect.poll(entries, { timeout: 15_000 }).toEqual(['昌吉回族自治州人民政府驻北京联络处']);
    // An unchanged document is not written again at the next tick; the next edit is.
    const savedAt = async () => {
      const r = await recovery['recovery:list']({});
      return r.ok ? r.entries[0]?.savedAt : undefined;
    };
    const first = await savedAt();
    await other.page.clock.fastForward(30_000);
    await other.page.clock.resume();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await savedAt()).toBe(first);
    await other.page.locator('.grid-wrap [row-id="2010350"] [col-id="c3"]').first().click();
    await other.page.keyboard.type('200');
    await other.page.keyboard.press('Enter');
    await expect.poll(() => cellText()).toBe('200.00');
    await other.page.clock.fastForward(30_000);
    await other.page.clock.resume();
    await expect.poll(savedAt, { timeout: 15_000 }).not.toBe(first);
    other.desk.dialogAnswers.push(join(await h.tempDir('desk-saved-'), '示例'));
    await other.page.click('[data-cmd="file:save"]');
    await other.page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已保存'));
    expect(await entries()).toEqual([]);
    // Saved under the user's own name, the sample is no longer marked 示例.
    expect(await other.page.locator('.sample-badge').count()).toBe(0);
    await other.page.close();
  });
});
