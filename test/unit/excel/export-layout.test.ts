import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { BudgetSession } from '../../../shared/engine/session';
import { AMOUNT_FORMAT } from '../../../shared/exporters/workbook';
import { newDocument } from '../../../shared/model';
import { tableView } from '../../../shared/views/table-view';
import { allFindings } from '../../../shared/rules/all-findings';
import { findRow, loadXlsx, merges, packetDoc, sheetOf } from './helpers';

const P003 = '003_d8581a66e967af08';

describe('workbook export of packet 003', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await loadXlsx(await workbookBuffer(packetDoc(P003)));
  });

  it('has one sheet per table, named within 31 characters, then 检查结果', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 11)).toEqual([
      '表1 部门收支总体情况表',
      '表2 部门收入总体情况表',
      '表3 部门支出总体情况表',
      '表4 财政拨款收支预算总体情况表',
      '表5 一般公共预算支出情况表',
      '表6 一般公共预算基本支出情况表',
      '表7 一般公共预算项目支出情况表',
      '表8 政府性基金预算支出情况表',
      '表9 国有资本经营预算支出情况表',
      '表10 财政拨款“三公”经费支出情况表',
      '表11 上年结转结余情况明细表',
    ]);
    expect(names[11]).toBe('检查结果');
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('类 rows in bold (name and amounts), 款 and 项 rows plain', () => {
    const ws = sheetOf(wb, 2);
    const cls = findRow(ws, 4, '一般公共服务支出');
    const leaf = findRow(ws, 4, '一般行政管理事务');
    expect(ws.getCell(`D${cls}`).font?.bold).toBe(true);
    expect(ws.getCell(`E${cls}`).font?.bold).toBe(true);
    expect(ws.getCell(`D${leaf}`).font?.bold).toBeFalsy();
    expect(ws.getCell(`E${leaf}`).font?.bold).toBeFalsy();
  });

  it('table 2: title merged across, 编制部门 and 单位 on one line, 财政拨款（补助） over columns 2–8, numbering row', () => {
    const ws = sheetOf(wb, 2);
    expect(ws.getCell('A2').value).toBe('部门收入总体情况表');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A2:P2', 'A3:O3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:L4', 'M4:M5', 'P4:P5']));
    expect(ws.getCell('A3').value).toBe('编制部门：昌吉回族自治州人民政府驻北京联络处');
    expect(ws.getCell('P3').value).toBe('单位：万元');
    expect(ws.getCell('F4').value).toBe('财政拨款（补助）');
    expect(ws.getCell('F5').value).toBe('财政拨款（补助）小计');
    expect(ws.getCell('L5').value).toBe('上级国有资本经营预算安排的转移支付');
    expect(['A', 'B', 'C'].map((c) => ws.getCell(`${c}5`).value)).toEqual(['类', '款', '项']);
    const numbering = ws.getRow(6).values as unknown[];
    expect(numbering.slice(1)).toEqual(['※', '※', '※', '※', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });

  it('table 2: codes as text in three columns, amounts as numbers formatted #,##0.00, blank for zero', () => {
    const ws = sheetOf(wb, 2);
    const total = findRow(ws, 4, '总计');
    expect(total).toBe(7);
    expect(ws.getCell(total, 5).value).toBe(342.31);
    expect(ws.getCell(total, 6).value).toBe(232.31);
    expect(ws.getCell(total, 14).value).toBe(110);
    expect(ws.getCell(total, 8).value).toBeNull();
    expect(ws.getCell(total, 5).numFmt).toBe(AMOUNT_FORMAT);
    expect(ws.getCell(total, 8).numFmt).toBe(AMOUNT_FORMAT);
    const r = findRow(ws, 4, '一般行政管理事务');
    expect([1, 2, 3].map((c) => ws.getCell(r, c).value)).toEqual(['201', '03', '02']);
    expect(ws.getCell(r, 5).value).toBe(182);
    expect(ws.getCell(r, 14).value).toBe(110);
    expect(ws.getCell(r, 5).border?.top?.style).toBe('thin');
    expect(ws.getCell(r, 8).border?.right?.style).toBe('thin');
  });

  it('totals are the values the app shows: table 6 prints 160.31 though its parts add to 160.32', () => {
    const ws = sheetOf(wb, 6);
    const total = findRow(ws, 3, '总计');
    expect([4, 5, 6].map((c) => ws.getCell(total, c).value)).toEqual([160.31, 140.88, 19.44]);
    const view = tableView(BudgetSession.open(packetDoc(P003)), 6);
    expect(view.rows[0]!.cells['1']!.text).toBe('160.31');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:C4', 'D4:F4', 'A5:B5', 'C5:C6', 'D5:D6']));
    expect(ws.getCell('A4').value).toBe('科目');
    expect(ws.getCell('D4').value).toBe('一般公共预算基本支出');
  });

  it('table 1 pairs income and expenditure lines, totals on the last row', () => {
    const ws = sheetOf(wb, 1);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:B4', 'C4:D4']));
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['项目', '预算数', '支出功能分类', '预算数']);
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(['一、本年收入', 342.31, '201 一般公共服务支出', 298.75]);
    const last = findRow(ws, 1, '收入总计');
    expect((ws.getRow(last).values as unknown[]).slice(1)).toEqual(['收入总计', 342.31, '支出总计', 342.31]);
    expect(ws.getCell(last - 1, 3).value).toBe('234 抗疫特别国债安排的支出');
  });

  it('empty tables keep the header and the 为空表 sentence; 8 has the 基本支出 group, 11 its two groups', () => {
    const t8 = sheetOf(wb, 8);
    expect(merges(t8)).toEqual(expect.arrayContaining(['A4:D4', 'E4:H4', 'F5:G5', 'E5:E6', 'H5:H6', 'A9:H9']));
    expect(t8.getCell('F5').value).toBe('基本支出');
    expect((t8.getRow(7).values as unknown[]).slice(1)).toEqual(['※', '※', '※', '※', '1', '2', '3', '4']);
    expect(t8.getCell('A9').value).toBe(
      '昌吉回族自治州人民政府驻北京联络处 2024 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。',
    );
    const t11 = sheetOf(wb, 11);
    expect(merges(t11)).toEqual(expect.arrayContaining(['A4:A6', 'B4:B6', 'C4:F4', 'G4:J4', 'C5:C6', 'D5:E5', 'H5:I5', 'J5:J6']));
    expect(t11.getCell('C4').value).toBe('财政拨款');
    expect(t11.getCell('G4').value).toBe('非财政拨款');
    expect(String(t11.getCell('A9').value)).toContain('上年结转结余情况明细表为空表');
  });

  it('prints on A4, landscape when wide, one page wide, header rows repeated, page numbers in the footer; header frozen', () => {
    const t2 = sheetOf(wb, 2);
    expect(t2.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:6' });
    expect(t2.headerFooter.oddFooter).toContain('&P');
    expect(t2.headerFooter.oddFooter).toContain('&N');
    expect(t2.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    const t6 = sheetOf(wb, 6);
    expect(t6.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, printTitlesRow: '3:7' });
    for (const no of [7, 11]) expect(sheetOf(wb, no).pageSetup.orientation).toBe('landscape');
  });

  it('name columns are wide enough for the longest Chinese name', () => {
    const t2 = sheetOf(wb, 2);
    // 机关事业单位基本养老保险缴费支出: 16 characters = 32 width units.
    expect(t2.getColumn(4).width).toBeGreaterThanOrEqual(32);
    for (let c = 5; c <= 16; c++) expect(t2.getColumn(c).width).toBeGreaterThanOrEqual(12);
  });

  it('检查结果 lists the findings the app shows', () => {
    const ws = wb.getWorksheet('检查结果')!;
    // The one list (one item per root cause, the 绩效目标表 too), as 检查结果 and `check` show it.
    const findings = allFindings(BudgetSession.open(packetDoc(P003)));
    expect(ws.rowCount).toBe(findings.length + 3);
    expect(ws.getCell('A2').value).toBe('编制部门：昌吉回族自治州人民政府驻北京联络处　共 9 条：错误 8 条，提示 1 条');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '类别', '表', '行', '栏', '应为', '实为', '说明']);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([1, '错误', '表3', '总计', '2', '160.32', '160.31', findings[0]!.message]);
    expect(ws.getCell('H12').value).toBe(findings[8]!.message);
    // A finding of the text belongs to no table: 文字, not 表0.
    const textRow = findings.findIndex((f) => f.table === 0);
    expect(textRow).toBeGreaterThan(0);
    expect(ws.getCell(`C${textRow + 4}`).value).toBe('文字');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });
});

