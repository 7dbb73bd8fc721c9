import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importPacketFile } from '../../../electron/import/read-packet';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { pdfToText } from '../../../electron/import/pdf-text';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { warningText } from '../../../shared/importers/packet/warnings';
import type { BudgetDocument } from '../../../shared/model';
import { type TablesJsonTable, tablesJson } from '../../../shared/views/tables-json';

const FIXTURES = new URL('../../fixtures/shanghai/', import.meta.url);
const pdf = (v: string) => new URL(`putuo-govoffice-2025-budget-${v}.pdf`, FIXTURES).pathname;

/**
 * The tables as the packet prints them, one line per printed row: code (or line name) and the
 * columns in order, `_` for a blank cell, amounts with separators as printed (table 9 in 万元).
 */
function printedForm(tables: TablesJsonTable[]): string {
  const sep = (v: string) => {
    const [i = '0', f = ''] = v.split('.');
    return `${Number(i).toLocaleString('en-US')}.${f}`;
  };
  const lines: string[] = [];
  for (const t of tables) {
    lines.push(`表${t.table} ${t.title}`);
    for (const r of t.rows) {
      const cells = t.columns.map((c) => (r.values[c.no] ? sep(r.values[c.no]!) : '_'));
      while (cells.at(-1) === '_') cells.pop();
      if (cells.length) lines.push(`${r.code ?? r.name} ${cells.join(' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function imported(v: string): Promise<BudgetDocument> {
  const r = await importPacketFile(pdf(v));
  if (!r.ok) throw new Error(r.error);
  expect(r.warnings.map(warningText)).toEqual([]);
  return r.doc;
}

describe('shanghai-budget: the Putuo 2025 部门 and 单位 packets', () => {
  for (const v of ['dept', 'unit']) {
    it(`${v}: the format is recognised from the packet; every printed number of the 9 tables is reproduced; no finding`, async () => {
      const doc = await imported(v);
      expect(doc.template).toBe(v === 'dept' ? 'shanghai-budget' : 'shanghai-budget-unit');
      expect(doc).toMatchObject({ department: '上海市普陀区人民政府办公室', year: 2025, unit: '元' });
      const session = BudgetSession.open(doc);
      expect(session.findings()).toEqual([]);
      const expected = readFileSync(new URL(`putuo-govoffice-2025-budget-${v}.expected.txt`, FIXTURES), 'utf8');
      expect(printedForm(tablesJson(session))).toBe(expected);
      // tables --json prints 元 tables in 元 as printed, table 9 in 万元.
      const json = tablesJson(session);
      expect(json.find((t) => t.table === 3)!.rows.find((r) => r.code === '2010301')!.values).toEqual({ '1': '12029501.84', '2': '11919501.84', '3': '110000.00' });
      expect(json.find((t) => t.table === 9)!.rows[0]!.values).toEqual({ '1': '867.50', '2': '839.00', '3': '28.50', '7': '213.28' });
      expect(json.find((t) => t.table === 6)!.rows).toEqual([]);
    }, 120_000);
  }

  it('the exported workbook has the 9 tables, 1–8 in 元 and table 9 in 万元, amounts as printed', async () => {
    const doc = await imported('dept');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(doc)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(9);
    const texts = (i: number) => {
      const out: string[] = [];
      wb.worksheets[i]!.eachRow((r) => r.eachCell((c) => out.push(String(c.value))));
      return out;
    };
    expect(texts(2)).toContain('单位：元');
    expect(texts(2)).toContain('11919501.84');
    expect(texts(8)).toContain('单位：万元');
    expect(texts(8)).toContain('213.28');
  }, 120_000);

  it('other departments print the same tables differently: whole 元, no separators, codes as one string or “301 2”, zeros, wrapped names', async () => {
    const text = await pdfToText(new Uint8Array(readFileSync(pdf('dept'))));
    if (!text.ok) throw new Error(text.error);
    const base = importAnyPacketText(text.text);
    if (!base.ok) throw new Error(base.error);
    let table = '';
    const varied = text.text
      .split('\n')
      .map((l) => {
        if (/^2025年部门/.test(l)) table = l;
        const zeroHere = /支出预算总表|一般公共预算支出功能分类/.test(table);
        return l
          .replace(/(\d),(?=\d{3})/g, '$1') // no thousands separators
          .replace(/(\d+)\.00\b/g, '$1') // whole 元
          .replace(/^(2\d\d) (\d\d) (\d\d) /, '$1$2$3 ') // function codes as one string
          .replace(/^(3\d\d) 0(\d) /, '$1 $2 ') // economic 款 unpadded: “301 2”
          .replace(/^(2010302 一般行政管理事务 46140000) 46140000$/, zeroHere ? '$1 0.00 46140000' : '$&') // a zero printed in a blank cell
          .replace(/^(2080506) 机关事业单位职业年金缴费支出 (.*)$/, '$1 机关事业单位职业年金 $2\n缴费支出'); // a wrapped name
      })
      .join('\n');
    expect(varied).toContain('2010301 行政运行 12029501.84 11919501.84 110000\n');
    expect(varied).toContain('301 2 津贴补贴 9572367 9572367\n');
    expect(varied).toContain('2010302 一般行政管理事务 46140000 0.00 46140000\n');
    const r = importAnyPacketText(varied);
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(warningText)).toEqual([]);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(tablesJson(BudgetSession.open(base.doc)));
  }, 120_000);

  it('a broken identity in the packet is reported, not silently absorbed', async () => {
    const text = await pdfToText(new Uint8Array(readFileSync(pdf('dept'))));
    if (!text.ok) throw new Error(text.error);
    const r = importAnyPacketText(text.text.replace('201 03 01 行政运行 12,029,501.84 11,919,501.84 110,000.00', '201 03 01 行政运行 12,029,501.84 11,919,501.84 120,000.00'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(warningText).join('\n')).toMatch(/表3 第 \d+ 行：本行金额与本行合计不符/);
  }, 120_000);
});
