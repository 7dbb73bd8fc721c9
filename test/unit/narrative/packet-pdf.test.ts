import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { chromiumPdf } from '../../../electron/print/chromium-pdf';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { generateNarrative } from '../../../shared/narrative/generate';
import { paragraphText } from '../../../shared/narrative/types';
import { allTableViews, tableView } from '../../../shared/views/table-view';
import { importedDocument, withNarrativeInputs } from './published-fixtures';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * pdfjs reads some Noto CJK glyphs as radicals (⾃ for 自, ⺠ for 民); poppler reads the same
 * file correctly. Fold them for comparison: NFKC covers the Kangxi radicals, this table the
 * simplified-form radicals that occur in the packet.
 */
const RADICALS: Record<string, string> = { '⺠': '民', '⻔': '门', '⻓': '长', '⻅': '见', '⻋': '车', '⻚': '页', '⻛': '风', '⻢': '马', '⻜': '飞', '⻝': '食', '⻬': '齐', '⻰': '龙', '⻆': '角', '⻘': '青', '⻄': '西', '⻉': '贝', '⻨': '麦', '⻩': '黄', '⻦': '鸟', '⻥': '鱼', '⻙': '韦', '⻈': '讠', '⻒': '钅' };
const fold = (s: string) => s.normalize('NFKC').replace(/[\u2E80-\u2EFF]/gu, (c) => RADICALS[c] ?? c);

async function pdfPages(data: Uint8Array): Promise<Array<{ width: number; height: number; text: string }>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: data.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const out: Array<{ width: number; height: number; text: string }> = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , w = 0, h = 0] = page.view;
    const content = await page.getTextContent();
    out.push({ width: w, height: h, text: fold(content.items.map((i) => ('str' in i ? i.str : '')).join('')) });
  }
  await doc.destroy();
  return out;
}

describe.skipIf(!existsSync(chrome))('the 003 packet printed by Chromium (one PDF)', () => {
  it('portrait cover and text pages, landscape tables with headers repeated on every page, page numbers', { timeout: 60_000 }, async () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    // 120 extra 项 rows (0.01 万元 each) make tables 2, 3 and 5 run over several pages.
    for (let i = 0; i < 120; i++) doc.functionRows.push({ code: `2019${String(i).padStart(3, '0')}`, values: { '2.3': '0.01', '3.2': '0.01', '5.2': '0.01' } });
    doc.printed = {}; // a drafted document: every figure recomputed from the entries
    const session = BudgetSession.open(doc);
    const narrative = generateNarrative(session);
    const pdf = await chromiumPdf(packetHtml(session, { narrative, date: '2024年2月23日' }));
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    const landscape = pages.map((p) => p.width > p.height);
    // Cover, contents, part 1 portrait; then the 11 tables landscape; then text portrait.
    expect(landscape.slice(0, 3)).toEqual([false, false, false]);
    const first = landscape.indexOf(true);
    const last = landscape.lastIndexOf(true);
    expect(landscape.slice(first, last + 1).every(Boolean)).toBe(true);
    expect(landscape.slice(last + 1).some(Boolean)).toBe(false);
    expect(Math.round(pages[0]!.width)).toBe(595); // A4 at 72 dpi
    expect(Math.round(pages[first]!.width)).toBe(842);
    const squash = (s: string) => fold(s).replace(/\s+/g, '');
    expect(squash(pages[0]!.text)).toContain('昌吉回族自治州人民政府驻北京联络处');
    const tablePages = pages.slice(first, last + 1).map((p) => squash(p.text));
    for (const t of ['部门收支总体情况表', '部门收入总体情况表', '一般公共预算基本支出情况表', '上年结转结余情况明细表']) {
      expect(tablePages.some((p) => p.includes(t)), t).toBe(true);
    }
    const total = tableView(session, 1).rows.find((r) => r.key === 'in.total')!.cells['1']!.text!;
    expect(total).toBe('343.52'); // the entries of 003 (342.32, see its table 6 defect) + 120 × 0.01
    expect(tablePages.join('')).toContain(total);
    // Table 2 spans pages; each of them starts with the header rows.
    const t2 = tablePages.filter((p) => p.includes('上级一般公共预算安排的转移支付'));
    expect(t2.length).toBeGreaterThanOrEqual(2);
    for (const p of t2) expect(p).toContain('功能分类科目名称');
    // Every page after the cover carries its number in the bottom margin.
    pages.slice(1).forEach((p, i) => {
      expect(squash(p.text)).toContain(`—${i + 2}—`);
    });
    const text = pages.slice(last + 1).map((p) => squash(p.text)).join('');
    const gb = narrative.sections[1]!.paragraphs.find((p) => p.id === 's2.income.gb')!;
    expect(text).toContain(squash(paragraphText(gb.runs)));
    expect(squash(paragraphText(gb.runs))).toMatch(/^一般公共预算233\.\d\d万元,占\d+\.\d\d%/u);
    expect(text).toContain('第四部分名词解释');

    // The printed PDF reads back through the packet importer: every table cell, and last
    // year's figures from the generated 第三部分, come back as they were.
    const file = join(mkdtempSync(join(tmpdir(), 'packet-pdf-')), 'p.pdf');
    writeFileSync(file, pdf);
    const back = await importPacketFile(file);
    if (!back.ok) throw new Error(back.error);
    const cells = (s: BudgetSession) =>
      allTableViews(s).flatMap((v) => v.rows.flatMap((r) => Object.entries(r.cells).filter(([, c]) => c.text).map(([c, x]) => `${v.no}|${r.key}|${c}=${x.text}`)));
    const again = BudgetSession.open(back.doc);
    expect(cells(again).sort()).toEqual(cells(session).sort());
    expect(back.doc.priorYear.income).toEqual(doc.priorYear.income);
    expect(back.doc.priorYear.gbItems['2010350']).toBe(doc.priorYear.gbItems['2010350']);
    expect(back.doc.priorYear.runningCosts).toBe(doc.priorYear.runningCosts);
  });
});
