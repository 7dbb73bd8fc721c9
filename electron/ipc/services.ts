import { basename } from 'node:path';
import { warningText } from '../../shared/importers/packet/warnings';
import { readCodeListFile } from '../classification/read-code-list';
import { importPacketFile } from '../import/read-packet';
import { renderPacketPdf } from '../print';
import { writeFileAtomic } from '../files/atomic-write';
import { readWorkbookFile, workbookBuffer } from '../xlsx/workbook-file';
import type { FileServices } from './deps';

/**
 * The importers and exporters the app ships with, wired to the IPC handlers. Missing entries
 * answer “尚未支持”. In the app, main.ts replaces
 * `printToPdf` with Electron's own printer.
 */
export const defaultServices: FileServices = {
  async readPacketFile(path) {
    const r = await importPacketFile(path);
    if (!r.ok) throw new Error(r.error);
    const s = r.summary;
    const summary = `已从“${basename(path)}”识别出 ${s.tables.length} 张表、${s.rows} 行，${r.warnings.length} 条提示`;
    return { doc: r.doc, warnings: r.warnings.map(warningText), summary };
  },
  readWorkbookFile,
  // Atomic, so a failed export never leaves a half-written workbook over an existing one.
  async writeWorkbookFile(doc, path) {
    await writeFileAtomic(path, await workbookBuffer(doc));
  },
  readCodeList: readCodeListFile,
  printToPdf: renderPacketPdf,
};
