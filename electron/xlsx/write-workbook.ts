import ExcelJS from 'exceljs';
import type { SheetLayout, WorkbookLayout } from '../../shared/exporters/workbook';
import { STYLES } from './styles';

const A4 = 9;

/** Build an exceljs workbook from the shared layout. Text stays text: nothing is written as a formula. */
export function buildWorkbook(layout: WorkbookLayout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '部门预算公开编制台';
  wb.title = layout.title;
  wb.subject = layout.subject;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const s of layout.sheets) writeSheet(wb, s);
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetLayout): void {
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
  s.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      const style = STYLES[cell.s];
      if (cell.v === undefined && Object.keys(style).length === 0) return;
      const x = row.getCell(c + 1);
      // A string is stored as a string cell whatever it starts with (`=`, `+`, `-`, `@`).
      if (cell.v !== undefined) x.value = cell.v;
      x.style = style;
    });
    const h = s.heights[r];
    if (h !== undefined) row.height = h;
  });
  for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}
