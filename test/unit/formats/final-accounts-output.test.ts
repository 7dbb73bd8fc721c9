import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chromiumPdf } from '../../../electron/print/chromium-pdf';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import type { BudgetDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';

const FIXTURES = new URL('../../fixtures/shanghai/', import.meta.url);
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';

/** The Putuo 2024 部门决算 (its pdftotext text: the same tables as the PDF, read in a second). */
function putuo(): BudgetDocument {
  const r = importAnyPacketText(readFileSync(new URL('putuo-finance-2024-final-accounts.layout.txt', FIXTURES), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/** Every amount the expected tables print (typed from the PDF), with how often. */
function printedAmounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of readFileSync(new URL('putuo-finance-2024-final-accounts.expected.txt', FIXTURES), 'utf8').matchAll(/(?<=\s)[\d,]+\.\d\d(?=\s|$)/g)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

const occurrences = (text: string, s: string) => text.split(s).length - 1;

/** pdfjs reads some Noto CJK glyphs as radicals (⻔ for 门); NFKC and this table fold them back. */
const RADICALS: Record<string, string> = { '⺠': '民', '⻔': '门', '⻓': '长', '⻅': '见', '⻋': '车', '⻚': '页', '⻛': '风', '⻢': '马', '⻜': '飞', '⻝': '食', '⻬': '齐', '⻰': '龙', '⻆': '角', '⻘': '青', '⻄': '西', '⻉': '贝', '⻨': '麦', '⻩': '黄', '⻦': '鸟', '⻥': '鱼', '⻙': '韦', '⻈': '讠', '⻒': '钅' };
const fold = (s: string) => s.normalize('NFKC').replace(/[\u2E80-\u2EFF]/gu, (c) => RADICALS[c] ?? c);

describe('部门决算 output: the workbook and the printed packet', () => {
  it('the workbook has the 9 tables in this format’s layout: titles, 万元, headers, and the amounts as printed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(putuo())) as unknown as ArrayBuffer);
    // The 9 tables, then 检查结果 (the packet's printed rounding defects).
    expect(wb.worksheets).toHaveLength(10);
    expect(wb.worksheets[9]!.name).toBe('检查结果');
    const cells = (i: number) => {
      const out: Array<{ row: number; col: number; v: string }> = [];
      wb.worksheets[i]!.eachRow((r, row) => r.eachCell((c, col) => out.push({ row, col, v: String(c.value) })));
      return out;
    };
    const texts = (i: number) => cells(i).map((c) => c.v);
    const titles = wb.worksheets.slice(0, 9).map((_, i) => texts(i).find((t) => t.endsWith('表') && !t.startsWith('表')));
    expect(titles).toEqual([
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '财政拨款“三公”经费支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款收入支出决算表',
    ]);
    for (let i = 0; i < 9; i++) expect(texts(i)).toContain('单位：万元');
    // 表1: 本年收入合计 beside 本年支出合计, 总计 on the last line.
    const t1 = cells(0);
    const at = (i: number, v: string) => cells(i).find((c) => c.v === v)!;
    expect(t1.filter((c) => c.row === at(0, '本年收入合计').row).map((c) => c.v)).toEqual(['本年收入合计', '2946.25', '本年支出合计', '2940.05']);
    expect(t1.filter((c) => c.row === at(0, '年初结转和结余').row).map((c) => c.v)).toEqual(['年初结转和结余', '49.14', '年末结转和结余', '55.34']);
    // 表2 headers and a 项 row.
    expect(texts(1)).toEqual(expect.arrayContaining(['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']));
    const t2 = cells(1);
    expect(t2.filter((c) => c.row === t2.find((x) => x.v === '行政运行')!.row).map((c) => c.v)).toEqual(['201', '06', '01', '行政运行', '1511.9', '1511.89', '0.01']);
    // 表6: two panels side by side, codes before the names.
    expect(texts(5)).toEqual(expect.arrayContaining(['人员经费', '公用经费']));
    const t6 = cells(5);
    expect(t6.filter((c) => c.row === at(5, '30101 基本工资').row).map((c) => c.v)).toEqual(['30101 基本工资', '262.33', '30201 办公费', '21.21']);
    expect(t6.filter((c) => c.row === at(5, '人员经费合计').row).map((c) => c.v)).toEqual(['人员经费合计', '2152.26', '公用经费合计', '184.65']);
    // 表7: 预算数 and 决算数 of each item.
    const t7 = cells(6);
    const pairs = t7.filter((c) => c.row === t7.findLast((x) => x.v === '预算数')!.row).map((c) => c.v);
    expect(pairs).toEqual(['项目', ...Array.from({ length: 6 }, () => ['预算数', '决算数']).flat()]);
    expect(texts(6).filter((t) => t === '0.95')).toHaveLength(2);
    // 表5 prints its 合计 after the 类/款/项 rows, as Putuo does (表2 and 表3 print theirs first).
    const amountRows = (i: number) => cells(i).filter((c) => /^\d+(\.\d+)?$/.test(c.v) && c.col > 4).map((c) => c.row);
    const totalRow = (i: number) => cells(i).find((c) => c.v === '合计' && amountRows(i).includes(c.row))!.row;
    expect(totalRow(4)).toBe(Math.max(...amountRows(4)));
    expect(cells(4).filter((c) => c.row === totalRow(4)).map((c) => c.v)).toEqual(['合计', '2940.05', '2336.91', '603.14']);
    expect(totalRow(2)).toBeLessThan(at(2, '一般公共服务支出').row);
    // An empty table keeps its header and says why it is empty.
    expect(texts(7)).toEqual(expect.arrayContaining(['年初结转和结余', '本年收入', '年末结转和结余']));
  }, 60_000);

  it.skipIf(!existsSync(chrome))('the printed packet: part 1 with 单位构成, the 9 tables with every printed number, in 万元', async () => {
    const session = BudgetSession.open(putuo());
    const pdf = await chromiumPdf(packetHtml(session, { narrative: generateNarrative(session), date: '2025年8月5日' }));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(fold(content.items.map((i) => ('str' in i ? i.str : '')).join(' ')));
    }
    await doc.destroy();
    const squash = (s: string) => s.replace(/\s+/g, '');
    const part1 = pages.findIndex((p) => squash(p).includes('二、部门决算单位构成从预算单位构成看'));
    expect(part1).toBeGreaterThan(1);
    expect(squash(pages[part1]!)).toContain('序号单位名称备注1上海市普陀区财政局(本级)2上海市普陀区财政局财政所预算不单列,并入本级3上海市普陀区国库收付中心预算不单列,并入本级');
    const first = pages.findIndex((p) => squash(p).includes('收入支出决算总表') && squash(p).includes('单位:万元'));
    const last = pages.findIndex((p) => squash(p).includes('国有资本经营预算财政拨款收入支出决算表') && squash(p).includes('单位:万元'));
    expect(first).toBeGreaterThan(part1);
    const tables = pages.slice(first, last + 1).join('\n');
    // Every number the Putuo tables print is printed (as often or more: some repeat elsewhere).
    const missing = [...printedAmounts()].filter(([a, n]) => occurrences(tables, a) < n);
    expect(missing).toEqual([]);
    expect(squash(tables)).toContain('注:上海市普陀区财政局无政府性基金预算财政拨款支出,故本表无数据。');
    expect(squash(tables)).toContain('30101基本工资');
  }, 120_000);
});
