import type { Page } from 'playwright-core';

/** Ctrl+C / Ctrl+X as the browser does it: a copy (or cut) event whose clipboard data the page fills; what it put there. */
export function clipboardOut(page: Page, kind: 'copy' | 'cut' = 'copy'): Promise<string> {
  return page.evaluate((k) => {
    const dt = new DataTransfer();
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent(k, { clipboardData: dt, bubbles: true, cancelable: true }));
    return dt.getData('text/plain');
  }, kind);
}

/** Ctrl+V as the browser does it: a paste event carrying the clipboard text. */
export async function pasteText(page: Page, tsv: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
}

/** Ctrl+V of a source that puts only HTML on the clipboard (no text/plain). */
export async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}
