import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { BudgetSession } from '../../../shared/engine/session';
import { tablesJson } from '../../../shared/views/tables-json';
import { workbookLayout } from '../../../shared/exporters/workbook';
import type { BudgetDocument } from '../../../shared/model';
import { expectedTables, FIXTURES, PACKETS, packetDoc } from './helpers';

/** The 11 tables of a packet text, each as rows of tab-separated cells (as pasted into Excel). */
function packetTables(id: string): string[][][] {
  const lines = readFileSync(join(FIXTURES, `${id}.txt`), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^表\s*1$/.test(l.trim()));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('第三部分'));
  const tables: string[][][] = [];
  for (const l of lines.slice(start, end)) {
    if (/^表\s*\d+$/.test(l.trim())) tables.push([]);
    else tables[tables.length - 1]!.push(l.split('\t'));
  }
  return tables;
}

const isNumber = (t: string) => /^-?[\d,]+\.\d+$/.test(t);
const toNumber = (t: string) => Number(t.replace(/,/g, ''));

/**
 * A workbook as an accountant might make it from the packet: own sheet names in another order,
 * a cover sheet, a blank first row and column (and one in the middle of some tables), the title merged and prefixed with the year, a
 * blank line now and then, amounts as text with separators in some tables, numbers in others,
 * totals as formulas with cached results.
 */
async function handMade(id: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('封面');
  cover.getCell('C5').value = '部门预算公开表（财政局报送版）';
  packetTables(id)
    .map((rows, i) => ({ rows, no: i + 1 }))
    .reverse()
    .forEach(({ rows, no }) => {
      const ws = wb.addWorksheet(`Sheet${12 - no}`);
      let r = 2;
      let data = 0;
      for (const cells of rows) {
        if (cells.every((c) => c.trim() === '')) continue;
        const title = cells.length === 1 && r === 2;
        cells.forEach((text, c) => {
          const t = text.trim();
          if (!t) return;
          // Tables 3, 6 and 9 have an empty column in the middle.
          const cell = ws.getCell(r, c + 2 + (c >= 4 && no % 3 === 0 ? 1 : 0));
          if (title) cell.value = `2024年${t}`;
          else if (isNumber(t) && no % 2 === 1) {
            // Odd tables: real numbers; their 总计/合计 lines as formulas with cached values.
            cell.value = /总计|合计/.test(cells.join('')) ? { formula: `ROUND(${toNumber(t)},2)`, result: toNumber(t) } : toNumber(t);
          } else cell.value = t; // even tables: as pasted, text with thousands separators
        });
        if (title) ws.mergeCells(r, 2, r, 8);
        r++;
        if (cells.some((c) => isNumber(c.trim())) && ++data % 5 === 0) r++; // a blank line now and then
      }
    });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * All 11 tables stacked on one sheet, header cells merged as printed but without the numbering
 * row, so columns are found by header words alone (two 合计 in table 4, two groups in 11).
 */
async function oneSheetNoNumbers(doc: BudgetDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算表');
  let top = 1;
  for (const s of workbookLayout(BudgetSession.open(doc)).sheets.filter((x) => x.table !== undefined)) {
    const drop = s.rows.findIndex((row) => row.every((c) => c.s === 'numbering'));
    const at = (r: number) => top + (drop >= 0 && r > drop ? r - 1 : r);
    s.rows.forEach((row, r) => {
      if (r === drop) return;
      row.forEach((c, col) => {
        if (c.v !== undefined) ws.getCell(at(r), col + 1).value = c.v;
      });
    });
    for (const m of s.merges) if (m.top !== drop) ws.mergeCells(at(m.top), m.left + 1, at(m.bottom), m.right + 1);
    top = at(s.rows.length) + 2;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a workbook made by hand in the printed layout', () => {
  it.each(PACKETS)('packet %s: all tables on one sheet, merged headers, no numbering row', async (id) => {
    const r = await readWorkbookBuffer(await oneSheetNoNumbers(packetDoc(id)));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(expectedTables(id));
  });

  it.each(['003_d8581a66e967af08', '004_b7e4b340c6b3bf95'])('packet %s pasted into Excel reads back cell for cell', async (id) => {
    const r = await readWorkbookBuffer(await handMade(id));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.year).toBe(2024);
    expect(r.warnings).toEqual(['工作表“封面”中没有识别出公开表，已忽略']);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(expectedTables(id));
  });

  it('a formula saved without its result is reported, not read as a silent blank', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表10');
    ws.addRow(['财政拨款“三公”经费支出情况表']);
    ws.addRow(['编制部门：某局', '', '', '', '单位：万元']);
    ws.addRow(['“三公”经费支出内容', '合计', '资金来源']);
    ws.addRow(['', '', '一般公共预算', '政府性基金', '国有资本经营预算']);
    ws.addRow(['※', '1', '2', '3', '4']);
    ws.addRow(['合计', 5, 5]);
    ws.addRow(['公务接待费', 5, 5]);
    ws.getCell('C6').value = { formula: 'SUM(C7:C9)' } as ExcelJS.CellFormulaValue;
    const r = await readWorkbookBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toContain('表10：工作表“表10”C6 单元格是没有保存计算结果的公式“=SUM(C7:C9)”，已按空白处理（请在 Excel 中打开、保存后再导入）');
    expect(r.doc.department).toBe('某局');
    expect(r.doc.fixed['10']).toEqual({ reception: { '2': '5.00' } });
  });
});
