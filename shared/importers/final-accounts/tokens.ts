import { AMOUNT_TOKEN, amountToFen } from '../shanghai/amounts';

/** A piece of a line and the character column it starts at (positions matter in a laid-out text). */
export interface Token {
  text: string;
  x: number;
}

export interface Line {
  text: string;
  /** 1-based line number in the file, for warnings. */
  line: number;
}

/** The line's whitespace-separated pieces with their columns. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ text: m[0], x: m.index ?? 0 });
  return out;
}

export const isAmount = (t: string): boolean => AMOUNT_TOKEN.test(t);

/** Middle of a token, in columns: where a centred or right-aligned cell is best compared. */
export const centre = (t: Token): number => t.x + t.text.length / 2;

/**
 * Whether a text keeps positions (`pdftotext -layout`, or this program's PDF reading): most
 * table lines there separate their cells by runs of spaces; a re-typed text separates by one.
 */
export function isLaidOut(lines: readonly Line[]): boolean {
  const body = lines.filter((l) => l.text.trim() !== '');
  if (body.length === 0) return false;
  const wide = body.filter((l) => /\S {3,}\S/.test(l.text) || /^ {3,}\S/.test(l.text)).length;
  return wide * 3 >= body.length;
}

/** Squashed text of a label: no spaces, no leading 一、/1./（一）numbering. */
export function bareLabel(text: string): string {
  return text.replace(/\s+/g, '').replace(/^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d))/, '');
}

/** Nearest of the column centres to `x` (index). */
export function nearestColumn(centres: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < centres.length; i++) if (Math.abs(centres[i]! - x) < Math.abs(centres[best]! - x)) best = i;
  return best;
}

/**
 * Column centres from a table's header, when every amount column's name (or its first
 * characters, as a wrapped header prints them) stands in it, left to right; `minX` keeps to the
 * right side of a two-sided table.
 */
export function columnCentres(columns: ReadonlyArray<{ name: string }>, header: readonly Line[], minX = 0): number[] | undefined {
  const toks = header.flatMap((l) => tokens(l.text).filter((x) => !isAmount(x.text) && x.x >= minX));
  const used = new Set<Token>();
  const out: number[] = [];
  for (const c of columns) {
    let found: Token | undefined;
    for (let n = c.name.length; n >= 2 && !found; n--) {
      const prefix = c.name.slice(0, n);
      // A shorter name that the token also begins (项目 of 项目支出) is not this column's.
      found = toks.find((x) => !used.has(x) && x.text.startsWith(prefix) && !columns.some((o) => o !== c && o.name.length < c.name.length && x.text.startsWith(o.name)));
    }
    if (!found) return undefined;
    used.add(found);
    out.push(centre(found));
  }
  return out.every((x, i) => i === 0 || x > out[i - 1]!) ? out : undefined;
}

/** A printed amount in hundredths of its printed unit: the unit the column placement's rounding tolerance (2) is in. */
export const printedCents = (text: string): number => amountToFen(text, '元');
