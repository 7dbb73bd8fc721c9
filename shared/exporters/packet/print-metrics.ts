import type { HeaderLeaf } from './header';

/**
 * Printed sizes of a table on an A4 landscape page, from packet.css (points), so the packet can
 * cut a long table into pages itself and head each continuation page “表N（续）”. Heights are
 * those Chromium lays out (measured: a 7.5pt body row is 12.125pt, in the window and in the
 * PDF); what remains an estimate is where a name wraps, and that errs wide (glyphs as wide as
 * the widest of their kind, no line break the browser might refuse), so a page ends a little
 * early rather than letting the browser break it a second time without the heading.
 */
export const PAGE_CONTENT_PT = { width: (297 - 24) * (72 / 25.4), height: (210 - 30) * (72 / 25.4) };

/**
 * A 0.6pt rule is laid out one CSS pixel wide (Chromium rounds a border under a pixel up to
 * one): 0.75pt on every row, and on the width of every cell.
 */
export const BORDER_PT = 0.75;
/** Left free at the foot of every page: sub-pixel rounding of row positions (1/64 px a row), a font metric off by a hair. */
export const PAGE_RESERVE_PT = 3;
/** Taken off every line's width: widths are rounded to layout units (1/64 px), a text may end right at the edge. */
const WIDTH_SLACK_PT = 0.25;

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
    // The columns share the table's width less its outer rule (half a rule each side).
    widths: percents.map((p) => (p / 100) * (PAGE_CONTENT_PT.width - BORDER_PT)),
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

/** Characters no line begins with (closing brackets, punctuation, %): the one before goes down with them. */
const NO_START = new Set([...')]}）］｝】」』〉》〕〗〙〛”’，。、；：！？,.;:!?%‰℃…—・·'].map((c) => c.codePointAt(0)!));
/** Characters no line ends with (opening brackets): they go down with the one after. */
const NO_END = new Set([...'([{（［｛【「『〈《〔〖〘〚“‘'].map((c) => c.codePointAt(0)!));
/** Quotation marks, around which a line may not break (UAX #14 QU). */
const QUOTES = new Set([...'"\'“”‘’'].map((c) => c.codePointAt(0)!));
const isAsciiWord = (c: number) => c > 0x20 && c < 0x7f;
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Width of a character in em, at least that of its glyph in Noto Serif CJK SC, regular or bold
 * (measured in Chromium: digits 0.55/0.59, W 1.05/1.09, № 1.09/1.14): digits and the space 0.6,
 * narrow letters and signs 0.7, capitals 0.9, M W m w @ % & 1.1, any other character a full em
 * (CJK, full-width punctuation, “” …), letterlike symbols (№) 1.2.
 */
function charEm(c: number): number {
  if (c >= 0x80) return c >= 0x2100 && c < 0x2150 ? 1.2 : 1;
  if (c === 0x20 || (c >= 0x30 && c <= 0x39) || '.,:;!|\'"()[]{}-_/\\`'.includes(String.fromCharCode(c))) return 0.6;
  if ('MWmw@%&'.includes(String.fromCharCode(c))) return 1.1;
  if (c >= 0x41 && c <= 0x5a) return 0.9;
  return 0.7;
}

/**
 * Lines a text takes in a box `width` pt wide. Lines break where the browser may break them and
 * nowhere else it might refuse: between CJK characters, after a space, not inside a run of
 * ASCII letters and digits, not before closing or after opening punctuation, not beside a
 * quotation mark. With fewer places to break and wider glyphs, greedy filling never gives fewer
 * lines than Chromium; a run longer than a line is bounded apart (below).
 */
export function wrapLines(text: string, width: number, fontPt: number): number {
  if (!text) return 1;
  const room = Math.max(width - WIDTH_SLACK_PT, 2 * fontPt);
  const codes = [...text].map((ch) => ch.codePointAt(0)!);
  let lines = 1;
  let x = 0;
  for (let i = 0; i < codes.length; ) {
    // One unit: the characters up to the next place a line may break.
    let j = i + 1;
    while (j < codes.length) {
      const a = codes[j - 1]!;
      const b = codes[j]!;
      const glued = b === 0x20 || NO_START.has(b) || NO_END.has(a) || QUOTES.has(a) || QUOTES.has(b) || (isAsciiWord(a) && isAsciiWord(b));
      if (!glued) break;
      j++;
    }
    let w = 0;
    for (let k = i; k < j; k++) w += charEm(codes[k]!) * fontPt;
    if (x + w <= room) x += w;
    else if (w <= room) {
      lines++;
      x = w;
    } else {
      // Longer than a line (`overflow-wrap: anywhere` breaks it only where a line has no other
      // place): it starts a line, fills lines, and may break early at each place inside that is
      // not between two ASCII letters or digits (after a hyphen, a slash…), each early break
      // wasting less than a line. Bounded by all of these, its last line taken as full.
      if (x > 0) lines++;
      let places = 0;
      for (let k = i + 1; k < j; k++) if (!(isAlnum(codes[k - 1]!) && isAlnum(codes[k]!))) places++;
      lines += Math.ceil(w / room) - 1 + places;
      x = room;
    }
    i = j;
  }
  return lines;
}

/** Left padding of a name cell by depth (packet.css `td.d1`…), plus the right padding. */
const indentPt = (depth: number) => [2, 8, 14, 20, 20][Math.min(depth, 4)]! + 2;

export function rowHeightPt(g: PrintGeometry, texts: readonly CellText[]): number {
  let lines = 1;
  for (const t of texts) lines = Math.max(lines, wrapLines(t.text, (g.widths[t.col] ?? 0) - indentPt(t.depth) - BORDER_PT, g.fontPt));
  return lines * g.fontPt * 1.25 + g.padPt + BORDER_PT;
}

/**
 * The header rows as headerHtml lays them out: a group label over its leaves, a leaf's label
 * down to the last label row, then (if numbered) the row of column numbers.
 */
export function headerHeightPt(g: PrintGeometry, leaves: readonly HeaderLeaf[], numbered: boolean): number {
  const depth = Math.max(...leaves.map((l) => l.path.length));
  const line = g.fontPt * 1.25;
  const cell = (lines: number) => lines * line + 2 + BORDER_PT;
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
        const need = cell(wrapLines(path[level]!, g.widths[i]! - 4 - BORDER_PT, g.fontPt));
        if (depth - level === 1) rows[level] = Math.max(rows[level]!, need);
        else spans.push({ from: level, need });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < leaves.length && leaves[j]!.path.length - 1 > level && leaves[j]!.path.slice(0, level + 1).join('\u0000') === path.slice(0, level + 1).join('\u0000')) j++;
      const width = g.widths.slice(i, j).reduce((a, b) => a + b, 0);
      rows[level] = Math.max(rows[level]!, cell(wrapLines(path[level]!, width - 4 - BORDER_PT, g.fontPt)));
      i = j;
    }
  }
  // A label spanning down several rows makes the last of them taller if the rows above are not enough.
  for (const s of spans) {
    const have = rows.slice(s.from).reduce((a, b) => a + b, 0);
    if (have < s.need) rows[depth - 1] = rows[depth - 1]! + (s.need - have);
  }
  return rows.reduce((a, b) => a + b, 0) + (numbered ? cell(1) : 0);
}
