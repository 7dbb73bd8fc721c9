import type { DataLine } from './body';
import { amountCents, isAmount, isIntegerAmount } from './tokens';

/** A table row as printed: code parts, text cells, and amounts (with their column when the text kept it). */
export interface RawRow {
  line: number;
  codes: string[];
  texts: string[];
  amounts: number[];
  known?: Array<string | undefined>;
  /** Cells that were neither code, text position nor amount (e.g. `12.3.4`). */
  oddCells: string[];
  /** Tab rows: cell index of each text, so a wrapped cell joins its own column. */
  textAt?: number[];
}

/** A wrapped piece of a cell is short; a long text or a sentence is something else printed under the table. */
function isFragment(r: RawRow): boolean {
  const t = r.texts.join('');
  return t.length > 0 && t.length <= 40 && !/[。；]/.test(t);
}

/** Join a wrapped fragment row into the row it belongs to, cell by cell where positions are known. */
function joinFragment(into: RawRow, frag: RawRow, before: boolean): void {
  if (into.textAt && frag.textAt) {
    frag.texts.forEach((t, k) => {
      const at = frag.textAt![k]!;
      const i = into.textAt!.indexOf(at);
      if (i >= 0) into.texts[i] = before ? t + into.texts[i]! : into.texts[i]! + t;
      else {
        const pos = into.textAt!.findIndex((x) => x > at);
        const where = pos < 0 ? into.texts.length : pos;
        into.texts.splice(where, 0, t);
        into.textAt!.splice(where, 0, at);
      }
    });
    return;
  }
  const t = frag.texts.join('');
  if (into.texts.length === 0) into.texts.push(t);
  else if (before) into.texts[0] = t + into.texts[0]!;
  else into.texts[into.texts.length - 1] += t;
}

/** Column layout of a tab-separated table, read from its `※ ※ 1 2 3` row. */
export interface TabColumns {
  /** Cell index → printed column number, for amount cells. */
  numberAt: Map<number, string>;
  /** Cell indexes of code/name cells (marked ※). */
  labelAt: number[];
}

export function tabColumns(markerCells: readonly string[]): TabColumns {
  const numberAt = new Map<number, string>();
  const labelAt: number[] = [];
  markerCells.forEach((c, i) => {
    if (c === '※' || c === '*') labelAt.push(i);
    else if (/^\d{1,2}$/.test(c)) numberAt.set(i, c);
  });
  return { numberAt, labelAt };
}

const CODE_TOKEN = /^\d{2,3}$|^\d{5}$|^\d{7}$/;

/** Split joined codes (`2010302` → `201 03 02`). */
function codeParts(token: string): string[] {
  if (token.length === 5) return [token.slice(0, 3), token.slice(3)];
  if (token.length === 7) return [token.slice(0, 3), token.slice(3, 5), token.slice(5)];
  return [token];
}

/** Leading code tokens: a 3-digit 类 then 2-digit parts, or one joined code. */
function leadingCodes(tokens: readonly string[], maxParts: number): { codes: string[]; rest: number } {
  const codes: string[] = [];
  let i = 0;
  if (maxParts === 0) return { codes, rest: 0 };
  const first = tokens[0];
  if (first && /^\d{3}$|^\d{5}$|^\d{7}$/.test(first) && tokens.length > 0) {
    codes.push(...codeParts(first));
    i = 1;
    while (i < tokens.length && codes.length < maxParts && /^\d{2}$/.test(tokens[i]!)) codes.push(tokens[i++]!);
  }
  return { codes: codes.slice(0, maxParts), rest: i };
}

function fromTokens(line: DataLine, tokens: readonly string[], maxParts: number): RawRow {
  const { codes, rest } = leadingCodes(tokens, maxParts);
  let end = tokens.length;
  while (end > rest && isAmount(tokens[end - 1]!)) end--;
  const texts = tokens.slice(rest, end);
  const amounts = tokens.slice(end).map(amountCents);
  return { line: line.no, codes, texts: texts.length ? [texts.join(' ')] : [], amounts, oddCells: [] };
}

