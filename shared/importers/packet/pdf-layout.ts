import { normaliseGlyphs } from './lines';

/**
 * Rebuild lines and table cells from a PDF's positioned text items. Items on one baseline
 * form a line; inside a table, each item goes to the column whose header position (the
 * `※ 1 2 3 …` row, or the header of tables 1 and 4) is nearest, and the line is written
 * tab-separated with empty cells kept — the same shape as a tab-separated packet text, so
 * one reader serves both.
 */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Chunk {
  text: string;
  x0: number;
  x1: number;
}

/** Longer than any printed amount (10 万亿元 is 20 characters): such a text is not tested against AMOUNT. */
const MAX_AMOUNT_CHARS = 40;
const isAmount = (text: string) => text.length <= MAX_AMOUNT_CHARS && AMOUNT.test(text);

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * A line's items, left to right, glued into chunks where they touch. Linear in the items: a glued
 * chunk's text is never read again whole (its last character is kept; only a short text can be an
 * amount), so a crafted line of 130,000 touching items does not take minutes.
 */
function lineChunks(items: readonly PdfItem[]): Chunk[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.x - b.x);
  const chunks: Chunk[] = [];
  /** The last chunk's last character: what the next item is glued to, without reading a long text again. */
  let tail = '';
  for (const it of sorted) {
    const h = Math.max(it.height, 4);
    const last = chunks[chunks.length - 1];
    const gap = last ? it.x - last.x1 : Number.POSITIVE_INFINITY;
    const text = normaliseGlyphs(it.str.trim());
    // A printed amount is a cell of its own: never glue it to the text of the next cell.
    const amountEdge = last && (isAmount(last.text) || isAmount(it.str.trim()));
    if (last && gap < h * 0.6 && !amountEdge) {
      const sep = gap > h * 0.15 && !(CJK.test(tail) && CJK.test(it.str[0] ?? '')) ? ' ' : '';
      last.text += sep + text;
      last.x1 = Math.max(last.x1, it.x + it.width);
      if (text) tail = text.slice(-1);
    } else {
      chunks.push({ text, x0: it.x, x1: it.x + it.width });
      tail = text.slice(-1);
    }
  }
  return chunks;
}

function groupLines(items: readonly PdfItem[]): PdfItem[][] {
  const sorted = items.slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let y = Number.NaN;
  for (const it of sorted) {
    const tol = Math.max(it.height, 4) * 0.45;
    if (cur.length && Math.abs(it.y - y) > tol) {
      lines.push(cur);
      cur = [];
    }
    if (!cur.length) y = it.y;
    cur.push(it);
  }
  if (cur.length) lines.push(cur);
  return lines;
}

const MARKER = /^(※|\d{1,2})$/;
const AMOUNT = /^-?[\d,]+\.\d{2}$/;

function isColumnsLine(chunks: readonly Chunk[]): boolean {
  return chunks.length >= 2 && chunks[0]!.text === '※' && chunks.every((c) => c.text.split(/\s+/).every((t) => MARKER.test(t)));
}

/** Split a chunk like `※ ※ 1 2` that the PDF printed as one item into evenly spaced parts. */
function explode(chunks: readonly Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const parts = c.text.split(/\s+/);
    if (parts.length === 1) {
      out.push(c);
      continue;
    }
    const w = (c.x1 - c.x0) / parts.length;
    parts.forEach((p, i) => {
      out.push({ text: p, x0: c.x0 + i * w, x1: c.x0 + (i + 1) * w });
    });
  }
  return out;
}

function nearest(centers: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < centers.length; i++) if (Math.abs(centers[i]! - x) < Math.abs(centers[best]! - x)) best = i;
  return best;
}

/** Pages of items → text lines, tables as tab-separated cells. */
export function pdfItemsToText(pages: ReadonlyArray<readonly PdfItem[]>): string {
  const out: string[] = [];
  for (const items of pages) {
    let columns: Chunk[] | undefined;
    for (const line of groupLines(items)) {
      const chunks = lineChunks(line);
      if (chunks.length === 0) continue;
      const text = chunks.map((c) => c.text).join(' ');
      const squashed = text.replace(/\s+/g, '');
      if (isColumnsLine(chunks)) {
        columns = explode(chunks);
        out.push(columns.map((c) => c.text).join('\t'));
        continue;
      }
      if (/绩效目标表$/.test(squashed)) columns = undefined;
      if (/^(编制(部门|单位)|第[一二三四]部分|表\d{1,2}$)/.test(squashed) || /情况表$|明细表$/.test(squashed)) {
        columns = undefined;
        out.push(text);
        continue;
      }
      // Tables 1 and 4 have no ※ row: their lines stay as text, and the line reader splits the
      // income side from the expenditure side by the function 类 code (amounts by their sums).
      if (columns) {
        const centers = columns.map((c) => (c.x0 + c.x1) / 2);
        const cells: string[] = columns.map(() => '');
        for (const c of chunks) {
          // Amounts go to the nearest column; a text starts at its cell's left, so it belongs to the
          // first column whose (centred) header lies at or right of where the text starts.
          const i = AMOUNT.test(c.text) ? nearest(centers, (c.x0 + c.x1) / 2) : firstCentreFrom(centers, c.x0);
          cells[i] = cells[i] ? `${cells[i]} ${c.text}` : c.text;
        }
        // Keep one tab even for a lone first cell, so the reader knows the line is a table row.
        out.push(`${cells.join('\t').replace(/\t+$/, '')}\t`);
        continue;
      }
      out.push(text);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The first column whose centre is at or right of `x` (the last column when none is). */
function firstCentreFrom(centers: readonly number[], x: number): number {
  for (let i = 0; i < centers.length; i++) if (centers[i]! >= x - 2) return i;
  return centers.length - 1;
}

/** Points of the page per character column of `pdfItemsToLayoutText`. */
const LAYOUT_POINTS_PER_COLUMN = 4;

/**
 * Pages of items → lines that keep where each piece of text stands (as `pdftotext -layout`
 * does): a piece starts at the character column of its left edge, so a reader of tables whose
 * cells print at different heights (top-aligned in a tall row) can tell the columns apart.
 */
export function pdfItemsToLayoutText(pages: ReadonlyArray<readonly PdfItem[]>): string {
  const out: string[] = [];
  for (const items of pages) {
    for (const line of groupLines(items)) {
      // Pieces joined once (padding a growing line afresh for each piece was quadratic in its length).
      const parts: string[] = [];
      let length = 0;
      for (const c of lineChunks(line)) {
        const at = Math.max(Math.round(c.x0 / LAYOUT_POINTS_PER_COLUMN), length === 0 ? 0 : length + 1);
        if (at > length) parts.push(' '.repeat(at - length));
        parts.push(c.text);
        length = Math.max(at, length) + c.text.length;
      }
      const text = parts.join('');
      if (text.trim() !== '') out.push(text);
    }
    out.push('');
  }
  return out.join('\n');
}
