import { afterAll, beforeAll } from 'vitest';
import { type AppPage, Harness } from './harness';

/**
 * The set-up every e2e file shares: before its tests, build and serve the renderer, start Chromium
 * and open one app page; after them, close everything and remove the temporary folders. Returns
 * the harness (`h.open()` for another window, `h.tempDir()`) and `app`, that first page: its
 * fields are read when a test or a later beforeAll uses them (the page opens in beforeAll).
 * A file's own preparation goes in a beforeAll after this call: it runs once the page is open.
 */
export function startApp(opts: { production?: boolean } = {}): { h: Harness; app: AppPage } {
  const h = new Harness(opts);
  let opened: AppPage | undefined;
  beforeAll(async () => {
    await h.start();
    opened = await h.open();
  });
  afterAll(() => h.stop());
  const current = (): AppPage => {
    if (!opened) throw new Error('startApp：应用页面尚未打开（只能在 beforeAll 之后使用）');
    return opened;
  };
  const app: AppPage = {
    get page() {
      return current().page;
    },
    get desk() {
      return current().desk;
    },
    get errors() {
      return current().errors;
    },
    menu: (cmd) => current().menu(cmd),
  };
  return { h, app };
}