function fromCells(line: DataLine, cells: readonly string[], cols: TabColumns, maxParts: number): RawRow {
  const row: RawRow = { line: line.no, codes: [], texts: [], amounts: [], known: [], oddCells: [], textAt: [] };
  cells.forEach((raw, i) => {
    let cell = raw;
    if (cell === '') return;
    // Codes printed in one cell with each other or with the name: `201 03 02`, `02 一般行政管理事务`.
    if (!cols.numberAt.has(i) && row.texts.length === 0) {
      let m = /^(\d{2,3})(?:\s+|$)/.exec(cell);
      while (m && row.codes.length < maxParts && (row.codes.length > 0 || m[1]!.length === 3 || cell !== raw)) {
        row.codes.push(m[1]!);
        cell = cell.slice(m[0].length);
        m = /^(\d{2})(?:\s+|$)/.exec(cell);
      }
      if (cell === '') return;
    }
    const col = cols.numberAt.get(i);
    if (col !== undefined) {
      if (isAmount(cell) || isIntegerAmount(cell)) {
        // In a numbered column an integer is an amount too (some packets print `15` for 15.00).
        row.amounts.push(amountCents(isAmount(cell) ? cell : `${cell}.00`));
        row.known!.push(col);
      } else if (/^-+$|^—+$/.test(cell)) {
        // a dash is an empty cell
      } else row.oddCells.push(cell);
      return;
    }
    if (row.texts.length === 0 && row.codes.length < maxParts && CODE_TOKEN.test(cell)) row.codes.push(...codeParts(cell));
    else if (isAmount(cell) && i > Math.max(...cols.labelAt)) {
      row.amounts.push(amountCents(cell));
      row.known!.push(undefined);
    } else {
      row.texts.push(cell);
      row.textAt!.push(i);
    }
  });
  return row;
}

/**
 * Rows of a hierarchical table. Tab-separated lines are one row each with known columns;
 * space-separated ones are joined when a PDF wrapped a long name over lines
 * (`208 05 05` / `机关事业单位基本养老保险缴` / `费支出` / `22.06 22.06 22.06`).
 */
export function rawRows(data: readonly DataLine[], tab: TabColumns | undefined, maxParts: number): RawRow[] {
  const rows: RawRow[] = [];
  let pending: RawRow | undefined;
  // Rows whose name began on the line above: the next text-only line is their name's tail.
  const headed = new Set<RawRow>();
  const flush = (next?: RawRow) => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    if (p.codes.length === 0 && p.amounts.length === 0 && isFragment(p)) {
      // Text alone: the head of the next row's wrapped name when that row prints none of its own
      // there (a PDF centres the row's numbers between the lines of a wrapped cell), else the tail
      // of the previous row's.
      if (next && (next.texts.length === 0 || (p.textAt && next.textAt && p.textAt.some((x) => !next.textAt!.includes(x))))) {
        joinFragment(next, p, true);
        headed.add(next);
        return;
      }
      const prev = rows[rows.length - 1];
      if (prev && (prev.texts.length > 0 || prev.codes.length > 0)) {
        joinFragment(prev, p, false);
        return;
      }
    }
    rows.push(p);
  };
  for (const line of data) {
    if (tab && line.cells) {
      const r = fromCells(line, line.cells, tab, maxParts);
      if (r.codes.length === 0 && r.amounts.length === 0 && r.oddCells.length === 0) {
        const last = rows[rows.length - 1];
        if (!pending && last && headed.has(last) && isFragment(r)) {
          joinFragment(last, r, false);
          headed.delete(last);
        } else if (pending && isFragment(r) && isFragment(pending)) joinFragment(pending, r, false);
        else if (pending) {
          flush();
          pending = r;
        }
        else pending = r;
        continue;
      }
      flush(r);
      rows.push(r);
      continue;
    }
    const tokens = line.text.split(/\s+/).filter(Boolean);
    const r = fromTokens(line, tokens, maxParts);
    if (r.codes.length > 0) {
      flush(r);
      pending = r;
    } else if (pending && pending.amounts.length === 0) {
      // One concatenation per line (not a re-join of everything so far: that is quadratic).
      const head = pending.texts.length > 1 ? pending.texts.join('') : (pending.texts[0] ?? '');
      const joined = head + r.texts.join('');
      pending.texts = joined ? [joined] : [];
      pending.amounts = r.amounts;
    } else {
      flush();
      pending = r;
    }
    if (pending && pending.amounts.length > 0) flush();
  }
  flush();
  return rows.map((r) => (r.known?.every((k) => k === undefined) ? { ...r, known: undefined } : r));
}
