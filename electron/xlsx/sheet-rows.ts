import type ExcelJS from 'exceljs';
import type { CellStyle, LayoutCell } from '../../shared/exporters/workbook';

/**
 * The parts of exceljs 4.4's streaming worksheet that writing rows goes through: its XML stream,
 * the opening of `<sheetData>` and the workbook's shared style and string tables.
 */
interface StreamSheet {
  startedData: boolean;
  stream: { write(xml: string): void };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _workbook: {
    styles: { addStyleModel(style: object, cellType?: number): number };
    sharedStrings: { add(text: string): number };
  };
}

/** exceljs's `ValueType` codes: the style table files a Null cell as a Number one. */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
/** exceljs gives every row an empty style of its own; one shared object registers the same way. */
const ROW_STYLE = {};
/** Rows are handed to the stream in pieces of about this many characters. */
const CHUNK = 1 << 16;

/**
 * Writes a sheet's rows as exceljs's own `row.commit()` would — the same `<row>`/`<c>` XML,
 * style ids and shared strings, registered in the same order — but straight from the layout:
 * exceljs builds a Row, Cell, value and model object per cell and renders each through its
 * generic XML builder, which costs more than all the rest of an export (a row with a 批注 still
 * goes through them: exceljs writes the note's own parts). A cell that has no
 * value and the blank style is not written (exceljs never creates it); a row with no value and
 * no height is not written at all (exceljs skips it too).
 */
export function writeSheetRows(
  ws: ExcelJS.Worksheet,
  rows: readonly (readonly LayoutCell[])[],
  heights: Readonly<Record<number, number>>,
  styles: Readonly<Record<CellStyle, object>>,
  formulaStyle: (s: CellStyle) => object = (s) => styles[s],
): void {
  const sheet = ws as unknown as StreamSheet;
  const book = sheet._workbook;
  if (
    typeof sheet._writeColumns !== 'function' ||
    typeof sheet._writeOpenSheetData !== 'function' ||
    typeof book?.styles?.addStyleModel !== 'function' ||
    typeof book.sharedStrings?.add !== 'function'
  ) {
    throw new Error('exceljs 的流式写入接口已改变：无法写入工作表行');
  }
  const letters: string[] = [];
  let xml = '';
  rows.forEach((cells, r) => {
    const height = heights[r];
    if (cells.some((c) => c.note)) {
      // A row with a 批注 goes through exceljs's own objects, which write the note's parts too.
      if (xml) sheet.stream.write(xml);
      xml = '';
      commitRow(ws, cells, r, height, styles, formulaStyle);
      return;
    }
    if (!height && !cells.some((c) => c.v !== undefined || c.f !== undefined)) return;
    if (!sheet.startedData) {
      sheet._writeColumns();
      sheet._writeOpenSheetData();
      sheet.startedData = true;
    }
    const rowStyle = book.styles.addStyleModel(ROW_STYLE);
    const n = r + 1;
    let body = '';
    let min = 0;
    let max = 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      const style = styles[cell.s];
      const v = cell.v;
      if (cell.f !== undefined) {
        // A total as a formula with its cached result (only when the export asks for formulas).
        if (!min) min = c + 1;
        max = c + 1;
        const s = book.styles.addStyleModel(formulaStyle(cell.s), NUMBER);
        letters[c] ??= columnName(c);
        body += `<c r="${letters[c]}${n}"${s ? ` s="${s}"` : ''}><f>${escapeXml(cell.f)}</f><v>${typeof v === 'number' ? v : 0}</v></c>`;
        continue;
      }
      if (v === undefined && style === styles.blank) continue;
      if (!min) min = c + 1;
      max = c + 1;
      const type = v === undefined ? NULL : typeof v === 'number' ? NUMBER : STRING;
      const s = book.styles.addStyleModel(style, type);
      if (type === NULL && !s) continue;
      letters[c] ??= columnName(c);
      body += `<c r="${letters[c]}${n}"${s ? ` s="${s}"` : ''}`;
      if (type === NULL) body += '/>';
      else if (type === NUMBER) body += `><v>${v}</v></c>`;
      else body += ` t="s"><v>${book.sharedStrings.add(v as string)}</v></c>`;
    }
    xml += `<row r="${n}"${height ? ` ht="${height}" customHeight="1"` : ''}${min > 0 ? ` spans="${min}:${max}"` : ''}`;
    xml += `${rowStyle ? ` s="${rowStyle}" customFormat="1"` : ''} x14ac:dyDescent="0.25"`;
    xml += body ? `>${body}</row>` : '/>';
    if (xml.length >= CHUNK) {
      sheet.stream.write(xml);
      xml = '';
    }
  });
  if (xml) sheet.stream.write(xml);
}

/** One row through exceljs's Row and Cell objects (what every row went through before writeSheetRows). */
export function commitRow(
  ws: ExcelJS.Worksheet,
  cells: readonly LayoutCell[],
  r: number,
  height: number | undefined,
  styles: Readonly<Record<CellStyle, object>>,
  formulaStyle: (s: CellStyle) => object = (s) => styles[s],
): void {
  const row = ws.getRow(r + 1);
  cells.forEach((cell, c) => {
    const style = styles[cell.s];
    if (cell.v === undefined && cell.f === undefined && style === styles.blank) return;
    const x = row.getCell(c + 1);
    if (cell.f !== undefined) {
      x.value = { formula: cell.f, result: typeof cell.v === 'number' ? cell.v : 0 };
      x.style = formulaStyle(cell.s);
    } else {
      if (cell.v !== undefined) x.value = cell.v;
      x.style = style;
    }
    // 批注 as an Excel note (the streaming writer collects them when the row is committed).
    if (cell.note) x.note = cell.note;
  });
  if (height !== undefined) row.height = height;
  row.commit();
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** A formula as element text (sheet names in it may hold any character). */
function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!);
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