describe('text that looks like a formula', () => {
  it('is written as text: names starting with = + - @ never become formulas', async () => {
    const doc = newDocument('=HYPERLINK("http://x")', 2024);
    doc.functionRows.push({ code: '2010301', values: { '2.3': '10', '3.3': '10', '5.3': '10' } });
    const titles = ['=SUM(A1:A9)', '+1+2', '-3', '@cmd'];
    titles.forEach((project, i) => {
      doc.projectRows.push({ id: `x${i}`, code: '2010301', project, values: { '7.3': String(4 - i) } });
    });
    doc.carryoverRows.push({ id: 'c1', project: '=1+1', values: { '11.5': '2' } });
    doc.names['201'] = '=A1';
    const bytes = await workbookBuffer(doc);
    const wb = await loadXlsx(bytes);
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    for (const t of [...titles, '=1+1', '=A1']) expect(texts).toContain(t);
    expect(texts.some((t) => t.startsWith('=HYPERLINK("http://x") 2024 年没有使用政府性基金'))).toBe(true);
    // And in the file itself: no <f> (formula) element anywhere.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    }
  });
});

describe('workbook export of the Putuo 2024 决算', () => {
  it('表6 prints its 类 lines (301 …) in bold on their side, the 款 lines beside them plain', async () => {
    const r = await importPacketFile(new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.pdf', import.meta.url).pathname);
    if (!r.ok) throw new Error(r.error);
    const wb = await loadXlsx(await workbookBuffer(r.doc));
    const ws = wb.worksheets.find((w) => w.name.startsWith('表6'))!;
    const at = (text: string) => {
      for (let i = 1; i <= ws.rowCount; i++) {
        const row = ws.getRow(i);
        for (let c = 1; c <= ws.columnCount; c++) if (String(row.getCell(c).value ?? '').startsWith(text)) return row.getCell(c);
      }
      throw new Error(`表6 has no ${text}`);
    };
    for (const cls of ['301', '302', '303', '310']) expect([cls, at(cls).font?.bold]).toEqual([cls, true]);
    for (const kuan of ['30101', '30201', '30302']) expect([kuan, at(kuan).font?.bold ?? false]).toEqual([kuan, false]);
  });
});

