import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/start-app';

/**
 * Header rows sized from their text (renderer/grid/header-fit.ts): the grid no longer measures
 * each header cell as a table is shown, every header still fits its cell, and the grid measures
 * them again where the worked-out heights cannot hold (a column resized, text set wider).
 */
const { app } = startApp();

beforeAll(async () => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
});

interface HeaderState {
  /** Header cells the grid measures (AG Grid's autoHeaderHeight). */
  measured: number;
  /** Headers whose text is taller than their cell. */
  cut: string[];
  rows: number[];
}

const headerState = (): Promise<HeaderState> =>
  app.page.evaluate(() => {
    const texts = [...document.querySelectorAll<HTMLElement>('.grid-wrap .ag-header-cell-text, .grid-wrap .ag-header-group-text')];
    return {
      measured: document.querySelectorAll('.grid-wrap .ag-header-cell-auto-height').length,
      cut: texts
        .filter((t) => {
          const cell = t.closest<HTMLElement>('.ag-header-cell, .ag-header-group-cell');
          return cell !== null && t.scrollHeight > cell.clientHeight;
        })
        .map((t) => t.textContent ?? ''),
      rows: [...document.querySelectorAll<HTMLElement>('.grid-wrap .ag-header-row')].map((r) => r.offsetHeight),
    };
  });

async function show(t: number): Promise<void> {
  await app.page.click(`[data-nav="t${t}"]`);
  await app.page.waitForSelector(`.grid-wrap[data-table="${t}"] .ag-header-cell`);
  // The check after the first paint (TableGrid) has had its frame.
  await app.page.waitForTimeout(250);
}

describe('grid headers', () => {
  it('every table of the sample: no header cell measured, every header fits, 表2’s group rows three lines high', async () => {
    const rows: Record<number, number[]> = {};
    for (let t = 1; t <= 11; t++) {
      await show(t);
      const s = await headerState();
      expect(s.measured, `表${t}`).toBe(0);
      expect(s.cut, `表${t}`).toEqual([]);
      rows[t] = s.rows;
    }
    expect(rows[2]).toEqual([62, 62, 28]);
    expect(rows[7]).toEqual([45, 28]);
    expect(rows[3]).toEqual([28, 28, 28]);
  });

  it('a column narrowed by hand: the grid measures the headers, the name header wraps onto a taller row and keeps the width given', async () => {
    const { page } = app;
    await show(3);
    expect((await headerState()).rows.at(-1)).toBe(28);
    const handle = page.locator('.grid-wrap .ag-header-cell[col-id="name"] .ag-header-cell-resize');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 190, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const s = await headerState();
    expect(s.measured).toBeGreaterThan(0);
    expect(s.cut).toEqual([]);
    expect(s.rows.at(-1)).toBeGreaterThanOrEqual(44);
    const width = await page.evaluate(() => document.querySelector<HTMLElement>('.grid-wrap .ag-header-cell[col-id="name"]')!.offsetWidth);
    expect(width).toBeLessThan(100);
  });

  it('header text set wider than worked out: the check after the first paint has the grid measure them, nothing cut', async () => {
    const { page } = app;
    await page.addStyleTag({ content: '.grid-wrap .ag-header-group-text, .grid-wrap .ag-header-cell-text { letter-spacing: 10px; }' });
    await show(5);
    await page.waitForFunction(() => document.querySelectorAll('.grid-wrap .ag-header-cell-auto-height').length > 0);
    await page.waitForTimeout(200);
    const s = await headerState();
    expect(s.cut).toEqual([]);
    expect(s.rows[0]).toBeGreaterThan(28);
  });
});
