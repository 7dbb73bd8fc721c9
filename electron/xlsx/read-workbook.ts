import { importedRowsError } from '../../shared/model/load';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { BudgetDocument } from '../../shared/model';
import { importWorkbookGrid } from '../../shared/importers/workbook';
import type { FormatTemplate } from '../../shared/templates/types';
import { gridFromWorkbook } from './grid-from-exceljs';
import { preflightWorkbook } from './preflight/preflight-workbook';

export class WorkbookReadError extends Error {}

export type WorkbookBufferResult =
  /** `counts`: the tables and rows recognised (`import` prints them, as it does a packet's). */
  | { ok: true; doc: BudgetDocument; warnings: string[]; summary: string; counts: { tables: number; rows: number } }
  | { ok: false; error: string };

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Why bytes are not a readable .xlsx, in words an accountant can act on; null when they may be one. */
export function unreadableReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件是空的（0 字节），不是 Excel 工作簿。';
  if (startsWith(bytes, OLE)) {
    // Encrypted .xlsx files are OLE containers holding an `EncryptedPackage` stream.
    const utf16 = Buffer.from('EncryptedPackage', 'utf16le');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(utf16)
      ? '工作簿设置了打开密码（已加密），无法读取。请在 Excel 中打开后取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），另存后再导入。'
      : '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入。';
  }
  if (!startsWith(bytes, ZIP)) return '文件不是 Excel 工作簿（.xlsx），可能已损坏或是其他类型的文件。';
  return null;
}

/** Read .xlsx bytes into a document, or say in Chinese why not. Never throws. */
export async function readWorkbookBuffer(
  bytes: Uint8Array,
  fallbackYear = new Date().getFullYear() + 1,
  format?: FormatTemplate,
): Promise<WorkbookBufferResult> {
  const reason = unreadableReason(bytes);
  if (reason) return { ok: false, error: reason };
  // Bounds first: exceljs only ever sees a checked, cut-down copy of the workbook.
  const checked = preflightWorkbook(bytes);
  if (!checked.ok) return checked;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(checked.zip.buffer, checked.zip.byteOffset, checked.zip.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, error: `工作簿已损坏，无法读取（${shortReason(e)}）。请在 Excel 中打开并另存为 .xlsx 后再试。` };
  }
  let r: ReturnType<typeof importWorkbookGrid>;
  try {
    r = importWorkbookGrid(gridFromWorkbook(wb, checked.merges, checked.notes), format ? { fallbackYear, format } : { fallbackYear });
  } catch (e) {
    return { ok: false, error: `工作簿内容无法识别（${shortReason(e)}）。` };
  }
  if (!r.ok) return r;
  const tooMany = importedRowsError(r.doc);
  if (tooMany) return { ok: false, error: tooMany };
  const s = r.summary;
  return { ok: true, doc: r.doc, warnings: r.warnings, summary: `识别出 ${s.tables} 张表、${s.rows} 行，${s.warnings} 条提示`, counts: { tables: s.tables, rows: s.rows } };
}

/** For the app and the CLI: read a workbook file, or throw WorkbookReadError with the reason. */
export async function readWorkbookFile(path: string): Promise<{ doc: BudgetDocument; warnings: string[]; summary: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' ? `找不到文件：${path}` : `无法读取文件 ${path}（${code ?? String(e)}）`);
  }
  const r = await readWorkbookBuffer(bytes);
  // The caller names the file (the app says “无法导入“…”：”); the reason stands alone.
  if (!r.ok) throw new WorkbookReadError(r.error);
  return { doc: r.doc, warnings: r.warnings, summary: r.summary };
}

function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 80 ? `${m.slice(0, 80)}…` : m;
}
