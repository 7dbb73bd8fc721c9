import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPdf } from '../../../electron/print/chromium-pdf';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { PAGE_CONTENT_PT } from '../../../shared/exporters/packet/print-metrics';
import { tableParts } from '../../../shared/exporters/packet/table-html';
import { pageRows, tableSheets, WIDOW_ROWS } from '../../../shared/exporters/packet/table-pages';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import type { BudgetDocument } from '../../../shared/model';
import { printedTableView } from '../../../shared/views/table-view';
import { artifactDir } from '../../e2e/support/artifacts';
import { importedDocument } from './published-fixtures';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

/** The text of each page of a PDF (poppler), whitespace removed. */
function pageTexts(pdf: string): string[] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const out: string[] = [];
  for (let p = 1; p <= n; p++) out.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
  return out;
}

describe.skipIf(!existsSync(chrome) || !hasPoppler)('a table printed over several pages', () => {
  it('heads each continuation page 表N（续） above the repeated header; the browser adds no page of its own', { timeout: 90_000 }, async () => {
    const doc = importedDocument('003');
    // 260 more 项 lines, some with names long enough to wrap: tables 2, 3 and 5 run over pages.
    for (let i = 0; i < 260; i++) {
      const code = `2019${String(i).padStart(3, '0')}`;
      doc.functionRows.push({ code, values: { '2.3': '0.01', '3.2': '0.01', '5.2': '0.01' } });
      if (i % 7 === 0) doc.classification = { function: [...(doc.classification?.function ?? []), { code, name: `其他一般公共服务支出中需要单独列示的较长名称的项目第${i}项（用于检查折行）` }], economic: doc.classification?.economic ?? [] };
    }
    doc.printed = {};
    const session = BudgetSession.open(doc);
    const html = packetHtml(session);
    const landscapeSheets = html.match(/<section class="sheet landscape/g)?.length ?? 0;
    const continued = html.match(/<div class="table-cont">表(\d+)（续）<\/div>/g) ?? [];
    expect(continued.length).toBeGreaterThanOrEqual(4);
    const dir = mkdtempSync(join(tmpdir(), 'packet-cont-'));
    const file = join(dir, 'p.pdf');
    writeFileSync(file, await chromiumPdf(html));
    const pages = pageTexts(file);
    const tablePages = pages.filter((t) => /^(表\d+（续）|表\d|第二部分)/u.test(t) && t.includes('编制部门'));
    // One printed page per sheet: every page of a table is one the packet headed itself.
    expect(tablePages.length).toBe(landscapeSheets);
    let current = 0;
    for (const t of tablePages) {
      const cont = /^表(\d+)（续）/u.exec(t);
      if (cont) {
        // A continuation of the table before it, with the header rows again.
        expect(Number(cont[1])).toBe(current);
        expect(t).toMatch(/科目编码|项目|收入|支出/u);
      } else {
        current = Number(/表(\d+)/u.exec(t.replace(/^第二部分[^表]*/u, ''))?.[1]);
      }
    }
    expect(tablePages.filter((t) => t.startsWith('表2（续）')).length).toBeGreaterThanOrEqual(2);
    // Pages are reasonably full: table 2 (about 290 lines, some of three lines) takes at most 11 pages.
    expect(tablePages.filter((t) => /^表2（续）/u.test(t)).length).toBeLessThanOrEqual(10);
    // For a look: the first continuation page of table 2 as PNG.
    const at = pages.findIndex((t) => t.startsWith('表2（续）')) + 1;
    execFileSync('pdftoppm', ['-f', String(at), '-l', String(at), '-r', '70', '-png', file, join(artifactDir('packet-continued'), 'table2-continued')]);
  });
});

describe('a heading row kept with its rows', () => {
  it('no sheet of a table but its last ends on a 类 or 款 heading (000 表6: 303 went over with 退休费 and 奖励金)', () => {
    for (const no of ['000', '003', '004'] as const) {
      const html = packetHtml(BudgetSession.open(importedDocument(no)));
      const sheets = html.split('<section class="sheet landscape').slice(1);
      for (const [i, sheet] of sheets.entries()) {
        const next = sheets[i + 1];
        if (!next?.startsWith(' continued')) continue;
        const last = [...sheet.matchAll(/<tr class="(lv-[a-z]+)"/g)].at(-1)?.[1];
        expect([no, i, last]).not.toEqual([no, i, 'lv-class']);
        expect([no, i, last]).not.toEqual([no, i, 'lv-kuan']);
      }
    }
    const t6 = packetHtml(BudgetSession.open(importedDocument('000'))).split('<section class="sheet landscape').find((s) => s.startsWith(' continued') && s.includes('表6（续）'));
    expect(t6).toMatch(/<tbody><tr class="lv-class">[\s\S]*?对个人和家庭的补助/);
  });
});

const SHANGHAI = new URL('../../fixtures/shanghai/', import.meta.url);

/** A Shanghai packet of test/fixtures from its `pdftotext -layout` text (the tables as the PDF prints them). */
function shanghai(file: string): BudgetDocument {
  const r = importAnyPacketText(readFileSync(new URL(file, SHANGHAI), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}
/** 上海市普陀区财政局 2024年度部门决算. */
const putuoFinalAccounts = () => shanghai('putuo-finance-2024-final-accounts.layout.txt');

/** The real packets in test/fixtures. */
const REAL_PACKETS: ReadonlyArray<readonly [string, () => BudgetDocument]> = [
  ['000', () => importedDocument('000')],
  ['003', () => importedDocument('003')],
  ['004', () => importedDocument('004')],
  ['普陀财政局 2024 决算', putuoFinalAccounts],
  ['普陀区府办 2025 部门预算', () => shanghai('text/putuo-govoffice-2025-budget-dept.layout.txt')],
  ['普陀区府办 2025 单位预算', () => shanghai('text/putuo-govoffice-2025-budget-unit.layout.txt')],
];

/** The landscape sheets of a packet, each with its heading (表 N / 表N（续）) and body rows. */
function tableSheetsOf(html: string) {
  return html
    .split('<section class="sheet landscape')
    .slice(1)
    .map((s) => ({
      heading: /class="table-(?:no|cont)">([^<]*)</.exec(s)![1]!,
      rows: [...(s.split('<tbody>')[1] ?? '').matchAll(/<tr[^>]*>.*?<\/tr>/g)].map((m) => m[0]),
    }));
}
/** The line names of a printed row (both sides of a two-sided table). */
const namesOf = (tr: string) => [...tr.matchAll(/<td class="name[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]!);
const isTotal = (tr: string) => tr.startsWith('<tr class="lv-total"');

describe('the total line(s) that end a table never stand alone on its last page', () => {
  it('决算 表6 on a page that holds all but 人员经费合计/公用经费合计: the last two 310 lines go over with them', () => {
    const rows = tableParts(printedTableView(BudgetSession.open(putuoFinalAccounts()), 6)).rows;
    // 302 and its 27 款 beside 301 and 303 with theirs, then 310 and its 9 款, then the totals.
    expect(rows).toHaveLength(39);
    expect(rows.at(-1)!.total).toBe(true);
    const allButTotals = rows.slice(0, -1).reduce((a, r) => a + r.height, 0);
    const pages = pageRows(rows, { first: allButTotals + 1, next: 400 });
    expect(pages.map((p) => p.length)).toEqual([36, 3]);
    expect(namesOf(pages[0]!.at(-1)!.html)).toEqual(['', '31021 文物和陈列品购置']);
    expect(pages[1]!.map((r) => namesOf(r.html))).toEqual([
      ['', '31022 无形资产购置'],
      ['', '31099 其他资本性支出'],
      ['人员经费合计', '公用经费合计'],
    ]);
    // The sentence under a table does not stand alone either: where it does not fit under the totals, it takes them and two lines.
    const all = rows.reduce((a, r) => a + r.height, 0);
    expect(pageRows(rows, { first: all + 1, next: 400, after: 30 }).map((p) => p.length)).toEqual([36, 3]);
    // The 类 heading rule holds for its two panels too: 310 does not end a page, it goes over with 31001.
    const at310 = rows.findIndex((r) => namesOf(r.html)[1] === '310 资本性支出');
    const to310 = rows.slice(0, at310 + 1).reduce((a, r) => a + r.height, 0);
    const cut = pageRows(rows, { first: to310 + 1, next: 400 });
    expect(cut.map((p) => p.length)).toEqual([at310, rows.length - at310]);
    expect(cut[1]!.slice(0, 2).map((r) => namesOf(r.html)[1])).toEqual(['310 资本性支出', '31001 房屋建筑物购建']);
  });

  it(`the real packets: every table's last page carries at least ${WIDOW_ROWS} rows above its totals; Putuo 表6 prints 33 lines, then 5 and the totals`, () => {
    for (const [name, doc] of REAL_PACKETS) {
      const session = BudgetSession.open(doc());
      for (const t of session.template.tables) {
        const sheets = tableSheetsOf(tableSheets(printedTableView(session, t.no), session.document.department).join(''));
        if (sheets.length < 2) continue;
        const last = sheets.at(-1)!.rows;
        expect([name, t.no, last.filter((tr) => !isTotal(tr)).length >= WIDOW_ROWS]).toEqual([name, t.no, true]);
      }
    }
    const t6 = tableSheetsOf(packetHtml(BudgetSession.open(putuoFinalAccounts()))).filter((s) => s.heading.startsWith('表6') || s.heading === '表 6');
    expect(t6.map((s) => [s.heading, s.rows.length])).toEqual([
      ['表 6', 33],
      ['表6（续）', 6],
    ]);
    expect(namesOf(t6[0]!.rows.at(-1)!)).toEqual(['', '31007 信息网络及软件购置更新']);
    expect(t6[1]!.rows.map((tr) => namesOf(tr)[1])).toEqual(['31013 公务用车购置', '31019 其他交通工具购置', '31021 文物和陈列品购置', '31022 无形资产购置', '31099 其他资本性支出', '公用经费合计']);
  });
});

describe('决算 表6 prints its 类 lines bold, as the other tables print their 类 rows', () => {
  it('the 类 cells of each panel are marked, their 款 are not (the line beside a 类 may be a 款)', () => {
    const html = packetHtml(BudgetSession.open(putuoFinalAccounts()));
    const t6 = html.slice(html.indexOf('<div class="table-no">表 6</div>'), html.indexOf('<div class="table-no">表 7</div>'));
    const marked = [...t6.matchAll(/<td class="([^"]*\blv-class\b[^"]*)">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(marked).toEqual([
      ['name d0 lv-class', '301 工资福利支出'],
      ['amount lv-class', '2,082.85'],
      ['name d0 lv-class', '302 商品和服务支出'],
      ['amount lv-class', '171.07'],
      ['name d0 lv-class', '303 对个人和家庭的补助'],
      ['amount lv-class', '69.41'],
      ['name d0 lv-class', '310 资本性支出'],
      ['amount lv-class', '13.58'],
    ]);
    // 303 shares its line with 30215 会议费, which stays regular.
    expect(t6).toContain('<td class="name d0 lv-class">303 对个人和家庭的补助</td><td class="amount lv-class">69.41</td><td class="name d1">30215 会议费</td>');
    // The budget format marks its 类 rows the same way: the row, bold by the same rule.
    expect(packetHtml(BudgetSession.open(importedDocument('004')))).toMatch(/<tr class="lv-class"><td class="code">201<\/td>/);
  });
});

/** A4 landscape content height in CSS px, the measure Chromium lays pages out in. */
const PX = 96 / 72;

describe.skipIf(!existsSync(chrome))('row heights estimated as Chromium lays them out', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chrome, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Each landscape sheet as Chromium lays it out for print, at the page's width: height used, header, rows, and the 表6 weights. */
  async function laidOut(html: string) {
    const dir = mkdtempSync(join(tmpdir(), 'packet-rows-'));
    writeFileSync(join(dir, 'p.html'), html);
    const page = await browser.newPage();
    try {
      await page.emulateMedia({ media: 'print' });
      await page.goto(pathToFileURL(join(dir, 'p.html')).href);
      // The width of a landscape page's content (273 mm), as printed; portrait sheets are not measured.
      await page.addStyleTag({ content: `body { width: ${PAGE_CONTENT_PT.width}pt; }` });
      return await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.querySelectorAll('section.sheet.landscape')].map((s) => {
          const kids = [...s.children].map((k) => k.getBoundingClientRect());
          const weight = (text: string) => {
            const td = [...s.querySelectorAll('td.name')].find((t) => t.textContent === text);
            return td ? getComputedStyle(td).fontWeight : undefined;
          };
          return {
            continued: s.classList.contains('continued'),
            used: Math.max(...kids.map((k) => k.bottom)) - kids[0]!.top,
            head: s.querySelector('thead')!.getBoundingClientRect().height,
            rows: [...s.querySelectorAll('tbody tr')].map((tr) => tr.getBoundingClientRect().height),
            weights: [weight('301 工资福利支出'), weight('30101 基本工资')],
          };
        });
      });
    } finally {
      await page.close();
    }
  }

  /** How many landscape pages the packet prints on, printed to PDF as the CLI prints it. */
  async function printedLandscapePages(html: string): Promise<number> {
    const dir = mkdtempSync(join(tmpdir(), 'packet-pdf-'));
    writeFileSync(join(dir, 'p.html'), html);
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(join(dir, 'p.html')).href);
      await page.evaluate(() => document.fonts.ready.then(() => true));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
      let landscape = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        const [, , w = 0, h = 0] = (await doc.getPage(n)).view;
        if (w > h) landscape++;
      }
      await doc.destroy();
      return landscape;
    } finally {
      await page.close();
    }
  }

  /** Estimated row and header heights (px) of each table, in print order. */
  function estimates(session: BudgetSession) {
    return session.template.tables.map((t) => {
      const p = tableParts(printedTableView(session, t.no));
      return { head: p.headHeight * PX, rows: p.rows.map((r) => r.height * PX) };
    });
  }

  /** Checks every sheet against its page and every row against its estimate; gives the sheets with their estimates. */
  async function check(name: string, session: BudgetSession) {
    const sheets = await laidOut(packetHtml(session));
    const est = estimates(session);
    const pageHeight = PAGE_CONTENT_PT.height * PX;
    let table = -1;
    let at = 0;
    const out: Array<{ used: number; rows: number; estRows: number; actRows: number; weights: Array<string | undefined> }> = [];
    for (const [i, s] of sheets.entries()) {
      if (!s.continued) {
        table++;
        at = 0;
      }
      const e = est[table]!;
      const rows = e.rows.slice(at, at + s.rows.length);
      at += s.rows.length;
      // No sheet is taller than its page: the browser never breaks it a second time.
      expect([name, i, s.used <= pageHeight]).toEqual([name, i, true]);
      // No row is taller than estimated, nor the header.
      for (const [k, h] of s.rows.entries()) expect([name, i, k, h <= rows[k]! + 0.05]).toEqual([name, i, k, true]);
      expect([name, i, s.head <= e.head + 0.05]).toEqual([name, i, true]);
      out.push({ used: s.used, rows: s.rows.length, estRows: rows.reduce((a, b) => a + b, 0), actRows: s.rows.reduce((a, b) => a + b, 0), weights: s.weights });
    }
    return out;
  }

  it('the real packets: no sheet overflows its page (nor its printed page), no row is taller than estimated, and the estimate is within a line of Chromium on every sheet', { timeout: 180_000 }, async () => {
    for (const [name, doc] of REAL_PACKETS) {
      const session = BudgetSession.open(doc());
      const sheets = await check(name, session);
      // Printed, one page per sheet: the browser broke none of them again.
      expect([name, await printedLandscapePages(packetHtml(session))]).toEqual([name, sheets.length]);
      // Less than one 7.5pt line (12.125pt) estimated too high on any sheet (the estimate used to run 5% high).
      for (const [i, s] of sheets.entries()) expect([name, i, s.estRows - s.actRows < 12 * PX]).toEqual([name, i, true]);
    }
    // Putuo 决算 表6: 33 lines fit under the title (32 before), less than a line short of the page.
    const fa = await check('决算', BudgetSession.open(putuoFinalAccounts()));
    const t6 = fa.findIndex((s) => s.weights[0] !== undefined);
    expect(fa[t6]!.rows).toBe(33);
    expect(PAGE_CONTENT_PT.height * PX - fa[t6]!.used).toBeLessThan(16);
    // Its 类 lines print bold, its 款 lines regular.
    expect(fa[t6]!.weights).toEqual(['700', '400']);
  });

  it('names mixing CJK, ASCII words and punctuation wrap on no more lines than estimated', { timeout: 60_000 }, async () => {
    const doc = importedDocument('004');
    const pieces = ['中央财政', '专项资金', '（', '）', '“', '”', '、', '，', 'PPP', 'WWW', 'APP', '2024', ' ', '年', '-', '/', '%', '№', '《', '》', 'Wi-Fi', '项目', '：', '…', '—', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', '信息化建设', 'O&M', 'http://example.com/a/b', '1,234.56'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const name = () => Array.from({ length: 1 + Math.floor(next() * 14) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    for (let i = 0; i < 150; i++) doc.projectRows.push({ id: `mix${i}`, code: '2150805', project: name(), values: { '7.3': '1.00' } });
    const names = Array.from({ length: 100 }, name);
    for (const [i, n] of names.entries()) {
      const code = `2019${String(i).padStart(3, '0')}`;
      doc.functionRows.push({ code, values: { '2.3': '0.01', '3.2': '0.01', '5.2': '0.01' } });
      doc.classification = { function: [...(doc.classification?.function ?? []), { code, name: n }], economic: doc.classification?.economic ?? [] };
    }
    doc.printed = {};
    const sheets = await check('mixed names', BudgetSession.open(doc));
    expect(sheets.length).toBeGreaterThan(20);
  });
});
