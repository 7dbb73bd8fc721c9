import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../shared/model';
import { syntheticDocument } from '../../shared/samples/synthetic';
import { artifactDir } from './support/artifacts';
import { startApp } from './support/start-app';

/**
 * A 10,000-line department (synthetic) in the production build: opening it, switching to 表7 and
 * 表2 and opening 打印预览 paint their first rows/pages at once and say they are busy while the
 * rest is laid out (the indicator appears, then clears). Times, click to first paint, are printed
 * for the report: in `npm test` one run each at 5,000 lines (to stay short); LATENCY_RUNS=5 gives
 * the medians of 5 at 10,000 lines.
 * The machine is shared, so the test asserts what is painted and when the indicator shows, not a
 * tight time.
 */
const RUNS = Number(process.env.LATENCY_RUNS ?? 1);
/** `npm test` uses 5,000 lines (tables 2 and 7 still over the first-rows threshold) to stay short; LATENCY_RUNS measures at 10,000. */
const LINES = process.env.LATENCY_RUNS ? 10_000 : 5_000;
const { h, app } = startApp({ production: true });
let page: Page;
const files: string[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Click `click`, then report (in the page) the time until `painted` is in the document and a frame
 * has been drawn, whether the busy indicator was up at that moment, and a promise of it clearing.
 */
async function firstPaint(page: Page, click: string, painted: string, inFrame = false): Promise<{ ms: number; busyAtPaint: boolean; busySeen: boolean }> {
  return page.evaluate(
    ([c, p, f]) =>
      new Promise<{ ms: number; busyAtPaint: boolean; busySeen: boolean }>((resolve) => {
        let busySeen = false;
        let busyAtPaint: boolean | null = null;
        const busy = () => Boolean(document.querySelector('[data-testid="busy"]'));
        const find = () => {
          if (!f) return document.querySelector(p);
          return document.querySelector<HTMLIFrameElement>('iframe.packet-frame')?.contentDocument?.querySelector(p) ?? null;
        };
        // Checked at each frame: what the frame about to be painted holds.
        const t0 = performance.now();
        const frame = () => {
          if (busy()) busySeen = true;
          if (busyAtPaint === null && find()) {
            busyAtPaint = busy();
            const ms = performance.now() - t0;
            return void setTimeout(() => resolve({ ms, busyAtPaint: busyAtPaint === true, busySeen }), 0);
          }
          requestAnimationFrame(frame);
        };
        (document.querySelector(c) as HTMLElement).click();
        requestAnimationFrame(frame);
      }),
    [click, painted, inFrame] as const,
  );
}

/** From now on, every text the busy indicator shows in a painted frame (read back with `busyTexts`). */
const recordBusyTexts = () =>
  page.evaluate(() => {
    const w = window as unknown as { __said: string[]; __saidRun: number };
    w.__said = [];
    w.__saidRun = (w.__saidRun ?? 0) + 1;
    const run = w.__saidRun;
    // Checked at each frame: what the frame about to be drawn shows (text put up and taken down
    // between two frames was never seen).
    const frame = () => {
      if (w.__saidRun !== run) return;
      const t = document.querySelector('[data-testid="busy"]')?.textContent;
      if (t && w.__said.at(-1) !== t) w.__said.push(t);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
/** What `recordBusyTexts` saw; the recording ends. */
const busyTexts = () =>
  page.evaluate(() => {
    const w = window as unknown as { __said: string[]; __saidRun: number };
    w.__saidRun++;
    return w.__said;
  });

/** From now on, the window's long tasks (read back with `longestTask`). */
const watchLongTasks = () =>
  page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longObs?: PerformanceObserver };
    w.__long = [];
    w.__longObs?.disconnect();
    w.__longObs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(e.duration);
    });
    w.__longObs.observe({ type: 'longtask' });
  });
/** The longest task since `watchLongTasks` (0 for none). */
const longestTask = () => page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));

const busyCleared = () => page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'), undefined, { timeout: 120_000 });

beforeAll(async () => {
  const dir = await h.tempDir('desk-latency-');
  const first = join(dir, `synthetic-${LINES}-1.budget`);
  writeFileSync(first, serializeDocument(syntheticDocument(LINES)));
  files.push(first);
  for (let i = 2; i <= RUNS; i++) {
    files.push(join(dir, `synthetic-${LINES}-${i}.budget`));
    copyFileSync(first, files.at(-1)!);
  }
  page = app.page;
});

