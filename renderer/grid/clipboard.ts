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

export function toTsv(block: string[][]): string {
  return block.map((r) => r.join('\t')).join('\r\n');
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

export function planPaste(text: string, area: PasteArea, unit: AmountUnit): PastePlan {
  let block = parseTsv(text);
  if (block.length === 0 || (block.length === 1 && block[0]!.length === 1 && block[0]![0] === '' && text.trim() === '')) {
    return { ok: false, reason: '剪贴板中没有可粘贴的内容' };
  }
  const single = block.length === 1 && block[0]!.length === 1;
  if (single && (area.height > 1 || area.width > 1)) {
    const v = block[0]![0]!;
    block = Array.from({ length: area.height }, () => Array.from({ length: area.width }, () => v));
  }
  const rows = block.length;
  const cols = Math.max(...block.map((r) => r.length));
  const roomRows = area.rowCount - area.top;
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
      const parsed = parseAmount(value, unit);
      if (!parsed.ok) return { ok: false, reason: `${cell.label}：${parsed.reason}，未粘贴` };
      edits.push({ table: cell.table, row: cell.row, col: cell.col, text: value });
    }
  }
  if (blocked.length > 0) {
    const more = blocked.length > 3 ? ` 等 ${blocked.length} 个单元格` : '';
    return { ok: false, reason: `粘贴区域包含不能录入的单元格（计算得出或非金额栏）：${blocked.slice(0, 3).join('、')}${more}，未粘贴` };
  }
  return { ok: true, edits, rows, cols };
}
