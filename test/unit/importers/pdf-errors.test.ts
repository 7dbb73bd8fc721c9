import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfToText } from '../../../electron/import/pdf-text';
import { importPacketFile } from '../../../electron/import/read-packet';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';

const dir = mkdtempSync(join(tmpdir(), 'pdf-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorOf(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = await importPacketFile(file);
  if (r.ok) throw new Error(`${name} was imported`);
  return r.error;
}

/** A PDF of `objects` (object i + 1 each) with a correct cross-reference table; `trailer`: more trailer entries. */
function pdfOf(objects: string[], trailer = ''): string {
  let pdf = '%PDF-1.4\n';
  const at: number[] = [];
  objects.forEach((o, i) => {
    at.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${at.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

/** A one-page PDF whose Standard security handler wants a password (its O and U entries fit no empty password). */
function passwordPdf(): string {
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> /P -4 >>`,
    ],
    ` /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`,
  );
}

/** A valid PDF of `n` pages sharing one content stream of text (~90 bytes a page, as the QA's 200,000-page file). */
function manyPagesPdf(n: number): string {
  const text = `BT /F1 8 Tf ${Array.from({ length: 50 }, (_, i) => `1 0 0 1 ${20 + (i % 5) * 110} ${800 - Math.floor(i / 5) * 18} Tm (2010101 1234.56) Tj`).join(' ')} ET`;
  const kids = Array.from({ length: n }, (_, i) => `${5 + i} 0 R`).join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${n} /Kids [${kids}] >>`,
    `<< /Length ${text.length} >>stream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>'),
  ]);
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
    expect(await errorOf('header-only.pdf', bytes)).toBe('PDF 文件已损坏或不是 PDF：文件结构无效，无法打开（可能下载或复制不完整，请重新取得文件，或在 PDF 阅读器中另存后再导入）。');
  });

  it('an empty .pdf and one with a password say so', async () => {
    expect(await errorOf('empty.pdf', new Uint8Array(0))).toBe('PDF 文件是空的（0 字节），无法导入。');
    expect(await errorOf('password.pdf', passwordPdf())).toBe('PDF 文件设有打开密码（已加密），本程序不能读取：请在 PDF 阅读器中去掉密码后另存，再导入。');
  });

  it('a PDF of more pages than a packet has is refused before any page is read (200,000 pages ran for minutes)', async () => {
    const t0 = performance.now();
    expect(await errorOf('pages.pdf', manyPagesPdf(INPUT_BOUNDS.maxPdfPages + 1))).toBe('PDF 共 2,001 页，超过可导入的上限 2,000 页（部门预算公开文件通常只有几十页），未导入。');
    // Reading 2,001 pages takes ~20 s; refusing by the count, well under a second or two.
    expect(performance.now() - t0).toBeLessThan(5_000);
    // At the bound the pages are read (no budget tables in them: refused for that, not for its length).
    expect(await errorOf('bound.pdf', manyPagesPdf(3))).toMatch(/没有找到部门预算公开表/);
  });

  it('reading pages stops itself at the time limit, saying how far it got (the command line has no job worker to stop it)', async () => {
    const r = await pdfToText(new TextEncoder().encode(manyPagesPdf(40)), () => {}, 0);
    expect(r).toEqual({ ok: false, error: '处理超时：读取 PDF（已读 0 / 40 页）超过 0 秒仍未完成，已停止（文件可能过大或格式异常）' });
    const whole = await pdfToText(new TextEncoder().encode(manyPagesPdf(40)));
    expect(whole.ok).toBe(true);
  });
});
