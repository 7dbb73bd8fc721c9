import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';

const dir = mkdtempSync(join(tmpdir(), 'pdf-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorOf(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = await importPacketFile(file);
  if (r.ok) throw new Error(`${name} was imported`);
  return r.error;
}

/** A one-page PDF whose Standard security handler wants a password (its O and U entries fit no empty password). */
function passwordPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> /P -4 >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const at: number[] = [];
  objects.forEach((o, i) => {
    at.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${at.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

describe('a PDF that cannot be opened is refused in Chinese, saying why (pdf.js’s English only as a detail)', () => {
  it('a text file named .pdf: no PDF header, it was “PDF 文件无法打开（Invalid PDF structure.），可能已损坏。”', async () => {
    expect(await errorOf('text.pdf', '2024年部门预算公开\n表1 收支总表\n'.repeat(40))).toBe(
      'PDF 文件已损坏或不是 PDF：文件开头没有 PDF 标识（%PDF-），可能是改了扩展名的其他文件（如为文本，请使用 .txt 扩展名）。',
    );
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(await errorOf('random.pdf', random)).toBe(
      'PDF 文件已损坏或不是 PDF：文件开头没有 PDF 标识（%PDF-），可能是改了扩展名的其他文件（如为文本，请使用 .txt 扩展名）。',
    );
  });

  it('a PDF header over garbage: its structure is invalid', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(new Uint8Array(100_000).map((_, i) => (i * 131 + 7) % 256))]);
    expect(await errorOf('header-only.pdf', bytes)).toBe('PDF 文件已损坏或不是 PDF：结构无效，无法打开（Invalid PDF structure.）。');
  });

  it('an empty .pdf and one with a password say so', async () => {
    expect(await errorOf('empty.pdf', new Uint8Array(0))).toBe('PDF 文件是空的（0 字节），无法导入。');
    expect(await errorOf('password.pdf', passwordPdf())).toBe('PDF 文件设有打开密码（已加密），本程序不能读取：请在 PDF 阅读器中去掉密码后另存，再导入。');
  });
});
