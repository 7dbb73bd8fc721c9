import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { overTime } from '../worker/stop-reasons';
import { type PdfItem, pdfItemsToLayoutText, pdfItemsToText } from '../../shared/importers/packet/pdf-layout';

/** Text of a PDF's text layer, tables rebuilt from item positions (pdfjs-dist in the main process), and the same lines laid out by position. */
export async function pdfToText(
  data: Uint8Array,
  onPage: (page: number, pages: number) => void = () => {},
  maxMs: number = INPUT_BOUNDS.maxJobMs,
): Promise<{ ok: true; text: string; layout: string } | { ok: false; error: string }> {
  const t0 = performance.now();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  // pdf.js takes `data` over (it is empty afterwards): its start is kept to say why it was refused.
  const head = data.slice(0, 1024);
  try {
    doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    return { ok: false, error: pdfOpenError(e, head) };
  }
  try {
    if (doc.numPages > INPUT_BOUNDS.maxPdfPages) {
      const n = (v: number) => v.toLocaleString('en-US');
      return { ok: false, error: `PDF 共 ${n(doc.numPages)} 页，超过可导入的上限 ${n(INPUT_BOUNDS.maxPdfPages)} 页（部门预算公开文件通常只有几十页），未导入。` };
    }
    const pages: PdfItem[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      // Between pages the reader can be stopped: the app's job worker is stopped at the same limit
      // from outside, the command line (which has no such worker) stops itself here.
      if (performance.now() - t0 > maxMs) return { ok: false, error: `处理超时：${overTime(`读取 PDF（已读 ${p - 1} / ${doc.numPages} 页）`, maxMs)}` };
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , , d, x, y] = it.transform as number[];
        items.push({ str: it.str, x: x ?? 0, y: y ?? 0, width: it.width, height: it.height || Math.abs(d ?? 0) });
        chars += it.str.length;
      }
      pages.push(items);
      page.cleanup();
      onPage(p, doc.numPages);
    }
    if (chars < 50) return { ok: false, error: 'PDF 没有可读取的文字层（可能是扫描件），无法导入。' };
    // `layout` keeps where each piece stands, for readers that place amounts by position (部门决算).
    return { ok: true, text: pdfItemsToText(pages), layout: pdfItemsToLayoutText(pages) };
  } catch (e) {
    return { ok: false, error: `PDF 文字读取失败（${e instanceof Error ? e.message : String(e)}）。` };
  } finally {
    await doc.destroy();
  }
}

/**
 * Why pdf.js could not open the file, in words: not a PDF at all, a damaged one, one with a
 * password; pdf.js's own (English) text only for a failure none of these names.
 */
function pdfOpenError(e: unknown, head: Uint8Array): string {
  const name = e instanceof Error ? e.name : '';
  const detail = e instanceof Error ? e.message : String(e);
  if (head.length === 0) return 'PDF 文件是空的（0 字节），无法导入。';
  if (name === 'PasswordException') return 'PDF 文件设有打开密码（已加密），本程序不能读取：请在 PDF 阅读器中去掉密码后另存，再导入。';
  if (name === 'InvalidPDFException') {
    // pdf.js looks for the header in the first 1,024 bytes.
    if (!new TextDecoder('latin1').decode(head).includes('%PDF-')) return 'PDF 文件已损坏或不是 PDF：文件开头没有 PDF 标识（%PDF-），可能是改了扩展名的其他文件（如为文本，请使用 .txt 扩展名）。';
    return 'PDF 文件已损坏或不是 PDF：文件结构无效，无法打开（可能下载或复制不完整，请重新取得文件，或在 PDF 阅读器中另存后再导入）。';
  }
  return `PDF 文件已损坏，无法打开（${detail}）。`;
}
