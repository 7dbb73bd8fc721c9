import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  type DeskApi,
  isChannel,
  JOB_PROGRESS_CHANNEL,
  JOB_STAGES,
  type JobProgress,
  MENU_CHANNEL,
  MENU_COMMANDS,
  type MenuCommand,
  OPEN_FILE_CHANNEL,
  type OpenedFile,
} from '../shared/ipc/contract';

/**
 * The one bridge (sandboxed, context-isolated): exactly the invoke channels of the contract and
 * three event streams. No ipcRenderer, no Node, nothing else reaches the page.
 */
const isMenuCommand = (x: unknown): x is MenuCommand => typeof x === 'string' && (MENU_COMMANDS as readonly string[]).includes(x);

const isOpenedFile = (x: unknown): x is OpenedFile =>
  typeof x === 'object' && x !== null && typeof (x as OpenedFile).path === 'string' && typeof (x as OpenedFile).docText === 'string';

const isJobProgress = (x: unknown): x is JobProgress => {
  const p = x as JobProgress | null;
  return typeof p === 'object' && p !== null && typeof p.jobId === 'string' && typeof p.title === 'string' && Object.hasOwn(JOB_STAGES, p.stage) && typeof p.fraction === 'number';
};

const openListeners = new Set<(file: OpenedFile) => void>();
const waitingFiles: OpenedFile[] = [];
ipcRenderer.on(OPEN_FILE_CHANNEL, (_e: IpcRendererEvent, file: unknown) => {
  if (!isOpenedFile(file)) return;
  if (openListeners.size === 0) waitingFiles.push(file);
  for (const l of openListeners) l(file);
});

const api: DeskApi = {
  invoke(channel, request) {
    if (!isChannel(channel)) return Promise.reject(new Error(`未知的请求“${String(channel)}”`));
    return ipcRenderer.invoke(channel, request);
  },
  onMenu(listener) {
    const handler = (_e: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler);
    };
  },
  onJobProgress(listener) {
    const handler = (_e: IpcRendererEvent, progress: unknown) => {
      if (isJobProgress(progress)) listener(progress);
    };
    ipcRenderer.on(JOB_PROGRESS_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(JOB_PROGRESS_CHANNEL, handler);
    };
  },
  onOpenFile(listener) {
    openListeners.add(listener);
    // Files that arrived before the page was listening (launch with a file) are handed over now.
    for (const f of waitingFiles.splice(0)) listener(f);
    return () => {
      openListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('desk', api);
