import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { serializeDocument } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';

const FIXTURES = join(__dirname, '../../fixtures');
const expected = (id: string) => JSON.parse(readFileSync(join(FIXTURES, 'expected', `${id}.tables.json`), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'packet-pdf-'));

async function tablesOfPdf(file: string) {
  const r = await importPacketFile(file);
  if (!r.ok) throw new Error(r.error);
  return { tables: tablesJson(BudgetSession.open(r.doc)), warnings: r.warnings };
}

describe('importing a PDF with a text layer (rows and columns rebuilt from item positions)', () => {
  it('a PDF LibreOffice made from the 004 workbook gives the same 11 tables as the packet text', async () => {
    // test/fixtures/pdf/004-workbook-libreoffice.pdf: `budget-desk export` of packet 004, then
    // `libreoffice --headless --convert-to pdf`. It holds the tables only (and a findings sheet).
    const r = await tablesOfPdf(join(FIXTURES, 'pdf', '004-workbook-libreoffice.pdf'));
    expect(r.tables).toEqual(expected('004_b7e4b340c6b3bf95'));
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/未找到“第三部分/);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'the packet the app prints for 000 (space-separated source) imports back to the same tables and narrative',
    async () => {
      const source = importPacketText(readFileSync(join(FIXTURES, '000_76f4246f7dc2bf91.txt'), 'utf8'));
      if (!source.ok) throw new Error(source.error);
      const doc = join(dir, '000.budget');
      const pdf = join(dir, '000.pdf');
      writeFileSync(doc, serializeDocument(source.doc));
      const printed = await main(['packet', doc, '--pdf', pdf], { out: () => {}, err: () => {} });
      expect(printed).toBe(0);
      const r = await importPacketFile(pdf);
      if (!r.ok) throw new Error(r.error);
      // 000 has no 绩效目标 filled in: no empty 绩效目标表 is printed, so nothing is left unread.
      expect(source.doc.performanceTargets?.overall?.goal ?? '').toBe('');
      expect(r.warnings.map((w) => w.message)).toEqual([]);
      expect(tablesJson(BudgetSession.open(r.doc))).toEqual(expected('000_76f4246f7dc2bf91'));
      expect(r.doc.priorYear).toEqual(source.doc.priorYear);
      expect(r.doc.profile.staff).toEqual(source.doc.profile.staff);
    },
    120_000,
  );

  it('a damaged or empty PDF is refused with a reason', async () => {
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, '%PDF-1.4\n1 0 obj garbage\n');
    const r1 = await importPacketFile(bad);
    expect(r1.ok).toBe(false);
    const half = join(dir, 'half.pdf');
    const bytes = readFileSync(join(FIXTURES, 'pdf', '004-workbook-libreoffice.pdf'));
    writeFileSync(half, bytes.subarray(0, bytes.length >> 1));
    const r2 = await importPacketFile(half);
    expect(r2.ok).toBe(false);
    if (!r1.ok) expect(r1.error).toMatch(/PDF/);
  });
});
