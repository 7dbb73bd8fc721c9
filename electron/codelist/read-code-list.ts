import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { codeListFromRows, parseCsv } from '../../shared/classification/import-list';

/** CSV from Excel/WPS on Chinese Windows is often GBK: decode as UTF-8 when valid, else GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value).trim();
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    if (rows.length > 0) break; // the first sheet with content
  }
  return rows;
}

/**
 * A code list file (CSV or XLSX with code and name columns) for `import:codeList`. The list is
 * of one kind: function (codes 2xx) or economic (3xx); a mixed file gives the larger part.
 */
export async function readCodeListFile(path: string): Promise<{ kind: 'function' | 'economic'; entries: Array<{ code: string; name: string }> }> {
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  let rows: string[][];
  if (ext === '.xlsx') {
    try {
      rows = await xlsxRows(bytes);
    } catch {
      throw new Error('文件不是有效的 Excel 工作簿（.xlsx），可能已损坏；旧版 .xls 请先在 Excel/WPS 中另存为 .xlsx');
    }
  } else rows = parseCsv(decodeText(bytes));
  const r = codeListFromRows(rows);
  if (!r.ok) throw new Error(r.error);
  return r.function.length >= r.economic.length ? { kind: 'function', entries: r.function } : { kind: 'economic', entries: r.economic };
}
