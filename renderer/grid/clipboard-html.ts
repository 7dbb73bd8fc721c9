import { toTsv } from './clipboard';

/** Characters of clipboard HTML read (parsing is on the window's thread); a larger copy is refused, not parsed. */
export const MAX_CLIPBOARD_HTML = 8_000_000;

export type HtmlClipboard = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Clipboard HTML as the tab-separated text a paste reads, for sources that put only HTML on the
 * clipboard (some browsers' and office programs' copies of a table). Parsed into an inert
 * document (nothing in it runs or loads; scripts and styles are not text). The first table's
 * shown rows, each cell where it shows: a cell spanning columns or rows leaves blanks in the
 * places it covers, as Excel copies a merged cell; a line break inside a cell stays a break (so
 * “1<br>2” is refused, not read as 12). Without a table, each line of the text is a row.
 * Refused before parsing when over MAX_CLIPBOARD_HTML or holding more rows than `maxRows`.
 */
export function htmlClipboardText(html: string, maxRows: number): HtmlClipboard {
  if (html.length > MAX_CLIPBOARD_HTML) {
    return { ok: false, reason: `剪贴板中只有网页格式的内容，且超过 ${MAX_CLIPBOARD_HTML / 10_000} 万字符，未粘贴；请在原程序中复制为文字后再粘贴` };
  }
  const rows = rowTagCount(html);
  if (rows > maxRows) return { ok: false, reason: `剪贴板中的表格有 ${rows} 行，本表只有 ${maxRows} 行，超出了表格范围，未粘贴` };
  const doc = new DOMParser().parseFromString(withoutHandlers(html), 'text/html');
  for (const el of doc.querySelectorAll('script, style, template, noscript, head')) el.remove();
  for (const br of doc.querySelectorAll('br')) br.replaceWith(LINE_BREAK);
  const table = doc.querySelector('table');
  if (!table) return { ok: true, text: toTsv(textLines(doc.body)) };
  const block: string[][] = [];
  // Columns still covered by a cell above that spans rows: how many rows more.
  const covered: number[] = [];
  for (const tr of table.querySelectorAll('tr')) {
    if (tr.closest('table') !== table || hidden(tr)) continue;
    const line: string[] = [];
    const skipCovered = (all: boolean) => {
      while (line.length < covered.length && (all || (covered[line.length] ?? 0) > 0)) {
        if ((covered[line.length] ?? 0) > 0) covered[line.length]!--;
        line.push('');
      }
    };
    for (const cell of tr.children) {
      if ((cell.tagName !== 'TD' && cell.tagName !== 'TH') || hidden(cell)) continue;
      skipCovered(false);
      const td = cell as HTMLTableCellElement;
      const colSpan = bounded(td.colSpan);
      const rowSpan = bounded(td.rowSpan);
      const lines = cellLines(td);
      if (lines.length > 1) {
        return { ok: false, reason: `剪贴板表格第 ${block.length + 1} 行第 ${line.length + 1} 格有多行文字（${lines.join(' ↵ ')}），不是一个金额，未粘贴` };
      }
      for (let k = 0; k < colSpan; k++) {
        if (rowSpan > 1) covered[line.length] = rowSpan - 1;
        line.push(k === 0 ? (lines[0] ?? '') : '');
      }
    }
    skipCovered(true);
    block.push(line);
  }
  return { ok: true, text: toTsv(block) };
}

/**
 * The markup with its inline event handlers (`onerror=`, …) renamed to data attributes. Parsed as
 * it is, a copied `<img onerror=…>` never runs (the parsed document is not shown, and the CSP
 * forbids inline script), but Chromium 156 reports the attempt as a CSP violation on the console
 * each time. Only inside tags, each read up to the next `<` or `>` (linear on any markup); a
 * handler after a value holding one of those is left to the CSP as before.
 */
function withoutHandlers(html: string): string {
  return html.replace(/<[a-z][^<>]*/gi, (tag) => tag.replace(/([\s/])on(?=[a-z]+\s*=)/gi, '$1data-on-'));
}

/** Row tags in the markup, counted without parsing it (an upper bound on the rows parsed). */
function rowTagCount(html: string): number {
  let n = 0;
  const re = /<tr[\s>]/gi;
  while (re.exec(html)) n++;
  return n;
}

/** Stands for a `<br>` in the text read (no copied text holds it). */
const LINE_BREAK = '\u2028';

/** A span as the markup gives it, 1–1,000 (0, “to the end”, taken as 1). */
const bounded = (n: number) => Math.min(Math.max(Number(n) || 1, 1), 1000);

/** Hidden by an inline style, as filtered-out rows are in a copy of a filtered sheet. */
const hidden = (el: Element) => /display\s*:\s*none/i.test(el.getAttribute('style') ?? '');

/** A cell's lines of text (split at its `<br>`s), runs of spaces as one space, blank lines dropped. */
function cellLines(cell: Element): string[] {
  return (cell.textContent ?? '')
    .split(LINE_BREAK)
    .map(clean)
    .filter((l) => l !== '');
}

/** Text outside a table: one row per line (a `<br>` or a block's end), blank lines dropped. */
function textLines(body: HTMLElement | null): string[][] {
  if (!body) return [];
  for (const el of body.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, pre')) el.append(LINE_BREAK);
  return (body.textContent ?? '')
    .split(LINE_BREAK)
    .map(clean)
    .filter((l) => l !== '')
    .map((l) => [l]);
}

/** Non-breaking spaces, tabs, newlines and runs of spaces as one space; trimmed. */
const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
