import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { writeZip } from '../../../electron/xlsx/zip/write-zip';
import { docxBodyText, MAX_TABLE_DEPTH } from '../../../shared/importers/docx-text';
import { importAnyPacketText } from '../../../shared/importers/detect-format';

const text = readFileSync(new URL('../../fixtures/003_d8581a66e967af08.txt', import.meta.url), 'utf8');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A run as Word writes one (and Word splits a sentence into several runs at any point). */
const runs = (s: string) => {
  const half = Math.floor(s.length / 2);
  return [s.slice(0, half), s.slice(half)].filter(Boolean).map((part) => `<w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`).join('');
};

/**
 * 003 as a Word document: its tab-separated table lines as Word tables (a row per line, a cell per
 * column), every other line a paragraph.
 */
function packetDocx(t: string): Uint8Array {
  const body: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of t.split('\n')) {
    if (line.includes('\t')) {
      rows.push(`<w:tr>${line.split('\t').map((c) => `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr><w:p>${runs(c)}</w:p></w:tc>`).join('')}</w:tr>`);
      continue;
    }
    flush();
    body.push(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs(line)}</w:p>`);
  }
  flush();
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
  const enc = (s: string) => new TextEncoder().encode(s);
  return writeZip(
    [
      { name: '[Content_Types].xml', data: enc('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
      { name: '_rels/.rels', data: enc('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
      { name: 'word/document.xml', data: enc(document) },
    ],
    { deflate: true },
  );
}

describe('a packet published as a Word document (.docx)', () => {
  it('imports 003 saved as .docx (tables as Word tables) to the same document as its .txt: it was refused as binary', async () => {
    const want = importAnyPacketText(text);
    if (!want.ok) throw new Error(want.error);
    const dir = mkdtempSync(join(tmpdir(), 'docx-'));
    try {
      const file = join(dir, '003.docx');
      writeFileSync(file, packetDocx(text));
      const r = await importPacketFile(file);
      if (!r.ok) throw new Error(r.error);
      expect(r.doc).toEqual(want.doc);
      expect(r.summary.tables).toHaveLength(11);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the body as Word shows it: runs joined, tabs and breaks kept, entities resolved, deleted text and field codes left out', () => {
    const xml = [
      '<w:body>',
      '<w:p><w:r><w:t>一般公共</w:t></w:r><w:r><w:t xml:space="preserve">预算 </w:t></w:r><w:r><w:tab/><w:t>A&amp;B &#x4E00;</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r><w:del><w:r><w:delText>删去的</w:delText></w:r></w:del></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r></w:p>',
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>201</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>行政</w:t></w:r></w:p><w:p><w:r><w:t>运行</w:t></w:r></w:p></w:tc><w:tc/><w:tc><w:p><w:r><w:t>12.50</w:t></w:r></w:p></w:tc></w:tr>',
      '<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      '<w:p/>',
      '</w:body>',
    ].join('');
    expect(docxBodyText(xml).split('\n')).toEqual(['一般公共预算 \tA&B 一', '第一行', '第二行', '3', '201\t行政运行\t\t12.50', '内 表\tx', '']);
  });

  it('reads tables nested deeper than Word makes them as text of their cell, in linear time (600,000 levels took 6 minutes)', () => {
    const nest = (n: number, leaf = 'x') =>
      `<w:body>${'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(n)}<w:p><w:r><w:t>${leaf}</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(n)}</w:body>`;
    // Up to the limit each level is a table of its own; below it the text still reaches the cell.
    expect(docxBodyText(nest(3, 'y'))).toBe('xxxy');
    expect(docxBodyText(nest(MAX_TABLE_DEPTH + 5, 'y'))).toBe(`${'x'.repeat(MAX_TABLE_DEPTH + 5)}y`);
    const t0 = performance.now();
    const text = docxBodyText(nest(200_000));
    expect(text.replace(/ /g, '')).toHaveLength(200_001);
    // Quadratic, 200,000 levels took minutes; linear, about a second on a loaded machine.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('refuses a zip that is no Word document, and a damaged one, saying what is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-'));
    try {
      // A Word 97–2003 file (an OLE compound file): told to save it as .docx or PDF, not called binary.
      writeFileSync(join(dir, 'old.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]));
      expect(await importPacketFile(join(dir, 'old.doc'))).toEqual({ ok: false, error: expect.stringContaining('另存为 .docx、.xlsx 或 PDF') });
      const damaged = packetDocx(text).slice(0, 2000);
      writeFileSync(join(dir, 'damaged.docx'), damaged);
      const r = await importPacketFile(join(dir, 'damaged.docx'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/不是|无法读取|二进制/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