describe('a 10,000-line department: first paint, then the rest with a busy indicator', () => {
  it('opens: the busy indicator shows, then table 2 paints its first rows', { timeout: 600_000 }, async () => {
    const times: number[] = [];
    for (const f of files) {
      app.desk.dialogAnswers.push(f);
      await recordBusyTexts();
      const t0 = Date.now();
      await page.click('[data-cmd="file:open"]');
      await page.waitForSelector('[data-testid="busy"]', { timeout: 60_000 });
      await page.waitForFunction((name) => document.querySelector('[data-testid="message"]')?.textContent?.endsWith(name), f.split('/').pop() ?? f);
      await page.waitForSelector('.grid-wrap[data-table="2"] [row-id="total"]');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      times.push(Date.now() - t0);
      await busyCleared();
      // The open's indicator, then table 2's while it takes the rows after the first (the open's
      // end once cleared that one too, and the rest came with no indicator).
      const said = await busyTexts();
      expect(said[0]).toMatch(/^正在打开/);
      expect(said.some((t) => t.startsWith('正在载入表2的全部'))).toBe(true);
    }
    console.log(`[latency] open ${LINES}-line document, click → table 2 painted: median ${median(times)} ms (${times.join(', ')})`);
    expect(await page.locator('.doc-title').textContent()).toContain(String(LINES));
    expect(await page.locator('.grid-wrap[data-table="2"] .ag-row').count()).toBeGreaterThan(10);
  });

  it('a 40,000-line document is built in slices of steps: the window paints meanwhile, inert, and a command sent then does nothing', { timeout: 600_000 }, async () => {
    // Large enough that its build takes several 40 ms slices on a machine some times faster than this one.
    const big = join(await h.tempDir('desk-steps-'), 'synthetic-40000.budget');
    writeFileSync(big, serializeDocument(syntheticDocument(40_000)));
    app.desk.dialogAnswers.push(big);
    const seen = await page.evaluate(
      (name) =>
        new Promise<{ inertFrames: number; messages: string[]; longest: number }>((resolve) => {
          let inertFrames = 0;
          let pressed = false;
          let last = performance.now();
          let longest = 0;
          const messages: string[] = [];
          const app = () => document.querySelector('.app') as HTMLElement;
          // Checked at each frame: what the frame about to be drawn shows.
          const frame = () => {
            const now = performance.now();
            longest = Math.max(longest, now - last);
            last = now;
            const m = document.querySelector('[data-testid="message"]')?.textContent ?? '';
            if (messages.at(-1) !== m) messages.push(m);
            if (app().inert) {
              inertFrames++;
              // 撤销 (Ctrl+Z) while the old document is being let go: not taken.
              if (!pressed) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
              pressed = true;
            }
            if (pressed && !app().inert && m.endsWith(name) && !document.querySelector('[data-testid="busy"]')) return resolve({ inertFrames, messages, longest });
            requestAnimationFrame(frame);
          };
          (document.querySelector('[data-cmd="file:open"]') as HTMLElement).click();
          requestAnimationFrame(frame);
        }),
      'synthetic-40000.budget',
    );
    console.log(`[latency] open a 40,000-line document: ${seen.inertFrames} frames painted while it was built; longest without a frame ${seen.longest.toFixed(0)} ms`);
    // Built at once it painted none: the busy indicator's frame, then nothing until table 2.
    expect(seen.inertFrames).toBeGreaterThan(3);
    expect(seen.messages.some((m) => m.includes('撤销'))).toBe(false);
    expect(await page.locator('.doc-title').textContent()).toContain('40000');
    expect(await page.locator('.grid-wrap[data-table="2"] .ag-row').count()).toBeGreaterThan(10);
    // Undo now is taken again (nothing to undo in a document just opened).
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('message').textContent()).toBe('没有可撤销的操作');
    // The rest of these tests use the 5,000-line department again.
    app.desk.dialogAnswers.push(files[0]!);
    await page.click('[data-cmd="file:open"]');
    await page.waitForFunction((name) => document.querySelector('[data-testid="message"]')?.textContent?.endsWith(name), files[0]!.split('/').pop() ?? '');
    await busyCleared();
    expect(await page.locator('.doc-title').textContent()).toContain(String(LINES));
    expect(app.errors).toEqual([]);
  });

  it('switches to table 7 and back to table 2: first rows painted while the rest loads, the indicator then clears', { timeout: 600_000 }, async () => {
    const t7: number[] = [];
    const t2: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const [no, into] of [
        [7, t7],
        [2, t2],
      ] as const) {
        const r = await firstPaint(page, `[data-nav="t${no}"]`, `.grid-wrap[data-table="${no}"] .ag-row`);
        into.push(r.ms);
        // The first paint shows rows while the grid is still taking the others: the indicator says so.
        expect(r.busyAtPaint, `table ${no}, run ${i + 1}`).toBe(true);
        await busyCleared();
        // Then every row is there: the last one can be scrolled to.
        expect(await page.locator(`.grid-wrap[data-table="${no}"] .ag-row`).count()).toBeGreaterThan(10);
      }
    }
    console.log(`[latency] switch to table 7: median ${median(t7).toFixed(0)} ms (${t7.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`[latency] switch to table 2: median ${median(t2).toFixed(0)} ms (${t2.map((x) => x.toFixed(0)).join(', ')})`);
    await page.click('[data-nav="t7"]');
    await busyCleared();
    // All the projects (~6,000 at 10,000 lines) are in the grid, not only the first ones painted.
    const rows = await page.evaluate(() => Number(document.querySelector('.grid-wrap[data-table="7"] [aria-rowcount]')?.getAttribute('aria-rowcount')));
    expect(rows).toBeGreaterThan(LINES / 2);
  });

  it('打印预览 paints the cover and first pages first; the indicator counts the sheets, then clears', { timeout: 600_000 }, async () => {
    const times: number[] = [];
    const longest: number[] = [];
    let sheets = 0;
    for (let i = 0; i < RUNS; i++) {
      await page.click('[data-nav="profile"]');
      // Every text the busy indicator shows from the click on, so a fast layout that clears it
      // before the test looks cannot hide (or fake) what it said.
      await watchLongTasks();
      await page.evaluate(() => {
        const w = window as unknown as { __busyTexts: string[]; __busyObs?: MutationObserver };
        w.__busyTexts = [];
        w.__busyObs?.disconnect();
        const note = () => {
          const t = document.querySelector('[data-testid="busy"]')?.textContent;
          if (t) w.__busyTexts.push(t);
        };
        w.__busyObs = new MutationObserver(note);
        w.__busyObs.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const r = await firstPaint(page, '[data-nav="packet"]', '.cover .dept', true);
      times.push(r.ms);
      expect(r.busySeen || i > 0).toBe(true);
      await busyCleared();
      longest.push(await longestTask());
      if (i === 0) {
        const said = await page.evaluate(() => (window as unknown as { __busyTexts: string[] }).__busyTexts);
        expect(said.some((t) => t.includes('正在排版打印预览'))).toBe(true);
      }
      sheets = await page.frameLocator('iframe.packet-frame').locator('section.sheet').count();
    }
    console.log(
      `[latency] 打印预览, click → cover painted: median ${median(times).toFixed(0)} ms (${times.map((x) => x.toFixed(0)).join(', ')}); ${sheets} sheets in all; longest main-thread task while they came ${longest.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
    // The sheets after the first pages are made off the window's thread (a large document).
    const workers = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('packet-sheets.worker')).length);
    expect(workers).toBeGreaterThan(0);
    // The whole packet arrives: table 7's continuation sheets and the glossary at the end.
    expect(sheets).toBeGreaterThan(LINES / 50);
    expect(await page.frameLocator('iframe.packet-frame').locator('.table-cont', { hasText: '表7（续）' }).count()).toBeGreaterThan(10);
    expect(await page.frameLocator('iframe.packet-frame').locator('.glossary').count()).toBe(1);
    // A change of the store that is not of the document (保存 here; the text worker's answer alike)
    // leaves the preview as it is: it was made again, its sheets laid out anew, on every one.
    await page.evaluate(() => {
      (document.querySelector('iframe.packet-frame') as HTMLIFrameElement).dataset.mark = 'kept';
    });
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已保存到'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    expect(await page.locator('iframe.packet-frame').getAttribute('data-mark')).toBe('kept');
    expect(await page.frameLocator('iframe.packet-frame').locator('section.sheet').count()).toBe(sheets);
    // For a look: a continuation sheet of table 2 in the preview at 1366×768.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.frameLocator('iframe.packet-frame').locator('.table-cont', { hasText: '表2（续）' }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactDir('large-document'), 'preview-table2-continued-1366x768.png') });

    // Leaving it: the frame is taken out of the page whole and its sheets let go a few per task
    // (torn down with the page in one go, 100,000 items' preview held the window 0.2–0.6 s).
    const left = await page.evaluate(async () => {
      (document.querySelector('[data-nav="t1"]') as HTMLElement).click();
      await new Promise((r) => requestAnimationFrame(r));
      const retired = document.querySelector<HTMLIFrameElement>('[data-retired-frames] iframe.packet-frame');
      return { retired: retired !== null, sheets: retired?.contentDocument?.body.childElementCount ?? 0, inPage: document.querySelectorAll('.packet-page').length };
    });
    expect(left.retired).toBe(true);
    expect(left.sheets).toBeGreaterThan(50);
    expect(left.inPage).toBe(0);
    await expect.poll(() => page.locator('[data-retired-frames] iframe').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('.grid-wrap[data-table="1"]').count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
  it('绩效目标表 of thousands of projects: one page of tables at once, a search, one reminder for the blank ones', { timeout: 300_000 }, async () => {
    const projects = syntheticDocument(LINES).projectRows.length;
    await page.click('[data-nav="profile"]');
    await watchLongTasks();
    const t0 = Date.now();
    await page.click('[data-nav="performance"]');
    await page.waitForSelector('.perf-search');
    const ms = Date.now() - t0;
    const longest = await longestTask();
    console.log(`[latency] 绩效目标表 of ${projects} projects: click → shown ${ms} ms; longest main-thread task ${longest.toFixed(0)} ms`);
    // Every table 7 project has a table to fill in; 50 of them are on the page (and the 部门整体 one).
    expect(await page.locator('.perf-search-count').textContent()).toBe(`共 ${projects} 个项目绩效目标表，显示前 50 个`);
    expect(await page.locator('.perf-block').count()).toBe(51);
    // Thousands of blank tables are one reminder listing them, not thousands of lines.
    const reminders = await page.locator('.perf-findings li').allTextContents();
    expect(reminders.filter((t) => t.includes('项目支出绩效目标表')).length).toBe(1);
    expect(reminders.join('')).toContain(`同类还有 ${projects - 1} 处`);
    // Before: every project's table made at once and looked up against every other (5 s at 10,000 lines, 2 min at 100,000).
    expect(longest).toBeLessThan(2_000);

    await page.getByRole('button', { name: `显示更多（还有 ${projects - 50} 个项目）` }).click();
    expect(await page.locator('.perf-block').count()).toBe(101);

    // A project found by its name, its goal typed and left: stored, and there again after a page switch.
    await page.getByLabel('查找项目').fill('合成项目1234');
    expect(await page.locator('.perf-block').count()).toBe(2);
    const block = page.locator('.perf-block', { hasText: '项目支出绩效目标表：合成项目1234' });
    await block.locator('textarea').fill('完成合成项目1234的年度任务。');
    await page.click('[data-nav="t1"]');
    await page.click('[data-nav="performance"]');
    await page.getByLabel('查找项目').fill('合成项目1234');
    expect(await page.locator('.perf-block', { hasText: '项目支出绩效目标表：合成项目1234' }).locator('textarea').inputValue()).toBe('完成合成项目1234的年度任务。');
    // Many matches: the first page of them, and 显示更多 for the rest.
    await page.getByLabel('查找项目').fill('合成项目12');
    expect(await page.locator('.perf-search-count').textContent()).toBe('找到 111 个，显示前 50 个');
    expect(await page.locator('.perf-block').count()).toBe(51);
    await page.screenshot({ path: join(artifactDir('large-document'), 'performance-search.png') });

    // The third project's goal typed and left: stored, its table still third on the page; the
    // document keeps the two tables filled in, not the thousands of blank ones the page shows.
    await page.getByLabel('查找项目').fill('');
    const third = page.locator('.perf-block').nth(3);
    const legend = await third.locator('legend').textContent();
    await third.locator('textarea').fill('完成第三个项目的年度任务。');
    await page.click('.performance-page h2');
    await expect.poll(() => page.getByTestId('message').textContent()).toBe('绩效目标表已更新');
    expect(await page.locator('.perf-block').nth(3).locator('legend').textContent()).toBe(legend);
    expect(await page.locator('.perf-block').nth(3).locator('textarea').inputValue()).toBe('完成第三个项目的年度任务。');
    expect(await page.locator('.perf-search-count').textContent()).toBe(`共 ${projects} 个项目绩效目标表，显示前 50 个`);
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent?.startsWith('已保存到'));
    const saved = loadDocument(readFileSync(files[0]!, 'utf8'));
    if (!saved.ok) throw new Error(saved.error);
    const kept = saved.doc.performanceTargets?.projects ?? [];
    expect(kept.map((t) => [t.name, t.goal]).sort()).toEqual(
      [
        ['合成项目1234', '完成合成项目1234的年度任务。'],
        [legend?.replace('项目支出绩效目标表：', ''), '完成第三个项目的年度任务。'],
      ].sort(),
    );
    // Back to the page with nothing changed since: the tables read before are there at once (no 正在整理…).
    await page.waitForTimeout(1_000);
    await page.click('[data-nav="t1"]');
    const preparing = await page.evaluate(async () => {
      (document.querySelector('[data-nav="performance"]') as HTMLElement).click();
      await new Promise((r) => requestAnimationFrame(r));
      return document.querySelector('[data-testid="performance-preparing"]') !== null || document.querySelector('.perf-search') === null;
    });
    expect(preparing).toBe(false);
    expect(app.errors).toEqual([]);
  });
  it('a project deleted from 表7 and the deletion undone: the row goes and comes back, the sums above it follow at once', { timeout: 300_000 }, async () => {
    await page.click('[data-nav="t7"]');
    await busyCleared();
    const grid = '.grid-wrap[data-table="7"]';
    const cellText = (row: string, col: string) => page.locator(`${grid} [row-id="${row}"] [col-id="${col}"]`).first().textContent();
    /** An amount as shown (`1,234.56`) in 分. */
    const fen = (t: string | null) => Math.round(Number((t ?? '').replace(/,/g, '') || '0') * 100);
    const rowCount = () => page.evaluate((g) => Number(document.querySelector(`${g} [aria-rowcount]`)?.getAttribute('aria-rowcount')), grid);
    const project = await page.locator(`${grid} [row-id^="p:"]`).first().getAttribute('row-id');
    if (!project) throw new Error('no project row painted');
    const total = fen(await cellText('total', 'c1'));
    const amount = fen(await cellText(project, 'c1'));
    expect(amount).toBeGreaterThan(0);
    const rows = await rowCount();
    await page.locator(`${grid} [row-id="${project}"] [col-id="c3"]`).first().click({ button: 'right' });
    await page.getByTestId('cell-menu').waitFor();
    await watchLongTasks();
    await page.click('[data-testid="cell-menu"] [data-item="delete-row"]');
    await page.locator(`${grid} [row-id="${project}"]`).waitFor({ state: 'detached' });
    // The grid kept its other rows and built the touched ones again: the 总计 is the project's amount less.
    expect(fen(await cellText('total', 'c1'))).toBe(total - amount);
    expect(await rowCount()).toBe(rows - 1);
    const deleting = await longestTask();
    await app.menu('edit:undo');
    await page.locator(`${grid} [row-id="${project}"]`).first().waitFor();
    expect(fen(await cellText('total', 'c1'))).toBe(total);
    expect(fen(await cellText(project, 'c1'))).toBe(amount);
    expect(await rowCount()).toBe(rows);
    console.log(`[latency] 表7 of ${rows} rows: a project deleted, longest main-thread task ${deleting.toFixed(0)} ms`);
    expect(app.errors).toEqual([]);
  });
  it('表2 cleared whole (Ctrl+A, Delete) and the clearing undone: made in steps, the window painting and saying so, the counts then right', { timeout: 300_000 }, async () => {
    await page.click('[data-nav="t2"]');
    await busyCleared();
    const grid = '.grid-wrap[data-table="2"]';
    const errors = () => page.getByTestId('status-errors').textContent();
    expect(await errors()).toBe('错误 0');
    const leaf = await page.locator(`${grid} .row-leaf`).first().getAttribute('row-id');
    await page.locator(`${grid} [row-id="${leaf}"] [col-id="c3"]`).first().click();
    await page.keyboard.press('Control+a');
    await recordBusyTexts();
    await watchLongTasks();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('message').textContent(), { timeout: 120_000 }).toMatch(/^已清除 \d+ 个单元格$/);
    await busyCleared();
    const cleared = Number((await page.getByTestId('message').textContent())?.match(/\d+/)?.[0]);
    const clearing = await longestTask();
    const said = await busyTexts();
    expect(said).toContain(`正在清除 ${cleared} 个单元格…`);
    // Every 项 of 表2 now disagrees with 表3 and 表5: one error per 项 (and the tables' totals).
    expect(Number((await errors())?.replace(/\D/g, ''))).toBeGreaterThan(1000);
    expect(await page.locator(`${grid} [row-id="${leaf}"] [col-id="c3"]`).first().textContent()).toBe('');
    await recordBusyTexts();
    await watchLongTasks();
    await app.menu('edit:undo');
    await expect.poll(() => page.getByTestId('message').textContent(), { timeout: 120_000 }).toBe(`已撤销：清除 ${cleared} 个单元格`);
    await busyCleared();
    expect(await busyTexts()).toContain('正在撤销…');
    expect(await errors()).toBe('错误 0');
    expect(await page.locator(`${grid} [row-id="${leaf}"] [col-id="c3"]`).first().textContent()).not.toBe('');
    console.log(`[latency] 表2 of ${LINES} lines cleared (${cleared} cells): longest main-thread task ${clearing.toFixed(0)} ms; undone: ${(await longestTask()).toFixed(0)} ms`);
    expect(app.errors).toEqual([]);
  });

  it('情况说明 of a large department: the page says it is writing the text, then shows it; after an input the text as written stays until the new one is ready', { timeout: 300_000 }, async () => {
    await page.click('[data-nav="profile"]');
    await recordBusyTexts();
    const r = await firstPaint(page, '[data-nav="narrative"]', '[data-testid="narrative-writing"]');
    console.log(`[latency] 情况说明: click → page painted ${r.ms.toFixed(0)} ms (the text written after it)`);
    expect(r.busyAtPaint).toBe(true);
    await page.waitForSelector('[data-section="s7"]');
    await busyCleared();
    expect(await busyTexts()).toContain('正在生成情况说明…');
    expect(await page.getByTestId('narrative-writing').count()).toBe(0);

    // A project's 政策依据 typed and left: the text keeps showing (no empty page), then says it.
    await page.click('[data-section="s7"] h3 button');
    const first = page.locator('[data-section="s7"] .narrative-paragraph').filter({ has: page.getByLabel(/：设立的政策依据$/) }).first();
    const name = ((await first.getByLabel(/：设立的政策依据$/).getAttribute('aria-label')) ?? '').replace(/：设立的政策依据$/, '');
    await recordBusyTexts();
    await first.getByLabel(/：设立的政策依据$/).fill('《合成项目管理办法》');
    await page.locator('.narrative-page h2').click();
    // Whenever looked at while the new text is written, the page is never emptied.
    expect(await page.getByTestId('narrative-writing').count()).toBe(0);
    expect(await page.locator('[data-section="s7"] .narrative-paragraph').count()).toBeGreaterThan(10);
    const basis = page.locator('[data-section="s7"] .narrative-paragraph p', { hasText: '设立的政策依据：《合成项目管理办法》' });
    await expect.poll(() => basis.count(), { timeout: 60_000 }).toBe(1);
    expect(await busyTexts()).toContain('正在生成情况说明…');
    expect(await page.getByTestId('narrative-writing').count()).toBe(0);
    expect(name).toMatch(/^合成项目\d+$/);
    expect(app.errors).toEqual([]);
  });
});
