import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, type MessageBoxOptions, screen, session } from 'electron';
import { type Channel, JOB_PROGRESS_CHANNEL, type JobProgress, MENU_CHANNEL, type MenuCommand, OPEN_FILE_CHANNEL, type OpenedFile, requestSchemas } from '../shared/ipc/contract';
import { fileFromArgv } from './app/argv';
import { fileKind } from './files/kinds';
import { createHandlers } from './ipc/handlers';
import { sharedDocService } from './worker/doc-service';
import { defaultServices } from './ipc/services';
import { buildMenuTemplate } from './menu/template';
import { APP_ENTRY, isAppUrl } from './security/policy';
import { confirmExternal, electronDeps } from './shell/electron-deps';
import { hardenSession, hardenWebContents } from './shell/harden';
import { printHtmlToPdf } from './shell/print-to-pdf';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { restoreBounds } from './window/bounds';
import { type CloseChoice, CloseGuard } from './window/close-guard';
import { APP_TITLE, windowTitle } from './window/title';

/**
 * The main process: one secure window showing the built renderer from `app://desk/`, the
 * Chinese menu, the IPC handlers, files from the command line / file association / second launch.
 */
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let win: BrowserWindow | undefined;
  let rendererReady = false;
  const waiting: string[] = [];
  let guard = new CloseGuard();
  /** Recovery drafts written by this run; a crash leaves them for the next start. */
  const draftKeys = new Set<string>();
  let pendingWrites: Promise<unknown> = Promise.resolve();

  const send = (channel: string, payload: MenuCommand | OpenedFile | JobProgress) => win?.webContents.send(channel, payload);
  const showError = (message: string) => {
    const options: MessageBoxOptions = { type: 'error', title: APP_TITLE, message };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };

  const handlers = createHandlers(
    electronDeps({
      window: () => win,
      setWindowState: ({ fileName, dirty }) => {
        if (!win) return;
        win.setTitle(windowTitle(fileName, dirty));
        if (process.platform === 'darwin') win.setDocumentEdited(dirty);
        if (guard.setDirty(dirty)) win.close();
      },
      services: { ...defaultServices, printToPdf: printHtmlToPdf },
      // Import/export/print run in a worker thread; the window shows their progress and 取消.
      onJobProgress: (progress) => send(JOB_PROGRESS_CHANNEL, progress),
    }),
  );

  /** A file from outside: documents open, packets and workbooks are imported into a new document. */
  const deliver = async (path: string) => {
    if (fileKind(path) === 'document') {
      const r = await handlers['doc:open']({ path });
      if (r.ok) send(OPEN_FILE_CHANNEL, { path: r.path, docText: r.docText });
      else {
        showError(r.error);
        // A recent file that is gone is dropped from 最近打开.
        if (!existsSync(path))
          void handlers.settings
            .update((s) => {
              s.recentFiles = s.recentFiles.filter((f) => f !== path);
            })
            .catch(() => {});
      }
    } else {
      const r = await handlers['import:file']({ path });
      if (r.ok) send(OPEN_FILE_CHANNEL, { path: r.path, docText: r.docText, imported: true, warnings: r.warnings, summary: r.summary, audit: r.audit });
      else showError(r.error);
    }
  };
  /** The command line, file association, second launch and 最近打开 are the user's choice of file. */
  const openFromOutside = (path: string) => {
    handlers.paths.grant(path, fileKind(path) === 'document' ? 'write' : 'read');
    if (rendererReady && win) void deliver(path);
    else waiting.push(path);
  };

  // macOS delivers double-clicked files through `open-file`, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOutside(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const file = fileFromArgv(argv, workingDirectory);
    if (file) openFromOutside(file);
  });
  const first = fileFromArgv(process.argv, process.cwd());
  if (first) openFromOutside(first);

  const setMenu = (recentFiles: string[]) => {
    const template = buildMenuTemplate(
      { recentFiles, isMac: process.platform === 'darwin', devTools: !app.isPackaged },
      {
        send: (command) => send(MENU_CHANNEL, command),
        openRecent: openFromOutside,
        clearRecent: () =>
          void handlers.settings
            .update((s) => {
              s.recentFiles = [];
            })
            .catch(() => {}),
        quit: () => win?.close(),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const createWindow = async () => {
    const settings = await handlers.settings.get();
    const bounds = restoreBounds(
      settings.windowBounds,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = new BrowserWindow({
      ...bounds,
      minWidth: 900,
      minHeight: 600,
      title: windowTitle(undefined, false),
      show: false,
      webPreferences: {
        preload: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    const w = win;
    guard = new CloseGuard();
    w.once('ready-to-show', () => w.show());
    // The title follows `window:state` (file name + unsaved marker), not the page's <title>.
    w.on('page-title-updated', (event) => event.preventDefault());
    // A missing or broken renderer build must not leave an invisible window behind.
    w.webContents.on('did-fail-load', (_event, code, description, url) => {
      if (!isAppUrl(url)) return;
      w.show();
      showError(`无法载入程序界面（${description || code}）。如果是从源代码运行，请先执行 npm run build。`);
    });
    w.webContents.on('did-finish-load', () => {
      rendererReady = true;
      sharedDocService().warm();
      for (const f of waiting.splice(0)) void deliver(f);
    });
    w.on('close', (event) => {
      const decision = guard.onClose();
      if (decision === 'close') {
        // Saved or deliberately discarded: this session's drafts are not work to recover
        // (removed in each draft's queue, after any autosave still being written).
        const discards = [...draftKeys].map((key) => handlers.recovery.discard(key).catch(() => {}));
        const b = w.getNormalBounds();
        const bounds = handlers.settings
          .update((s) => {
            s.windowBounds = b;
          })
          .catch(() => handlers.settings.get());
        pendingWrites = Promise.all([...discards, bounds]);
        return;
      }
      event.preventDefault();
      if (decision === 'wait') return;
      void dialog
        .showMessageBox(w, {
          type: 'warning',
          title: APP_TITLE,
          message: '文档有未保存的修改，关闭前要保存吗？',
          detail: '选择“不保存”将丢失上次保存以来的修改。',
          buttons: ['保存', '不保存', '取消'],
          defaultId: 0,
          cancelId: 2,
          noLink: true,
        })
        .then(({ response }) => {
          const choice: CloseChoice = response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
          const next = guard.choose(choice);
          if (next === 'close') w.close();
          else if (next === 'save') send(MENU_CHANNEL, 'file:save');
        });
    });
    w.on('closed', () => {
      win = undefined;
      rendererReady = false;
    });
    // A failure is reported by `did-fail-load` above.
    await w.loadURL(APP_ENTRY).catch(() => {});
  };

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    hardenWebContents((url) => confirmExternal(win, url));
    serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
    for (const channel of Object.keys(requestSchemas) as Channel[]) {
      ipcMain.handle(channel, async (event, payload: unknown) => {
        // Only the app's own page may call main.
        if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return { ok: false, error: '请求来源不可信，已拒绝' };
        const result = await handlers[channel](payload);
        if (channel === 'doc:save' && !result.ok) guard.saveFailed();
        if (channel === 'doc:autosave' && result.ok) draftKeys.add((payload as { key: string }).key);
        return result;
      });
    }
    setMenu((await handlers.settings.get()).recentFiles);
    handlers.settings.onChange((s) => setMenu(s.recentFiles));
    await createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });

  app.on('window-all-closed', () => {
    // Let the window-size write finish before the process ends.
    if (process.platform !== 'darwin') void pendingWrites.finally(() => app.quit());
  });
}
