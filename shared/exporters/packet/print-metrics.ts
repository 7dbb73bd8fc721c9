import type { HeaderLeaf } from './header';

/**
 * Printed sizes of a table on an A4 landscape page, estimated from packet.css (points), so the
 * packet can cut a long table into pages itself and head each continuation page “表N（续）”.
 * Estimates err on the large side (wider glyphs, a safety factor): a page ends a little early
 * rather than letting the browser break it a second time without the heading.
 */
export const PAGE_CONTENT_PT = { width: (297 - 24) * (72 / 25.4), height: (210 - 30) * (72 / 25.4) };

/** Slack on every estimated height (fonts mixing on a line, rounding of borders). */
const SAFETY = 1.05;
const BORDER = 0.6;

export interface PrintGeometry {
  /** Column widths in % of the table, as the colgroup prints them. */
  percents: number[];
  widths: number[];
  fontPt: number;
  /** Top + bottom padding of a body cell. */
  padPt: number;
}

/** A wrapping text cell of a body row: its column, text and indent level. */
export interface CellText {
  col: number;
  text: string;
  depth: number;
}

export function geometryOf(table: number, leaves: readonly HeaderLeaf[]): PrintGeometry {
  const percents = columnPercents(leaves);
  return {
    percents,
    widths: percents.map((p) => (p / 100) * PAGE_CONTENT_PT.width),
    // As packet.css: tables 2 and 7 print smaller; tables 1 and 4 have tighter rows.
    fontPt: table === 2 || table === 7 ? 6.8 : 7.5,
    padPt: table === 1 || table === 4 ? 0.8 : 2,
  };
}

/** Code parts narrow, names wide, amounts sharing the rest equally. */
function columnPercents(leaves: readonly HeaderLeaf[]): number[] {
  const codes = leaves.filter((l) => l.className === 'code').length;
  const names = leaves.filter((l) => l.className === 'name').length;
  const amounts = leaves.length - codes - names;
  const codeW = 2.6;
  const nameW = names > 1 ? Math.min(20, 44 / names) : amounts > 6 ? 17 : 30;
  const amountW = (100 - codes * codeW - names * nameW) / Math.max(1, amounts);
  return leaves.map((l) => (l.className === 'code' ? codeW : l.className === 'name' ? nameW : amountW));
}

/** Lines a text takes in a box `width` pt wide (any character may end a line, as `overflow-wrap: anywhere`). */
export function wrapLines(text: string, width: number, fontPt: number): number {
  if (!text) return 1;
  let lines = 1;
  let x = 0;
  for (const ch of text) {
    // Full-width (CJK, full-width punctuation) a whole em; ASCII a generous 0.6 em.
    const w = (ch.codePointAt(0) ?? 0) > 0x2e7f ? fontPt : 0.6 * fontPt;
    if (x + w > width && x > 0) {
      lines++;
      x = 0;
    }
    x += w;
  }
  return lines;
}

/** Left padding of a name cell by depth (packet.css `td.d1`…), plus the right padding. */
const indentPt = (depth: number) => [2, 8, 14, 20, 20][Math.min(depth, 4)]! + 2;

export function rowHeightPt(g: PrintGeometry, texts: readonly CellText[]): number {
  let lines = 1;
  for (const t of texts) lines = Math.max(lines, wrapLines(t.text, (g.widths[t.col] ?? 0) - indentPt(t.depth) - BORDER, g.fontPt));
  return (lines * g.fontPt * 1.25 + g.padPt + BORDER) * SAFETY;
}

/**
 * The header rows as headerHtml lays them out: a group label over its leaves, a leaf's label
 * down to the last label row, then (if numbered) the row of column numbers.
 */
export function headerHeightPt(g: PrintGeometry, leaves: readonly HeaderLeaf[], numbered: boolean): number {
  const depth = Math.max(...leaves.map((l) => l.path.length));
  const line = g.fontPt * 1.25;
  const cell = (lines: number) => lines * line + 2 + BORDER;
  const rows = new Array<number>(depth).fill(cell(1));
  const spans: Array<{ from: number; need: number }> = [];
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < leaves.length; ) {
      const path = leaves[i]!.path;
      if (path.length - 1 < level) {
        i++;
        continue;
      }
      if (path.length - 1 === level) {
        const need = cell(wrapLines(path[level]!, g.widths[i]! - 4 - BORDER, g.fontPt));
        if (depth - level === 1) rows[level] = Math.max(rows[level]!, need);
        else spans.push({ from: level, need });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < leaves.length && leaves[j]!.path.length - 1 > level && leaves[j]!.path.slice(0, level + 1).join('\u0000') === path.slice(0, level + 1).join('\u0000')) j++;
      const width = g.widths.slice(i, j).reduce((a, b) => a + b, 0);
      rows[level] = Math.max(rows[level]!, cell(wrapLines(path[level]!, width - 4 - BORDER, g.fontPt)));
      i = j;
    }
  }
  // A label spanning down several rows makes the last of them taller if the rows above are not enough.
  for (const s of spans) {
    const have = rows.slice(s.from).reduce((a, b) => a + b, 0);
    if (have < s.need) rows[depth - 1] = rows[depth - 1]! + (s.need - have);
  }
  const total = rows.reduce((a, b) => a + b, 0) + (numbered ? cell(1) : 0);
  return total * SAFETY;
}
