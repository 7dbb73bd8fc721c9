import { type PdfItem, pdfItemsToLayoutText, pdfItemsToText } from '../../shared/importers/packet/pdf-layout';

/** Text of a PDF's text layer, tables rebuilt from item positions (pdfjs-dist in the main process), and the same lines laid out by position. */
export async function pdfToText(
  data: Uint8Array,
  onPage: (page: number, pages: number) => void = () => {},
): Promise<{ ok: true; text: string; layout: string } | { ok: false; error: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    return { ok: false, error: `PDF 文件无法打开（${e instanceof Error ? e.message : String(e)}），可能已损坏。` };
  }
  try {
    const pages: PdfItem[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
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
