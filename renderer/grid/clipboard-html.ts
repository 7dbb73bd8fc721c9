import { toTsv } from './clipboard';

/** Characters of clipboard HTML read (parsing is on the window's thread); a larger copy is refused, not parsed. */
export const MAX_CLIPBOARD_HTML = 8_000_000;

/**
 * Clipboard HTML as the tab-separated text a paste reads, for sources that put only HTML on the
 * clipboard (some browsers' and office programs' copies of a table). Parsed into an inert
 * document (nothing in it runs or loads); the first table's rows, a cell spanning columns
 * followed by blanks so the columns stay in place; without a table, the text itself. Null when
 * the HTML is over MAX_CLIPBOARD_HTML.
 */
export function htmlClipboardText(html: string): string | null {
  if (html.length > MAX_CLIPBOARD_HTML) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return clean(doc.body?.textContent ?? '');
  const block: string[][] = [];
  for (const tr of table.querySelectorAll('tr')) {
    if (tr.closest('table') !== table) continue;
    const line: string[] = [];
    for (const cell of tr.children) {
      if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
      line.push(clean(cell.textContent ?? ''));
      const span = Math.min(Number((cell as HTMLTableCellElement).colSpan) || 1, 1000);
      for (let k = 1; k < span; k++) line.push('');
    }
    block.push(line);
  }
  return toTsv(block);
}

/** A cell's text on one line: non-breaking and runs of spaces as one space, no tab or newline inside. */
const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
