import { execFileSync } from 'node:child_process';
import { promises as fs, mkdirSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_PROGRESS_CHANNEL, type JobProgress, MENU_CHANNEL, OPEN_FILE_CHANNEL, requestSchemas } from '../../../shared/ipc/contract';
import { FakeWebContents, type FakeWindow, fakeElectron, type Recorded } from './fake-electron';
import { sampleDocText, tempDir } from './helpers';

/**
 * Runs the BUILT main bundle (dist/electron/main.cjs as packaged) in Node against a recording
 * stand-in for Electron, since the real binary cannot be downloaded here. Proves the wiring:
 * window options, app:// protocol and CSP, request blocking, navigation refusals, IPC
 * validation and sender check, menu, title, close guard, files from argv and second launch.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const outDir = join(root, 'test', 'artifacts', 'tmp', `main-bundle-${process.pid}`);
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const mod = Module as unknown as { _load: Loader };

let rec: Recorded;
let app: ReturnType<typeof fakeElectron>['app'];
let win: FakeWindow;
let docFile: string;
let appPath: string;
const flush = () => new Promise((r) => setTimeout(r, 30));
/** Wait for main's asynchronous work (file reads, dialogs) without a fixed sleep: the machine may be busy. */
async function until(cond: () => boolean, what: string) {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

async function loadMain(argvFile: string, singleInstance = true) {
  const userData = await tempDir('desk-userdata-');
  const fake = fakeElectron({ userData, appPath });
  fake.rec.singleInstance = singleInstance;
  const original = mod._load;
  mod._load = function (request, parent, isMain) {
    if (request === 'electron') return fake.electron;
    return original.call(this, request, parent, isMain);
  };
  const argv = process.argv;
  process.argv = ['/opt/budget-desk/budget-desk', argvFile];
  try {
    const req = createRequire(import.meta.url);
    const file = join(outDir, 'main.cjs');
    delete req.cache[file];
    req(file);
    await flush();
  } finally {
    process.argv = argv;
    mod._load = original;
  }
  return fake;
}

const ipc = (channel: string, payload: unknown, url = 'app://desk/index.html') => rec.ipc.get(channel)?.({ senderFrame: { url } }, payload) as Promise<{ ok: boolean; error?: string }>;
const fileMenu = () => ((rec.menus.at(-1) as MenuItemConstructorOptions[]).find((m) => m.label === '文件')?.submenu ?? []) as MenuItemConstructorOptions[];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [join(root, 'build', 'build-electron.mjs'), outDir], { stdio: 'pipe' });
  appPath = await tempDir('desk-app-');
  mkdirSync(join(appPath, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>部门预算公开编制台</title>');
  writeFileSync(join(appPath, 'dist', 'renderer', 'assets', 'a.js'), 'console.log(1)');
  docFile = join(await tempDir(), '甲局2025.budget');
  writeFileSync(docFile, sampleDocText('甲局', '7.89'));
  const fake = await loadMain(docFile);
  await until(() => fake.rec.windows[0]?.loaded.length === 1 && fake.rec.menus.length > 0, 'the window');
  rec = fake.rec;
  app = fake.app;
  win = rec.windows[0] as FakeWindow;
}, 60_000);

afterAll(async () => {
  await fs.rm(outDir, { recursive: true, force: true });
});

