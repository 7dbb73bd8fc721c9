import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { type CodeListResult, codeListFromRows, parseCsv } from '../../shared/classification/import-list';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** Read a code list exported from the budget system: CSV (UTF-8 or GB18030) or XLSX. */
export async function readCodeListFile(path: string): Promise<CodeListResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, error: `无法读取科目表文件 ${path}（${(e as NodeJS.ErrnoException).code ?? String(e)}）` };
  }
  if (bytes.length === 0) return { ok: false, error: '科目表文件是空的' };
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return { ok: false, error: '科目表不是有效的 Excel（.xlsx）文件，可能已损坏或设置了密码' };
    }
    let last: CodeListResult = { ok: false, error: '工作簿中没有工作表' };
    for (const ws of wb.worksheets) {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        const values = row.values as ExcelJS.CellValue[];
        rows.push(values.slice(1).map(cellText));
      });
      last = codeListFromRows(rows);
      if (last.ok) return last;
    }
    return last;
  }
  if (ext === '.csv' || ext === '.txt') {
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD')) text = new TextDecoder('gb18030').decode(bytes);
    return codeListFromRows(parseCsv(text));
  }
  return { ok: false, error: `不支持的科目表文件类型“${ext || '无扩展名'}”，请使用 .csv 或 .xlsx` };
}
