import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Merge, SheetLayout, WorkbookLayout } from '../../shared/exporters/workbook';
import { columnName, writeSheetRows } from './sheet-rows';
import { formulaStyle, STYLES } from './styles';

const A4 = 9;
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Write the shared layout as .xlsx bytes with exceljs's streaming writer; the rows go through
 * writeSheetRows (the same XML exceljs writes, without its per-cell objects). Text stays text (a
 * string cell is always a shared string, never a formula, whatever it starts with).
 */
export async function writeWorkbook(layout: WorkbookLayout): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    created: FIXED_DATE,
    modified: FIXED_DATE,
    creator: '部门预算公开编制台',
    zip: { zlib: { level: 1 } },
  } as unknown as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  // Core properties are rendered from the writer itself: title and subject say department and year.
  Object.assign(wb, { title: layout.title, subject: layout.subject, lastModifiedBy: '部门预算公开编制台' });
  for (const s of layout.sheets) await writeSheet(wb, s);
  await wb.commit();
  return Buffer.concat(chunks);
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, s: SheetLayout): Promise<void> {
  const p = s.print;
  const ws = wb.addWorksheet(s.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: s.frozenRows, topLeftCell: `A${s.frozenRows + 1}`, showGridLines: false }],
    pageSetup: {
      paperSize: A4,
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows[0] + 1}:${p.repeatRows[1] + 1}` } : {}),
    },
    headerFooter: { oddFooter: `&C${p.footer}`, evenFooter: `&C${p.footer}` },
  });
  ws.columns = s.widths.map((width) => ({ width }));
  writeSheetRows(ws, s.rows, s.heights, STYLES, formulaStyle);
  declareMerges(ws, s.merges);
  await ws.commit();
}

/**
 * The streaming writer's `mergeCells` must run before the rows it touches are committed, so it
 * keeps every row up to the last merge in memory and shifts that list at each commit (and checks
 * each merge against all earlier ones): quadratic in a long table. A merge is only a
 * `<mergeCell ref>` line written when the sheet is committed, so the ranges are handed over after
 * the rows. The cells inside a merge are already written with their layout style.
 */
function declareMerges(ws: ExcelJS.Worksheet, merges: readonly Merge[]): void {
  const list = (ws as unknown as { _merges?: unknown })._merges;
  if (!Array.isArray(list)) throw new Error('exceljs 的流式写入接口已改变：无法写入合并单元格');
  for (const m of merges) list.push(`${columnName(m.left)}${m.top + 1}:${columnName(m.right)}${m.bottom + 1}`);
}
