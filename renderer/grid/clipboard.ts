import { type AmountUnit, parseAmount } from '../../shared/money';
import type { CellEdit } from '../state/store';

/**
 * Copy and paste of cell blocks as tab-separated text, the format Excel and WPS put on the
 * clipboard. Planning a paste is pure so it can be tested without a grid.
 */

/** Split clipboard text into rows and cells; the trailing newline Excel adds is not a row. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((l) => l.split('\t').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
}

/** Every row ends with CRLF, as Excel writes it: a blank last row (or a blank cell) is still a row. */
export function toTsv(block: string[][]): string {
  return block.map((r) => `${r.join('\t')}\r\n`).join('');
}

/** An accounting negative as Excel shows and copies it, “(1,234.00)” or “（1,234.00）”, as -1,234.00. */
export function accountingNegative(value: string): string {
  const m = /^[(（]\s*([^()（）]*?)\s*[)）]$/.exec(value);
  return m && m[1] !== '' && !m[1]!.startsWith('-') ? `-${m[1]}` : value;
}

/** What the grid says about one of its cells, for the planner. */
export interface TargetCell {
  /** The table cell, or null where the grid column is not an amount (codes, names). */
  table: number;
  row: string;
  col: string | null;
  entered: boolean;
  /** How people read the place: “表2 第3行（201 一般公共服务支出）第5栏”. */
  label: string;
}

export interface PasteArea {
  top: number;
  left: number;
  /** Selected block size; a single copied value fills a larger selection. */
  height: number;
  width: number;
  rowCount: number;
  colCount: number;
  cellAt(row: number, col: number): TargetCell;
}

export type PastePlan = { ok: true; edits: CellEdit[]; rows: number; cols: number } | { ok: false; reason: string };

/** Rows of clipboard text (the trailing newline Excel adds is not a row), counted without splitting it. */
export function tsvRowCount(text: string): number {
  let rows = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  // A lone CR ends a row too (old Mac text); CRLF was counted by its LF.
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') rows++;
  return rows > 1 && /\r\n?$|\n$/.test(text) ? rows - 1 : rows;
}

const widest = (block: readonly string[][]) => block.reduce((w, r) => Math.max(w, r.length), 0);

export function planPaste(text: string, area: PasteArea, unit: AmountUnit): PastePlan {
  // More rows than the table has room for is refused before the text is split: a whole worksheet
  // column copied (a million lines) would otherwise hold the window, and worse.
  const roomRows = area.rowCount - area.top;
  const lines = tsvRowCount(text);
  if (lines > roomRows) {
    return { ok: false, reason: `粘贴的数据有 ${lines} 行，从所选单元格起表格只剩 ${roomRows} 行，超出了表格范围，未粘贴` };
  }
  let block = parseTsv(text);
  // Nothing at all; blank cells copied (a row or cell terminator, a tab) clear the cells pasted on.
  if (block.length === 0 || (!/[\r\n\t]/.test(text) && text.trim() === '')) {
    return { ok: false, reason: '剪贴板中没有可粘贴的内容' };
  }
  // A block that fits a larger selection a whole number of times is repeated over it (Excel); one value fills it.
  const height = block.length;
  const width = widest(block);
  if ((area.height > height || area.width > width) && area.height % height === 0 && area.width % width === 0) {
    const tile = block;
    block = Array.from({ length: area.height }, (_, r) => Array.from({ length: area.width }, (_, c) => tile[r % height]![c % width] ?? ''));
  }
  const rows = block.length;
  const cols = widest(block);
  const roomCols = area.colCount - area.left;
  if (rows > roomRows || cols > roomCols) {
    return {
      ok: false,
      reason: `粘贴的数据有 ${rows} 行 ${cols} 列，从所选单元格起表格只剩 ${roomRows} 行 ${roomCols} 列，超出了表格范围，未粘贴`,
    };
  }
  const edits: CellEdit[] = [];
  const blocked: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = block[r]![c] ?? '';
      const cell = area.cellAt(area.top + r, area.left + c);
      if (cell.col === null || !cell.entered) {
        blocked.push(cell.label);
        continue;
      }
      const amount = accountingNegative(value);
      const parsed = parseAmount(amount, unit);
      if (!parsed.ok) return { ok: false, reason: `${cell.label}：${parsed.reason}，未粘贴` };
      edits.push({ table: cell.table, row: cell.row, col: cell.col, text: amount });
    }
  }
  if (blocked.length > 0) {
    const more = blocked.length > 3 ? ` 等 ${blocked.length} 个单元格` : '';
    return { ok: false, reason: `粘贴区域包含不能录入的单元格（计算得出或非金额栏）：${blocked.slice(0, 3).join('、')}${more}，未粘贴` };
  }
  return { ok: true, edits, rows, cols };
}
