import { app, type BrowserWindow, dialog, shell } from 'electron';
import { collectLicenses } from '../app/licenses';
import type { DialogOptions, FileServices, HandlerDeps } from '../ipc/deps';

/** Ask before a web link leaves the app. */
export async function confirmExternal(win: BrowserWindow | undefined, url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['在浏览器中打开', '取消'],
    defaultId: 1,
    cancelId: 1,
    title: '打开外部链接',
    message: '要在系统浏览器中打开这个网页吗？',
    detail: url,
  };
  const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return r.response === 0;
}

const dialogOptions = (o: DialogOptions) => ({ title: o.title, filters: o.filters, ...(o.defaultPath ? { defaultPath: o.defaultPath } : {}) });

/** The real, Electron-backed dependencies of the IPC handlers. */
export function electronDeps(opts: {
  window: () => BrowserWindow | undefined;
  setWindowState: HandlerDeps['setWindowState'];
  services: FileServices;
  onJobProgress: NonNullable<HandlerDeps['onJobProgress']>;
}): HandlerDeps {
  return {
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    dialogs: {
      async open(o) {
        const win = opts.window();
        const options = { ...dialogOptions(o), properties: ['openFile' as const] };
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return r.canceled ? undefined : r.filePaths[0];
      },
      async save(o) {
        const win = opts.window();
        const r = win ? await dialog.showSaveDialog(win, dialogOptions(o)) : await dialog.showSaveDialog(dialogOptions(o));
        return r.canceled || !r.filePath ? undefined : r.filePath;
      },
    },
    confirmExternal: (url) => confirmExternal(opts.window(), url),
    openExternal: (url) => shell.openExternal(url),
    setWindowState: opts.setWindowState,
    services: opts.services,
    onJobProgress: opts.onJobProgress,
    licenses: () => collectLicenses(app.getAppPath(), [{ name: 'Electron', version: process.versions.electron ?? '', license: 'MIT' }]),
  };
}
