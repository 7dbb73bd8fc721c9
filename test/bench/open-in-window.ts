import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serializeDocument } from '../../shared/model';
import { syntheticDocument } from '../../shared/samples/synthetic';
import { Harness } from '../e2e/support/harness';

/**
 * 打开 in the app's window: the production renderer in Debian's Chromium (the runtime the
 * renderer has in Electron) with the real main-process handlers bridged in, as the e2e tests run it.
 * Timed in the page, from main's answer to `doc:open` arriving to the frame that shows table 2 of the
 * new document (`window_ms`: what the window is busy with, the UI thread's part of 打开), and to
 * the busy indicator clearing (`settled_ms`: the rest of the rows laid out). Main's part (read,
 * validate, send) runs in Node and is in `open_ms`; the bridge here is Playwright's, not Electron's
 * IPC, so the click → answer time is not reported.
 * The 万元 and 元 departments of one size are opened in turn, each replacing the other (as the
 * warm `open_ms` does), so every open lets a document of that size go.
 */
export interface WindowOpens {
  window_ms: number[];
  settled_ms: number[];
  /** The longest the window went without a frame from main's answer to the busy indicator clearing. */
  held_ms: number[];
  yuan_window_ms: number[];
  yuan_held_ms: number[];
}

/** The page's clock when main's answer to `doc:open` arrived: the bridge's `invoke` wrapped once. */
async function timeAnswers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { desk: { invoke(c: string, r: unknown): Promise<unknown> }; __answered?: number; __timed?: boolean };
    if (w.__timed) return;
    w.__timed = true;
    const inner = w.desk.invoke.bind(w.desk);
    w.desk.invoke = async (c, r) => {
      const answer = await inner(c, r);
      if (c === 'doc:open') w.__answered = performance.now();
      return answer;
    };
  });
}

/** Click 打开 (the dialog answers `name`) and time, in the page, answer → table 2 of that file painted → busy cleared. */
async function openOnce(page: Page, name: string): Promise<{ window: number; settled: number; held: number }> {
  return page.evaluate(
    (file) =>
      new Promise<{ window: number; settled: number; held: number }>((resolve, reject) => {
        const w = window as unknown as { __answered?: number };
        w.__answered = undefined;
        const total = () => document.querySelector('.grid-wrap[data-table="2"] [row-id="total"] [col-id="c1"]')?.textContent ?? null;
        const before = total();
        const opened = () => document.querySelector('[data-testid="message"]')?.textContent?.endsWith(file) === true;
        const busy = () => document.querySelector('[data-testid="busy"]') !== null;
        let painted = 0;
        let last = performance.now();
        let held = 0;
        const limit = performance.now() + 300_000;
        // Checked at each frame: what the frame about to be drawn shows.
        const frame = () => {
          const now = performance.now();
          if (now > limit) return reject(new Error(`打开 ${file}：5 分钟内未显示`));
          // A gap between frames that ends after the answer: the window could not paint (or take input) for that long.
          if (w.__answered !== undefined) held = Math.max(held, now - Math.max(last, w.__answered));
          last = now;
          if (!painted && w.__answered !== undefined && opened() && total() !== null && total() !== before) painted = now;
          if (painted && !busy()) return resolve({ window: painted - w.__answered!, settled: now - w.__answered!, held });
          requestAnimationFrame(frame);
        };
        (document.querySelector('[data-cmd="file:open"]') as HTMLElement).click();
        requestAnimationFrame(frame);
      }),
    name,
  );
}

/** `runs` opens of each department of `items` lines, in one window, after one untimed pair. */
export async function windowOpens(sizes: readonly number[], runs: (items: number) => number): Promise<Map<number, WindowOpens>> {
  const h = new Harness({ production: true });
  const out = new Map<number, WindowOpens>();
  try {
    await h.start();
    const app = await h.open();
    await timeAnswers(app.page);
    const dir = await h.tempDir('bench-window-');
    for (const items of sizes) {
      const wan = join(dir, `synthetic-${items}.budget`);
      const yuan = join(dir, `synthetic-${items}-yuan.budget`);
      writeFileSync(wan, serializeDocument(syntheticDocument(items)));
      writeFileSync(yuan, serializeDocument(syntheticDocument(items, { unit: '元' })));
      const r: WindowOpens = { window_ms: [], settled_ms: [], held_ms: [], yuan_window_ms: [], yuan_held_ms: [] };
      for (let i = -1; i < runs(items); i++) {
        app.desk.dialogAnswers.push(wan);
        const a = await openOnce(app.page, wan);
        app.desk.dialogAnswers.push(yuan);
        const b = await openOnce(app.page, yuan);
        if (i < 0) continue; // the first pair: the renderer's code not yet optimised, no document of this size to let go
        r.window_ms.push(a.window);
        r.settled_ms.push(a.settled);
        r.held_ms.push(a.held);
        r.yuan_window_ms.push(b.window);
        r.yuan_held_ms.push(b.held);
      }
      out.set(items, r);
    }
    if (app.errors.length > 0) throw new Error(`页面出错：${app.errors.join('；')}`);
  } finally {
    await h.stop();
  }
  return out;
}
