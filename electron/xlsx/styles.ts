import type ExcelJS from 'exceljs';
import { AMOUNT_FORMAT, type CellStyle } from '../../shared/exporters/workbook';

const FONT = '宋体';
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const body = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 10, ...extra });
const name = (indent: number): Partial<ExcelJS.Style> => ({
  font: body(),
  border: box,
  alignment: { vertical: 'middle', horizontal: 'left', wrapText: true, indent },
});

/**
 * One style object per layout style key: exceljs shares identical objects, which keeps large
 * workbooks fast to write.
 */
export const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  tableNo: { font: body({ size: 10 }), alignment: { horizontal: 'left', vertical: 'middle' } },
  title: { font: { name: '黑体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  meta: { font: body(), alignment: { horizontal: 'left', vertical: 'middle' } },
  metaRight: { font: body(), alignment: { horizontal: 'right', vertical: 'middle' } },
  header: {
    font: body({ bold: true }),
    border: box,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  },
  numbering: { font: body(), border: box, alignment: { horizontal: 'center', vertical: 'middle' } },
  code: { font: body(), border: box, alignment: { horizontal: 'center', vertical: 'middle' }, numFmt: '@' },
  name: name(0),
  name1: name(1),
  name2: name(2),
  name3: name(3),
  nameTotal: { font: body({ bold: true }), border: box, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  nameClass: { ...name(0), font: body({ bold: true }) },
  amount: { font: body(), border: box, numFmt: AMOUNT_FORMAT, alignment: { horizontal: 'right', vertical: 'middle', indent: 1 } },
  amountClass: { font: body({ bold: true }), border: box, numFmt: AMOUNT_FORMAT, alignment: { horizontal: 'right', vertical: 'middle', indent: 1 } },
  amountTotal: { font: body({ bold: true }), border: box, numFmt: AMOUNT_FORMAT, alignment: { horizontal: 'right', vertical: 'middle', indent: 1 } },
  blank: {},
  sentence: { font: body(), alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  note: { font: body({ size: 9 }), alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  findingHeader: { font: body({ bold: true }), border: box, alignment: { horizontal: 'center', vertical: 'middle' } },
  finding: { font: body(), border: box, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
};

/** A formula's cell: its layout style, but a zero result shows blank (as the printed tables leave zeros blank). */
export const FORMULA_AMOUNT_FORMAT = `${AMOUNT_FORMAT};-${AMOUNT_FORMAT};`;
const formulaStyles = new Map<CellStyle, Partial<ExcelJS.Style>>();
export function formulaStyle(s: CellStyle): Partial<ExcelJS.Style> {
  let style = formulaStyles.get(s);
  if (!style) {
    style = { ...STYLES[s], numFmt: FORMULA_AMOUNT_FORMAT };
    formulaStyles.set(s, style);
  }
  return style;
}
