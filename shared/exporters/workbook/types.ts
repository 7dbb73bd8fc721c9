/**
 * A workbook as plain data: what each sheet holds, which cells merge, how wide the columns are
 * and how it prints. `electron/xlsx` turns this into an .xlsx file with exceljs; keeping the
 * layout here lets tests and other writers check it without a spreadsheet library.
 */

/** How a cell looks; the writer maps each key to one shared exceljs style. */
export type CellStyle =
  | 'tableNo'
  | 'title'
  | 'meta'
  | 'metaRight'
  | 'header'
  | 'numbering'
  | 'code'
  | 'name'
  | 'name1'
  | 'name2'
  | 'name3'
  | 'nameTotal'
  | 'nameClass'
  | 'amount'
  | 'amountTotal'
  | 'amountClass'
  | 'blank'
  | 'sentence'
  | 'note'
  | 'findingHeader'
  | 'finding';

/** Text is always written as a string cell (never parsed as a formula); numbers are 万元. */
export interface LayoutCell {
  v?: string | number;
  s: CellStyle;
  /** The cell's 批注, written as an Excel note (comment). */
  note?: string;
  /** A formula (without `=`) whose cached result is `v` (0 when absent); only when asked for (formulas.ts). */
  f?: string;
}

/** A rectangle of merged cells, 0-based inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page width; any number of pages tall. */
  fitToWidth: 1;
  fitToHeight: 0;
  /** 0-based inclusive row range repeated at the top of every printed page. */
  repeatRows?: [number, number];
  /** Footer in Excel header/footer codes (&P page, &N pages). */
  footer: string;
}

export interface SheetLayout {
  name: string;
  /** The table this sheet shows (absent for the findings sheet). */
  table?: number;
  widths: number[];
  rows: LayoutCell[][];
  /** Row heights in points where a row needs more than one line. */
  heights: Record<number, number>;
  merges: Merge[];
  /** Rows frozen at the top while scrolling (title and header). */
  frozenRows: number;
  print: PrintSetup;
}

export interface WorkbookLayout {
  /** Document properties, so a re-import knows department and year. */
  title: string;
  subject: string;
  sheets: SheetLayout[];
}

/** The number format of every amount cell. */
export const AMOUNT_FORMAT = '#,##0.00';
export const PAGE_FOOTER = '第 &P 页，共 &N 页';
