/**
 * Prints the 003 packet through Chromium and keeps three pages as PNG (cover, a table page,
 * a text page); with `--synthetic` also prints the 10,000-line synthetic department, times it
 * and keeps a continued table page (header rows repeated). Needs chromium and poppler-utils.
 *
 *   npx tsx test/artifacts/packet/make-artifacts.ts [--synthetic]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPdf } from '../../../electron/print/chromium-pdf';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { generateNarrative } from '../../../shared/narrative/generate';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { importedDocument, withNarrativeInputs } from '../../unit/narrative/published-fixtures';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'packet-artifacts-'));

function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}
function keepPage(pdf: string, page: number, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(work, 'page')]);
  renameSync(join(work, 'page.png'), join(here, name));
  console.log(`  ${name} ← page ${page}`);
}
function findPage(pdf: string, from: number, needle: string): number {
  const n = pageCount(pdf);
  for (let p = from; p <= n; p++) if (pageText(pdf, p).includes(needle)) return p;
  throw new Error(`no page with ${needle}`);
}

const s003 = BudgetSession.open(withNarrativeInputs('003', importedDocument('003')).doc);
let t = Date.now();
const pdf003 = join(work, '003.pdf');
writeFileSync(pdf003, await chromiumPdf(packetHtml(s003, { date: '2024年2月23日' })));
console.log(`003: ${pageCount(pdf003)} pages in ${Date.now() - t} ms`);
keepPage(pdf003, 1, '003-cover.png');
// Page 2 is the contents, which names every table and section: search after it.
const table2 = findPage(pdf003, 3, '部门收入总体情况表');
keepPage(pdf003, table2, '003-table-2.png');
keepPage(pdf003, findPage(pdf003, table2, '一、关于'), '003-text.png');
keepPage(pdf003, findPage(pdf003, table2, '项目支出绩效目标表'), '003-performance.png');

if (process.argv.includes('--synthetic')) {
  t = Date.now();
  const session = BudgetSession.open(syntheticDocument(10_000));
  const opened = Date.now() - t;
  const narrative = generateNarrative(session);
  const html = packetHtml(session, { narrative });
  const built = Date.now() - t;
  const pdf = join(work, 'synthetic.pdf');
  writeFileSync(pdf, await chromiumPdf(html));
  const total = Date.now() - t;
  console.log(`synthetic 10,000 lines: open ${opened} ms, narrative+HTML ${built - opened} ms (${(html.length / 1e6).toFixed(1)} MB), PDF ${total - built} ms, ${pageCount(pdf)} pages`);
  const t2 = findPage(pdf, 3, '部门收入总体情况表');
  keepPage(pdf, t2 + 2, 'synthetic-table-2-continued.png');
}
rmSync(work, { recursive: true, force: true });
