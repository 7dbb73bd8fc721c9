import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetLayout, WorkbookLayout } from '../../../shared/exporters/workbook';
import { STYLES } from '../../../electron/xlsx/styles';

const A4 = 9;
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * The writer as it was before merges were declared after the rows (exceljs's public `mergeCells`
 * first, quadratic in long tables): the reference the faster writer's output is compared with.
 */
export async function writeWorkbookMergesFirst(layout: WorkbookLayout): Promise<Buffer> {
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
  for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  s.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      const style = STYLES[cell.s];
      if (cell.v === undefined && style === STYLES.blank) return;
      const x = row.getCell(c + 1);
      if (cell.v !== undefined) x.value = cell.v;
      x.style = style;
    });
    const h = s.heights[r];
    if (h !== undefined) row.height = h;
    row.commit();
  });
  await ws.commit();
}
