import ExcelJS from 'exceljs';
import { type PacketAudit, auditTotals, findingPlace, findingText, otherPlaces } from '../../shared/audit/packet-audit';

const name = (file: string) => file.split(/[\\/]/).pop() ?? file;
/** Printed on A4 landscape, one page wide, so the report reads the same on paper. */
const PAGE = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/** Lines a text takes in a column of `width` characters (a Chinese character is two). */
function lines(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return Math.ceil(units / width);
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '文件';
  let n = clean;
  for (let i = 2; used.has(n); i++) n = `${clean.slice(0, 26)}-${i}`;
  used.add(n);
  return n;
}

/**
 * The batch audit as a workbook: “汇总” with one row per packet (linked to its sheet), then a
 * sheet per packet listing its findings with their places and what could not be read.
 */
export async function auditReportXlsx(results: readonly PacketAudit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '部门预算公开编制台';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  const used = new Set<string>(['汇总']);
  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: PAGE });
  const t = auditTotals(results);
  summary.addRow([`共 ${t.packets} 份：${t.withErrors} 份有错误，${t.unreadable} 份无法读取；错误 ${t.errors} 个，提示 ${t.warnings} 个`]);
  summary.addRow(['序号', '文件', '部门', '年度', '格式', '表数', '错误', '提示', '未能读取', '结论']).font = { bold: true };
  summary.columns = [6, 34, 34, 8, 22, 8, 8, 8, 10, 40].map((width) => ({ width }));
  const names = results.map((r, i) => sheetName(`${i + 1} ${r.department ?? name(r.file)}`, used));
  results.forEach((r, i) => {
    const row = summary.addRow([
      i + 1,
      name(r.file),
      r.department ?? '',
      r.year ?? '',
      r.format ?? '',
      r.tables ?? '',
      r.ok ? r.errors : '',
      r.ok ? r.warnings : '',
      r.ok ? r.unreadable.length : '',
      r.ok ? (r.errors > 0 ? '有错误' : '通过') : `无法读取：${r.error ?? ''}`,
    ]);
    row.getCell(2).value = { text: name(r.file), hyperlink: `#'${names[i]}'!A1` };
    if (!r.ok || r.errors > 0) row.getCell(10).font = { color: { argb: 'FFB00000' } };
    // Wrapped in their columns: a long reason must not run on to the right and shrink the printed page.
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = 15 * Math.max(1, lines(String(row.getCell(10).value ?? ''), 40), lines(r.department ?? '', 34));
  });
  results.forEach((r, i) => {
    const ws = wb.addWorksheet(names[i]!, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: PAGE });
    ws.columns = [6, 8, 34, 80, 50].map((width) => ({ width }));
    ws.addRow([`${r.department ?? ''} ${r.year ?? ''}`.trim() || name(r.file)]).font = { bold: true, size: 13 };
    ws.addRow([r.file]);
    if (!r.ok) {
      ws.addRow(['无法读取', r.error ?? '']);
      return;
    }
    ws.addRow(['序号', '级别', '位置', '问题', '同一原因的其他位置']).font = { bold: true };
    r.findings.forEach((f, j) => {
      const row = ws.addRow([j + 1, f.severity === 'error' ? '错误' : '提示', findingPlace(f), findingText(f), otherPlaces(f)]);
      row.eachCell((c) => {
        c.alignment = { wrapText: true, vertical: 'top' };
      });
      // Readers do not all grow a row for wrapped text: the height is set from the longest cell.
      row.height = 15 * Math.max(lines(findingText(f), 80), lines(otherPlaces(f), 50), 1);
      row.getCell(2).font = { color: { argb: f.severity === 'error' ? 'FFB00000' : 'FFA06000' } };
    });
    if (r.findings.length === 0) ws.addRow(['', '', '', '未发现问题']);
    if (r.unreadable.length > 0) {
      ws.addRow([]);
      ws.addRow(['', '', '未能读取之处']).font = { bold: true };
      for (const u of r.unreadable) ws.addRow(['', '', '', u]);
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
