import type { JobProgress } from '../../shared/ipc/contract';
import type { LicenseNotice } from '../app/licenses';
import type { FileOps } from '../files/atomic-write';
import type { ChosenPaths } from '../security/chosen-paths';
import type { DocService } from '../worker/doc-service';
import type { JobRunner } from '../worker/runner';

export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface DialogOptions {
  title: string;
  defaultPath?: string;
  filters: FileFilter[];
}

/** Native file dialogs; undefined = the user cancelled. */
export interface Dialogs {
  open(options: DialogOptions): Promise<string | undefined>;
  save(options: DialogOptions): Promise<string | undefined>;
}

/**
 * Services that run in main (import, export and print layout run in the worker, see
 * electron/worker). Each is optional: a missing one makes its channel answer “尚未支持”.
 */
export interface FileServices {
  readCodeList?(path: string): Promise<{ kind: 'function' | 'economic'; entries: Array<{ code: string; name: string }> }>;
  /** Render packet HTML to PDF bytes (Electron's printToPDF in the app, Chromium in tests). */
  printToPdf?(html: string): Promise<Uint8Array>;
}

/** Everything platform-specific the handlers need, injected so they run in Node tests and e2e bridges. */
export interface HandlerDeps {
  /** Per-user folder for settings and recovery drafts. */
  userDataDir: string;
  appVersion: string;
  dialogs: Dialogs;
  /** Ask the user before a web link leaves the app for the system browser. */
  confirmExternal(url: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
  /** Title bar and close guard follow the renderer's file name and unsaved state. */
  setWindowState(state: { fileName?: string; dirty: boolean }): void;
  now?: () => Date;
  /** File operations of the atomic save, injectable to simulate failures. */
  fileOps?: FileOps;
  /** The files the user chose; main shares it to add files from the command line and 最近打开. */
  chosenPaths?: ChosenPaths;
  services?: FileServices;
  /** Progress of import/export/print jobs, for the window (ignored when absent). */
  onJobProgress?(progress: JobProgress): void;
  /** The worker-thread job runner; by default one built with `onJobProgress`. */
  jobs?: JobRunner;
  /** The documents thread; by default the process's own (`sharedDocService`). */
  docs?: DocService;
  licenses?: () => Promise<LicenseNotice[]>;
}
