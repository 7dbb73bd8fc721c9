import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPdf } from '../../../electron/print/chromium-pdf';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
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
