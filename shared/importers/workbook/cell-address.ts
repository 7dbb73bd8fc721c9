import type { GridMerge } from './grid';

/** Excel's last column (XFD) and row, 1-based. */
export const EXCEL_MAX_COLS = 16_384;
export const EXCEL_MAX_ROWS = 1_048_576;

/** Column letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** “D12” for 0-based row 11, column 3. */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** A range such as `A1:XFD1048576` (or one cell) as 0-based inclusive bounds; null when it is not one. */
export function parseRange(text: string): GridMerge | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(text.trim());
  if (!m) return null;
  const a = { col: columnIndex(m[1]!), row: Number(m[2]) - 1 };
  const b = m[3] ? { col: columnIndex(m[3]), row: Number(m[4]) - 1 } : a;
  if (a.row < 0 || b.row < 0) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** 0-based index of column letters: A → 0, XFD → 16383. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
