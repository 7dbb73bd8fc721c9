import { displayWidth } from '../../shared/exporters/workbook/text-width';
import type { ColSpec } from './model';

/**
 * The header rows' heights, worked out from the headers' text instead of measured by the grid.
 * AG Grid's `autoHeaderHeight` measures each header cell as the grid is made: it toggles a class
 * and reads the cell's height while the rows are being added, a forced layout of the page each,
 * about a third of showing a table (~150 ms of the ~480 ms 表2 took, whatever its size). Here the
 * text is measured on a canvas (no layout) and wrapped as the header wraps it. The grid has one
 * height for all group rows, so a table whose group rows differ gets its tallest for each. The
 * grid checks its headers once painted (`headersOverflow`) and measures them all if one does not
 * fit, as it does once the user resizes a column (`measureAll` in colDefs).
 */

/** Horizontal padding of a header cell: 8 px each side in the theme. */
const PAD_X = 16;
/** Padding around a header's lines and a group row's border: the grid measured 27 px for one line, 44 for two, 62 for three (lines of 17). */
const PAD_Y = 11;
/** The theme's header row height: one line. */
export const MIN_HEADER = 28;
/** Slack for the canvas and the page rounding a text's width differently. */
const SLACK = 0.5;

/** A header font's measures: one line's width of a text, and its line height, in px. */
export interface HeaderFont {
  width(text: string): number;
  lineHeight: number;
}

/** A group's width: its columns' (the grid sizes a group to its children). */
export function specWidth(s: ColSpec): number {
  return s.kind === 'group' ? s.children.reduce((w, c) => w + specWidth(c), 0) : s.width;
}

/** A character a CJK font sets an em wide (CJK, full-width, curly quotes: the canvas measures those half), as the workbook's column widths count it. */
const isWide = (ch: string) => displayWidth(ch) === 2;

/** `text`'s width with its em-wide characters at `em` px and the others at `narrow` px. */
function emWidth(text: string, em: number, narrow: number): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? em : narrow;
  return w;
}

/** Where a header may break: between CJK characters, at spaces; a run of other characters stays whole. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const ch of text) {
    if (isWide(ch) || ch === ' ') {
      if (run) out.push(run);
      run = '';
      out.push(ch);
    } else run += ch;
  }
  if (run) out.push(run);
  return out;
}

/** Lines `text` takes in a header cell `width` px wide. */
export function headerLines(text: string, width: number, font: HeaderFont): number {
  if (text.trim() === '') return 1;
  const room = Math.max(1, width - PAD_X + SLACK);
  let lines = 1;
  let used = 0;
  for (const p of pieces(text)) {
    const w = font.width(p);
    if (used > 0 && used + w > room) {
      lines++;
      used = p === ' ' ? 0 : w;
    } else used += w;
  }
  return lines;
}

/** A header row's height for `lines` lines (the page lays lines out on whole pixels). */
export function rowHeight(lines: number, font: HeaderFont): number {
  return lines <= 1 ? MIN_HEADER : Math.max(MIN_HEADER, lines * Math.ceil(font.lineHeight) + PAD_Y);
}

/** The column header row's height and the group rows' (one for all of them, as the grid has). */
export function headerHeights(specs: readonly ColSpec[], font: HeaderFont): { header: number; group: number } {
  let leaf = 1;
  let group = 1;
  const walk = (list: readonly ColSpec[]) => {
    for (const s of list) {
      const n = headerLines(s.header, specWidth(s), font);
      if (s.kind === 'group') {
        group = Math.max(group, n);
        walk(s.children);
      } else leaf = Math.max(leaf, n);
    }
  };
  walk(specs);
  return { header: rowHeight(leaf, font), group: rowHeight(group, font) };
}

/** Without a canvas: CJK and full-width characters an em wide, the rest 0.6 em; `normal` line height ~1.45 em. */
export function estimatedFont(px: number): HeaderFont {
  return { width: (text) => emWidth(text, px, 0.6 * px), lineHeight: 1.45 * px };
}

/**
 * `font` (a CSS font shorthand in px) measured on a canvas, each text once; never narrower than its
 * em-wide characters (a font still loading measures as a narrower fallback). The estimate where
 * there is no canvas.
 */
export function canvasFont(font: string, px: number): HeaderFont {
  const estimate = estimatedFont(px);
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return estimate;
  ctx.font = font;
  const m = ctx.measureText('国');
  // `normal` line height: the font's ascent + descent, each on whole pixels as the page lays them out.
  const lineHeight = Math.round(m.fontBoundingBoxAscent) + Math.round(m.fontBoundingBoxDescent) || estimate.lineHeight;
  const known = new Map<string, number>();
  return {
    lineHeight,
    width: (text) => {
      let w = known.get(text);
      if (w === undefined) {
        // The em-wide characters alone: the least the text takes in any CJK font.
        w = Math.max(ctx.measureText(text).width, emWidth(text, px, 0));
        known.set(text, w);
      }
      return w;
    },
  };
}

/** Whether a painted grid's header text is taller than its cell somewhere (the worked-out heights fell short). */
export function headersOverflow(root: ParentNode): boolean {
  for (const text of root.querySelectorAll<HTMLElement>('.ag-header-cell-text, .ag-header-group-text')) {
    const cell = text.closest<HTMLElement>('.ag-header-cell, .ag-header-group-cell');
    if (cell && text.scrollHeight > cell.clientHeight) return true;
  }
  return false;
}
