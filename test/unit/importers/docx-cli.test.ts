import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { writeZip } from '../../../electron/xlsx/zip/write-zip';

const FIXTURES = join(__dirname, '../../fixtures');
const dir = mkdtempSync(join(tmpdir(), 'docx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const enc = (s: string) => new TextEncoder().encode(s);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A packet's text as a Word document: tab-separated lines as table rows, the rest paragraphs. */
function packetDocx(text: string): Uint8Array {
  const cell = (c: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(c)}</w:t></w:r></w:p></w:tc>`;
  const body = text
    .split('\n')
    .map((l) => (l.includes('\t') ? `<w:tbl><w:tr>${l.split('\t').map(cell).join('')}</w:tr></w:tbl>` : `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`))
    .join('');
  return writeZip([{ name: 'word/document.xml', data: enc(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) }], { deflate: true });
}

describe('budget-desk import of a .docx packet', () => {
  it('prints the tables and rows it found, as the .txt line does (it printed only the warnings)', async () => {
    const txt = join(FIXTURES, '004_b7e4b340c6b3bf95.txt');
    const docx = join(dir, '004.docx');
    writeFileSync(docx, packetDocx(readFileSync(txt, 'utf8')));
    const fromTxt = await run('import', txt, '-o', join(dir, 'txt.budget'));
    expect(fromTxt.out).toMatch(/^已导入 昌吉市商务和工业信息化局 2024 年：找到 11 张表，152 行，0 条警告（\d+ ms）→ .*txt\.budget\n$/);
    const r = await run('import', docx, '-o', join(dir, 'docx.budget'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已导入 昌吉市商务和工业信息化局 2024 年：找到 11 张表，152 行，0 条警告（\d+ ms）→ .*docx\.budget\n$/);
  });
});
