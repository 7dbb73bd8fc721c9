import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { writeZip } from '../../../electron/xlsx/zip/write-zip';

const text = readFileSync(new URL('../../fixtures/003_d8581a66e967af08.txt', import.meta.url), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CONTENT_TYPES = enc('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');

/** 003 as a Word document, a paragraph per line. */
const packetDocx = () =>
  writeZip(
    [
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'word/document.xml', data: enc(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`) },
    ],
    { deflate: true },
  );

const dir = mkdtempSync(join(tmpdir(), 'docx-damaged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorOf(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = await importPacketFile(file);
  if (r.ok) throw new Error(`${name} was imported`);
  return r.error;
}

describe('a damaged .docx is refused as a damaged Word document (it was called binary content, not a packet)', () => {
  it('a .docx cut off before its zip directory says so', async () => {
    const whole = packetDocx();
    // The whole file imports; two thirds of it (as a broken download leaves it) is damaged.
    writeFileSync(join(dir, 'whole.docx'), whole);
    expect((await importPacketFile(join(dir, 'whole.docx'))).ok).toBe(true);
    expect(await errorOf('truncated.docx', whole.subarray(0, Math.floor((whole.length * 2) / 3)))).toBe(
      '文件已损坏：不是完整的 Word 文档（.docx）（找不到 ZIP 目录，文件可能不完整），请重新取得完整的文件，或在 Word、WPS 中另存为 .docx 后再导入。',
    );
  });

  it('a zip without a Word body (word/document.xml) says which part is missing', async () => {
    const noBody = writeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'word/other.xml', data: enc('<x/>') },
    ]);
    expect(await errorOf('no-body.docx', noBody)).toBe(
      '文件已损坏：不是完整的 Word 文档（.docx）（压缩包中没有正文部件 word/document.xml），请在 Word、WPS 中另存为 .docx 后再导入。',
    );
  });

  it('an Excel workbook named .docx is told to be imported as .xlsx', async () => {
    const book = writeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'xl/workbook.xml', data: enc('<workbook/>') },
    ]);
    expect(await errorOf('book.docx', book)).toBe('文件不是 Word 文档，而是 Excel 工作簿（.xlsx）：请把扩展名改为 .xlsx 后再导入。');
  });

  it('a text packet that merely starts with “PK” is still read as text', async () => {
    const file = join(dir, 'pk.txt');
    writeFileSync(file, `PK${text}`);
    const r = await importPacketFile(file);
    expect(r.ok).toBe(true);
  });
});