describe('built main process against a stand-in Electron', () => {
  it('opens one sandboxed, context-isolated window without Node, on app://desk/index.html', () => {
    expect(rec.windows).toHaveLength(1);
    const wp = win.options.webPreferences as Record<string, unknown>;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(wp.preload).toBe(join(appPath, 'dist', 'electron', 'preload.cjs'));
    expect(win.loaded).toEqual(['app://desk/index.html']);
    expect(win.options).toMatchObject({ width: 1400, height: 900, show: false });
    expect(rec.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer from disk with the CSP, and nothing outside it', async () => {
    const serve = rec.protocolHandlers.get('app');
    if (!serve) throw new Error('no app:// handler');
    const ok = await serve({ url: 'app://desk/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self';/);
    expect(await ok.text()).toContain('部门预算公开编制台');
    expect((await serve({ url: 'app://desk/assets/a.js' })).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await serve({ url: 'app://desk/..%2f..%2fetc%2fpasswd' })).status).toBe(403);
    expect((await serve({ url: 'app://desk/missing.js' })).status).toBe(404);
  });

  it('cancels every request that is not the app’s own, and stamps the CSP on responses', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      rec.beforeRequest?.({ url }, (r) => {
        cancel = r.cancel;
      });
      return cancel;
    };
    expect(decide('app://desk/assets/a.js')).toBe(false);
    expect(decide('https://cdn.example.com/lib.js')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    let headers: Record<string, string[]> = {};
    rec.headersReceived?.({ responseHeaders: {} }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'/);
    let allowed: boolean | undefined;
    rec.permissionRequest?.({ getURL: () => 'app://desk/index.html' }, 'geolocation', (ok) => {
      allowed = ok;
    });
    expect(allowed).toBe(false);
  });

  it('refuses navigation away and new windows; web links go to the system browser only after confirmation', async () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true), url, isMainFrame: false }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'app://desk/index.html')).toBe(false);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'javascript:alert(1)')).toBe(true);
    expect(navigate('will-attach-webview', 'https://x.example/')).toBe(true);
    expect(navigate('will-frame-navigate', 'https://x.example/')).toBe(true);
    expect(navigate('will-frame-navigate', 'about:srcdoc')).toBe(false);
    await flush();
    expect(rec.messageBoxes).toEqual([]);

    rec.messageBoxAnswers.push(1); // 取消
    expect(navigate('will-navigate', 'https://www.mof.gov.cn/')).toBe(true);
    rec.messageBoxAnswers.push(0); // 在浏览器中打开
    expect(contents.openHandler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await until(() => rec.externalOpened.length > 0, 'the browser to open');
    await flush();
    expect(rec.messageBoxes.map((m) => [m.message, m.detail])).toEqual([
      ['要在系统浏览器中打开这个网页吗？', 'https://www.mof.gov.cn/'],
      ['要在系统浏览器中打开这个网页吗？', 'https://www.gov.cn/'],
    ]);
    expect(rec.externalOpened).toEqual(['https://www.gov.cn/']);
    rec.messageBoxes.length = 0;
  });

  it('handles every channel of the contract, only for the app’s own page, validating payloads', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(await ipc('settings:get', {}, 'https://evil.example/')).toEqual({ ok: false, error: '请求来源不可信，已拒绝' });
    expect(await ipc('settings:get', {}, 'file:///tmp/x.html')).toEqual({ ok: false, error: '请求来源不可信，已拒绝' });
    expect((await ipc('doc:save', { docText: 5 })).error).toMatch(/^请求“doc:save”的内容无效：/);
    expect((await ipc('settings:get', {})).ok).toBe(true);
  });

  it('opens the file given on the command line once the page has loaded', async () => {
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    await until(() => win.webContents.sent.length > 0, 'the opened file');
    const [channel, payload] = win.webContents.sent[0] as [string, { path: string; docText: string }];
    expect(channel).toBe(OPEN_FILE_CHANNEL);
    expect(payload.path).toBe(docFile);
    expect(payload.docText).toContain('"7.89"');
    // The file given on the command line is the user's choice: the page may save back to it.
    expect((await ipc('doc:save', { path: docFile, docText: sampleDocText('甲局', '7.89') })).ok).toBe(true);
    // It is now a recent file, and the menu was rebuilt with it.
    const recent = fileMenu().find((m) => m.label === '最近打开')?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toBe('1. 甲局2025.budget');
  });

  it('a second launch focuses this window and opens its file; a damaged file is explained, nothing sent', async () => {
    win.webContents.sent.length = 0;
    const second = join(await tempDir(), '乙局.budget');
    writeFileSync(second, sampleDocText('乙局', '1.00'));
    app.emit('second-instance', {}, ['/opt/budget-desk/budget-desk', second], '/');
    await until(() => win.webContents.sent.length > 0, 'the second launch file');
    expect(win.focused).toBe(1);
    expect(win.webContents.sent.map(([c, p]) => [c, (p as { path: string }).path])).toEqual([[OPEN_FILE_CHANNEL, second]]);

    const broken = join(await tempDir(), '坏.budget');
    writeFileSync(broken, '{"format":"budget-desk-document"');
    const boxes = rec.messageBoxes.length;
    app.emit('open-file', { preventDefault() {} }, broken);
    await until(() => rec.messageBoxes.length > boxes, 'the error message');
    expect(win.webContents.sent).toHaveLength(1);
    expect(rec.messageBoxes.at(-1)?.message).toMatch(/^无法打开“坏.budget”：文件不是有效的预算文档/);
  });

  it('a recent file that has gone is explained and dropped from 最近打开', async () => {
    const gone = join(await tempDir(), '丙局.budget');
    writeFileSync(gone, sampleDocText('丙局', '1.00'));
    // The page may not name a file the user did not choose…
    expect((await ipc('doc:open', { path: gone })).error).toBe('无法打开“丙局.budget”：只能打开您在本次运行中选择或打开的文件（请用“打开”或“另存为”选择文件）');
    // …but one opened from outside (file association) is chosen: it opens and becomes a recent file.
    const sent = win.webContents.sent.length;
    app.emit('open-file', { preventDefault() {} }, gone);
    await until(() => win.webContents.sent.length > sent, 'the opened file');
    expect((await ipc('doc:open', { path: gone })).ok).toBe(true);
    await fs.rm(gone);
    const recent = (fileMenu().find((m) => m.label === '最近打开')?.submenu ?? []) as MenuItemConstructorOptions[];
    const item = recent.find((m) => m.label === '1. 丙局.budget');
    expect(item).toBeDefined();
    const boxes = rec.messageBoxes.length;
    (item?.click as (() => void) | undefined)?.();
    await until(() => rec.messageBoxes.length > boxes, 'the error message');
    expect(rec.messageBoxes.at(-1)?.message).toMatch(/^打开“丙局.budget”失败：文件或文件夹不存在/);
    await until(() => !JSON.stringify(rec.menus.at(-1)).includes('丙局'), 'the menu without the file');
    const s = (await ipc('settings:get', {})) as unknown as { settings: { recentFiles: string[] } };
    expect(s.settings.recentFiles).not.toContain(gone);
  });

  it('a packet opened from outside is imported by the built worker (worker.cjs beside main.cjs), its progress sent to the page', async () => {
    win.webContents.sent.length = 0;
    const packet = join(root, 'test', 'fixtures', '003_d8581a66e967af08.txt');
    app.emit('open-file', { preventDefault() {} }, packet);
    // A worker thread starting on a busy machine: allow it 60 s rather than the usual 5 s.
    for (let i = 0; i < 1200 && !win.webContents.sent.some(([c]) => c === OPEN_FILE_CHANNEL); i++) await new Promise((r) => setTimeout(r, 50));
    const progress = win.webContents.sent.filter(([c]) => c === JOB_PROGRESS_CHANNEL).map(([, p]) => p as JobProgress);
    expect(progress[0]).toMatchObject({ title: '导入“003_d8581a66e967af08.txt”', stage: 'read', fraction: 0 });
    expect([...new Set(progress.map((p) => p.stage))]).toEqual(['read', 'recognize', 'audit']);
    expect(progress.at(-1)).toMatchObject({ done: true, fraction: 1 });
    const opened = win.webContents.sent.find(([c]) => c === OPEN_FILE_CHANNEL)?.[1] as { imported: boolean; summary: string; audit: string[]; docText: string };
    expect(opened.imported).toBe(true);
    expect(opened.summary).toBe('已从“003_d8581a66e967af08.txt”识别出 11 张表、107 行，0 条提示；情况说明中读入 77 个填写项（上年数、原因、用途等）');
    expect(opened.audit).toHaveLength(5);
    expect(opened.audit[0]).toMatch(/^文字核对（提示）：第三部分五“基本支出增减率”写为 23.15%/);
    expect(opened.docText).toContain('昌吉回族自治州人民政府驻北京联络处');
  }, 90_000);

  it('a missing renderer build shows the window with an explanation instead of nothing', async () => {
    const boxes = rec.messageBoxes.length;
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://desk/index.html');
    await until(() => rec.messageBoxes.length > boxes, 'the error message');
    expect(rec.messageBoxes.at(-1)?.message).toBe('无法载入程序界面（ERR_FILE_NOT_FOUND）。如果是从源代码运行，请先执行 npm run build。');
  });

  it('menu items send commands to the page', () => {
    win.webContents.sent.length = 0;
    const save = fileMenu().find((m) => m.label === '保存')?.click as (() => void) | undefined;
    save?.();
    expect(win.webContents.sent).toEqual([[MENU_CHANNEL, 'file:save']]);
  });

  it('shows the file name and unsaved marker in the title; closing unsaved work asks first', async () => {
    await ipc('window:state', { fileName: docFile, dirty: true });
    expect(win.titles.at(-1)).toBe('甲局2025.budget ●（未保存） - 部门预算公开编制台');
    let titleKept = false;
    win.emit('page-title-updated', { preventDefault: () => (titleKept = true) }, '● 甲局2025.budget — 部门预算公开编制台');
    expect(titleKept).toBe(true);
    rec.messageBoxes.length = 0;

    rec.messageBoxAnswers.push(2); // 取消
    win.close();
    await until(() => rec.messageBoxes.length === 1, 'the close question');
    await flush();
    expect(rec.messageBoxes.map((m) => [m.message, m.buttons])).toEqual([['文档有未保存的修改，关闭前要保存吗？', ['保存', '不保存', '取消']]]);
    expect(win.closed).toBe(0);

    win.webContents.sent.length = 0;
    rec.messageBoxAnswers.push(0); // 保存
    win.close();
    await until(() => win.webContents.sent.length > 0, 'the save command');
    expect(win.webContents.sent).toEqual([[MENU_CHANNEL, 'file:save']]);
    expect(win.closed).toBe(0);
    // The save is cancelled in the dialog: the window stays.
    await ipc('doc:save', { docText: sampleDocText() });
    await ipc('window:state', { fileName: docFile, dirty: false });
    expect(win.closed).toBe(0);

    await ipc('window:state', { fileName: docFile, dirty: true });
    expect((await ipc('doc:autosave', { key: 'run-1', path: docFile, docText: sampleDocText('甲局', '8.00') })).ok).toBe(true);
    const drafts = (await ipc('recovery:list', {})) as unknown as { entries: unknown[] };
    expect(drafts.entries).toHaveLength(1);
    rec.messageBoxAnswers.push(0); // 保存, and this time the save succeeds
    win.webContents.sent.length = 0;
    win.close();
    await until(() => win.webContents.sent.length > 0, 'the save command');
    await ipc('window:state', { fileName: docFile, dirty: false });
    expect(win.closed).toBe(1);
    expect(win.titles.at(-1)).toBe('甲局2025.budget - 部门预算公开编制台');
    // A clean close leaves no draft to "recover" at the next start; the app quits once settings are written.
    app.emit('window-all-closed');
    await until(() => rec.quit === 1, 'the app to quit');
    // The drafts were removed (in their save queue) before the app quit.
    const after = (await ipc('recovery:list', {})) as unknown as { entries: unknown[] };
    expect(after.entries).toEqual([]);
  });

  it('remembers the window size for the next start', async () => {
    let bounds: unknown;
    await until(() => {
      void ipc('settings:get', {}).then((s) => {
        bounds = (s as { ok: true; settings: { windowBounds?: unknown } }).settings.windowBounds;
      });
      return bounds !== undefined;
    }, 'the saved window bounds');
    expect(bounds).toEqual({ x: 10, y: 20, width: 1300, height: 850 });
  });

  it('a second instance that does not get the lock quits without opening a window', async () => {
    const other = await loadMain(docFile, false);
    expect(other.rec.quit).toBe(1);
    expect(other.rec.windows).toEqual([]);
    expect(other.rec.ipc.size).toBe(0);
  });
});
