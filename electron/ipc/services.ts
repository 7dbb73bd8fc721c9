import { readCodeListFile } from '../classification/read-code-list';
import { renderPacketPdf } from '../print';
import type { FileServices } from './deps';

/**
 * The services main runs itself, wired to the IPC handlers (import, export and the packet's
 * layout run in a worker thread: electron/worker). In the app, main.ts replaces `printToPdf`
 * with Electron's own printer.
 */
export const defaultServices: FileServices = {
  readCodeList: readCodeListFile,
  printToPdf: renderPacketPdf,
};
