import { extname } from 'node:path';
import { describeFsError } from '../files/errors';
import { readRegularFile } from '../files/regular-file';
import ExcelJS from 'exceljs';
import { preflightWorkbook } from '../xlsx/preflight/preflight-workbook';
import { type CodeListResult, codeListFromRows, parseCsv } from '../../shared/classification/import-list';
import { decodeText } from '../../shared/importers/decode-text';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** Read a code list exported from the budget system (CSV in UTF-8/GBK, or XLSX): both kinds it holds. */
export async function readCodeLists(path: string): Promise<CodeListResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (e) {
    return { ok: false, error: describeFsError(e, '读取科目表文件', path) };
  }
  if (bytes.length === 0) return { ok: false, error: '科目表文件是空的' };
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    // The same bounds as a budget workbook: exceljs only gets the checked, cut-down copy.
    const checked = preflightWorkbook(bytes);
    if (!checked.ok) return { ok: false, error: `科目表无法读取：${checked.error}` };
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(checked.zip.buffer, checked.zip.byteOffset, checked.zip.byteLength) as unknown as ArrayBuffer);
    } catch {
      return { ok: false, error: '科目表不是有效的 Excel 工作簿（.xlsx），可能已损坏或设置了密码；旧版 .xls 请先另存为 .xlsx' };
    }
    let last: CodeListResult = { ok: false, error: '工作簿中没有工作表' };
    for (const ws of wb.worksheets) {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim()));
      });
      last = codeListFromRows(rows);
      if (last.ok) return last;
    }
    return last;
  }
  if (ext === '.csv' || ext === '.txt') return codeListFromRows(parseCsv(decodeText(bytes)));
  return { ok: false, error: `不支持的科目表文件类型“${ext || '无扩展名'}”，请使用 .csv 或 .xlsx` };
}

/**
 * For `import:codeList`: the list is of one kind, function (codes 2xx) or economic (3xx);
 * a mixed file gives the larger part. Throws the Chinese reason.
 */
export async function readCodeListFile(path: string): Promise<{ kind: 'function' | 'economic'; entries: Array<{ code: string; name: string }> }> {
  const r = await readCodeLists(path);
  if (!r.ok) throw new Error(r.error);
  return r.function.length >= r.economic.length ? { kind: 'function', entries: r.function } : { kind: 'economic', entries: r.economic };
}
