import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, Harness, ROOT } from './support/harness';

const SHOTS = join(ROOT, 'test/artifacts/screenshots');
const h = new Harness();
let app: AppPage;

beforeAll(async () => {
  await h.start();
  app = await h.open();
}, 120_000);
afterAll(() => h.stop());

describe('first run', () => {
  it('opens on the built-in sample department, marked 示例, with no errors', async () => {
    const { page } = app;
    await expect(page.locator('.sample-badge').textContent()).resolves.toBe('示例');
    await expect(page.locator('.doc-title').textContent()).resolves.toContain('昌吉回族自治州人民政府驻北京联络处');
    await expect(page.getByTestId('status-errors').textContent()).resolves.toBe('错误 0');
    // Table 2 as printed: 总计 row on top with 342.32 (the packet's own 342.31 corrected).
    const total = page.locator('.ag-center-cols-container [row-id="total"] [col-id="c1"]');
    await expect(total.textContent()).resolves.toBe('342.32');
    await page.screenshot({ path: join(SHOTS, 'first-run.png') });
    expect(app.errors).toEqual([]);
  });
});
