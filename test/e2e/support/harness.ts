import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { collectLicenses } from '../../../electron/app/licenses';
import { createHandlers } from '../../../electron/ipc/handlers';
import { CHROMIUM_ARGS } from '../../../electron/print/chromium-pdf';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/policy';
import type { Channel, JobProgress, MenuCommand } from '../../../shared/ipc/contract';

/**
 * End-to-end harness: the renderer built with Vite, served from 127.0.0.1 with the app's CSP,
 * opened in Debian's Chromium, with the real main-process handlers bridged in as `window.desk`
 * (only the native dialogs and the external browser are fakes).
 */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** Debian's Chromium, the browser the e2e tests (and the benchmark's window opens) drive. */
export const CHROMIUM = '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Build the renderer into its own folder (tests in parallel never race over dist/renderer).
 * Under vitest NODE_ENV is `test`, so React is built in development mode (its checks and
 * warnings on); `production` builds it as `npm start` does, for timing what the user gets.
 */
export async function buildRenderer(opts: { production?: boolean } = {}): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'desk-renderer-'));
  // The React plugin picks its JSX runtime from NODE_ENV when the config loads: set it for the build.
  const env = process.env.NODE_ENV;
  if (opts.production) process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true }, ...(opts.production ? { mode: 'production' } : {}) });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
  return outDir;
}

export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path || 'index.html');
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/index.html`, server };
}

export interface Desk {
  /** Paths the next open/save dialogs answer with (undefined = cancel). */
  dialogAnswers: Array<string | undefined>;
  externalAsked: string[];
  windowStates: Array<{ fileName?: string; dirty: boolean }>;
  /** Progress events main sent to the page (import/export/print jobs in the worker thread). */
  jobProgress: JobProgress[];
  userDataDir: string;
}

export interface AppPage {
  page: Page;
  desk: Desk;
  /** Send an application-menu command, as main does. */
  menu(cmd: MenuCommand): Promise<void>;
  errors: string[];
}

export class Harness {
  private context!: BrowserContext;
  private server!: Server;
  private dirs: string[] = [];
  url = '';

  constructor(private readonly opts: { production?: boolean } = {}) {}

  async start(): Promise<void> {
    const out = await buildRenderer(this.opts);
    this.dirs.push(out);
    const s = await serve(out);
    this.server = s.server;
    this.url = s.url;
    const profile = await mkdtemp(join(tmpdir(), 'desk-chromium-'));
    this.dirs.push(profile);
    this.context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1400, height: 860 },
      locale: 'zh-CN',
    });
    // Functions this process hands the page (init scripts, page.evaluate) carry esbuild's
    // `__name` helper when it runs through tsx (the benchmark): the page gets a no-op one.
    await this.context.addInitScript('globalThis.__name ??= (f) => f;');
    // The app's window may read and write the clipboard (Electron allows it for app pages).
    await this.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.url).origin });
    // No remote content: anything not served by the local server is refused.
    await this.context.route(
      (u) => !u.href.startsWith(this.url.replace('/index.html', '')),
      (route) => route.abort(),
    );
  }

  async tempDir(prefix: string): Promise<string> {
    const d = await mkdtemp(join(tmpdir(), prefix));
    this.dirs.push(d);
    return d;
  }

  /** A fresh page with its own user-data folder for the handlers (settings, recovery). */
  async open(opts: { userDataDir?: string; beforeLoad?: (desk: Desk) => void } = {}): Promise<AppPage> {
    const userDataDir = opts.userDataDir ?? (await this.tempDir('desk-userdata-'));
    const desk: Desk = { dialogAnswers: [], externalAsked: [], windowStates: [], jobProgress: [], userDataDir };
    let page: Page | undefined;
    opts.beforeLoad?.(desk);
    const handlers = createHandlers({
      userDataDir,
      appVersion: '0.1.0',
      dialogs: {
        open: async () => desk.dialogAnswers.shift(),
        save: async () => desk.dialogAnswers.shift(),
      },
      confirmExternal: async (url) => {
        desk.externalAsked.push(url);
        return false;
      },
      openExternal: async () => {},
      setWindowState: (s) => {
        desk.windowStates.push(s);
      },
      licenses: () => collectLicenses(ROOT),
      // As main's webContents.send: the page's onJobProgress listeners get each event.
      onJobProgress: (p) => {
        desk.jobProgress.push(p);
        void page?.evaluate((x) => (window as unknown as { __deskJob(p: unknown): void }).__deskJob(x), p).catch(() => {});
      },
    });
    page = await this.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.exposeFunction('__deskInvoke', (channel: Channel, payload: unknown) => handlers[channel](payload));
    await page.addInitScript(() => {
      type L = (x: unknown) => void;
      const w = window as unknown as Record<string, unknown>;
      const menu: L[] = [];
      const files: L[] = [];
      const jobs: L[] = [];
      w.__deskJob = (p: unknown) => {
        for (const l of jobs) l(p);
      };
      w.__deskMenu = (cmd: unknown) => {
        for (const l of menu) l(cmd);
      };
      w.desk = {
        invoke: (c: string, r: unknown) => (w.__deskInvoke as (c: string, r: unknown) => Promise<unknown>)(c, r),
        onMenu(l: L) {
          menu.push(l);
          return () => menu.splice(menu.indexOf(l), 1);
        },
        onOpenFile(l: L) {
          files.push(l);
          return () => files.splice(files.indexOf(l), 1);
        },
        onJobProgress(l: L) {
          jobs.push(l);
          return () => jobs.splice(jobs.indexOf(l), 1);
        },
      };
    });
    await page.goto(this.url);
    await page.waitForSelector('.ag-root', { timeout: 30_000 });
    return {
      page,
      desk,
      errors,
      menu: async (cmd) => {
        await page.evaluate((c) => (window as unknown as { __deskMenu(c: string): void }).__deskMenu(c), cmd);
      },
    };
  }

  async stop(): Promise<void> {
    await this.context?.close().catch(() => {});
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    for (const d of this.dirs) await rm(d, { recursive: true, force: true });
  }
}
