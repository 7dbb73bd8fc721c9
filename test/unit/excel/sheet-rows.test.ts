import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSheetRows } from '../../../electron/xlsx/sheet-rows';
import { STYLES } from '../../../electron/xlsx/styles';
import { writeWorkbook } from '../../../electron/xlsx/write-workbook';
import { BudgetSession } from '../../../shared/engine/session';
import type { LayoutCell, SheetLayout } from '../../../shared/exporters/workbook';
import { workbookLayout } from '../../../shared/exporters/workbook';
import { displayWidth } from '../../../shared/exporters/workbook/text-width';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { readParts } from './zip-parts';

type Rows = LayoutCell[][];

/** One sheet written by a streaming workbook; `rows` writes its rows. */
async function sheetParts(rows: Rows, write: (ws: ExcelJS.Worksheet) => void) {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true } as never);
  const ws = wb.addWorksheet('表');
  ws.columns = (rows[0] ?? []).map(() => ({ width: 10 }));
  write(ws);
  await ws.commit();
  await wb.commit();
  const parts = readParts(Buffer.concat(chunks));
  parts.delete('docProps/core.xml'); // creation time
  return parts;
}

/** What the export wrote before writeSheetRows: exceljs's own Row and Cell objects, committed one by one. */
function throughExcelJS(ws: ExcelJS.Worksheet, rows: Rows, heights: Record<number, number>): void {
  rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      const style = STYLES[cell.s];
      if (cell.v === undefined && style === STYLES.blank) return;
      const x = row.getCell(c + 1);
      if (cell.v !== undefined) x.value = cell.v;
      x.style = style;
      if (cell.note) x.note = cell.note;
    });
    const h = heights[r];
    if (h !== undefined) row.height = h;
    row.commit();
  });
}

const blank = (n: number): LayoutCell[] => Array.from({ length: n }, () => ({ s: 'blank' as const }));

describe('writeSheetRows', () => {
  it('writes the XML, styles and shared strings exceljs writes for the same rows', async () => {
    const wide = blank(30);
    wide[27] = { v: '第28栏', s: 'header' };
    const rows: Rows = [
      [{ v: '表2', s: 'tableNo' }, ...blank(3)],
      blank(4), // no value, no height: exceljs writes no row
      blank(4), // no value but a height: an empty row with its height
      [{ v: '=SUM(A1)', s: 'name' }, { v: '<&>"\'', s: 'name1' }, { v: '', s: 'name2' }, { s: 'amount' }],
      [{ s: 'blank' }, { v: 1234.5, s: 'amount' }, { v: -0.01, s: 'amountTotal' }, { v: 0, s: 'amountClass' }],
      [{ v: 'blank style, a value', s: 'blank' }, { s: 'code' }, { v: '201', s: 'code' }, { v: '表2', s: 'tableNo' }],
      [{ s: 'blank' }, { s: 'blank' }, { s: 'name3' }, { s: 'blank' }], // spans 3:3, one styled empty cell
      wide,
      [{ v: 3e21, s: 'numbering' }, { v: 0.1 + 0.2, s: 'amount' }, { v: '续', s: 'sentence' }, { v: '注', s: 'note' }],
      [{ v: '批注行', s: 'name' }, { v: 12.5, s: 'amount', note: '核对过 <&>' }, { s: 'amount', note: '空格批注' }, { s: 'blank' }],
      [{ v: '其后', s: 'name' }, { v: 1, s: 'amount' }, ...blank(2)],
    ];
    const heights = { 0: 30, 2: 19, 5: 45 };
    const expected = await sheetParts(rows, (ws) => throughExcelJS(ws, rows, heights));
    const actual = await sheetParts(rows, (ws) => writeSheetRows(ws, rows, heights, STYLES));
    const sheet = expected.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<row r="3" ht="19" customHeight="1"');
    expect(sheet).not.toContain('<row r="2"');
    expect([...expected.keys()].some((k) => k.startsWith('xl/comments'))).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('writes a synthetic department exactly as exceljs did, sheet by sheet', async () => {
    const session = BudgetSession.open(syntheticDocument(300));
    const layout = workbookLayout(session);
    const viaExcelJS = await workbookParts(layout.sheets, (ws, s) => throughExcelJS(ws, s.rows, s.heights));
    const direct = await workbookParts(layout.sheets, (ws, s) => writeSheetRows(ws, s.rows, s.heights, STYLES));
    // 11 tables and 检查结果, each holding its rows.
    expect(layout.sheets.length).toBe(12);
    for (let i = 1; i <= 12; i++) expect(direct.get(`xl/worksheets/sheet${i}.xml`)).toMatch(/<row r="\d+"[^>]*><c /);
    expect(direct).toEqual(viaExcelJS);
    // And writeWorkbook is that writer: its sheets carry the same rows.
    const written = readParts(await writeWorkbook(layout));
    expect(written.get('xl/sharedStrings.xml')).toBe(direct.get('xl/sharedStrings.xml'));
    expect(written.get('xl/styles.xml')).toBe(direct.get('xl/styles.xml'));
  });
});

async function workbookParts(sheets: SheetLayout[], write: (ws: ExcelJS.Worksheet, s: SheetLayout) => void) {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true } as never);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.widths.map((width) => ({ width }));
    write(ws, s);
    await ws.commit();
  }
  await wb.commit();
  const parts = readParts(Buffer.concat(chunks));
  parts.delete('docProps/core.xml'); // creation time
  return parts;
}

describe('displayWidth', () => {
  it('counts a CJK, full-width or surrogate-pair character as two, by code point', () => {
    const byCodePoint = (text: string) => {
      let w = 0;
      for (const ch of text) {
        const c = ch.codePointAt(0) ?? 0;
        w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f) ? 2 : 1;
      }
      return w;
    };
    expect(displayWidth('一般公共服务支出（合计）')).toBe(24);
    expect(displayWidth('201 03 01 abc')).toBe(13);
    const samples = ['𠀀a', '\ud800', '\udc00x', 'a\ud83d\ude00b', '“引号”—', '\u2010\u201f\u2020\u2e7f\u2e80'];
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let k = 0; k < 6; k++) {
        x = (x * 48_271) % 2_147_483_647;
        s += String.fromCharCode([0x41, 0x2015, 0x2e80, 0x4e2d, 0xd83d, 0xde00, 0xdbff, 0xdc01, 0xff01][x % 9]!);
      }
      samples.push(s);
    }
    for (const s of samples) expect(displayWidth(s)).toBe(byCodePoint(s));
  });
});
