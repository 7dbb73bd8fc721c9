import type { MenuItem } from './CellMenu';

/** What the table page lets the grid's menu do with rows (TablePage knows the table's row set). */
export interface RowMenu {
  /** Why no row can be inserted in this table, or null. */
  insertWhy: string | null;
  insert(): void;
  /** Why the focused row (of this level) cannot be deleted, or null. */
  deleteWhy(level: string): string | null;
  delete(): void;
}

/** Why a row of this level is not one of the rows the user added (so 删除行 does not apply). */
export function summaryRowWhy(level: string): string | null {
  if (level === 'leaf') return null;
  if (level === 'total') return '总计行由各行相加得出，不能删除';
  if (level === 'class' || level === 'kuan') return '类、款行随其下的科目出现：删除其下各项后自动消失';
  if (level === 'unit') return '单位行随其下的项目出现：删除其下各项目后自动消失';
  return '此表的行是固定的，不能删除';
}

/**
 * The right-click menu of a cell, in the order Excel/WPS users expect: 复制, 粘贴, 插入行, 删除行, 批注.
 * Each item that does not apply here says why.
 */
export function cellMenuItems(c: {
  copy(): void;
  paste(): void;
  rows: RowMenu | undefined;
  level: string;
  /** Why this cell cannot carry a 批注, or null. */
  commentWhy: string | null;
  hasComment: boolean;
  comment(): void;
  removeComment(): void;
}): MenuItem[] {
  const noRows = '此页面的行是固定的';
  const items: MenuItem[] = [
    { id: 'copy', label: '复制', shortcut: 'Ctrl+C', run: c.copy },
    { id: 'paste', label: '粘贴', shortcut: 'Ctrl+V', run: c.paste },
    { id: 'insert-row', label: '插入行…', ...disabledBy(c.rows ? c.rows.insertWhy : noRows), run: () => c.rows?.insert() },
    { id: 'delete-row', label: '删除行', ...disabledBy(c.rows ? c.rows.deleteWhy(c.level) : noRows), run: () => c.rows?.delete() },
    { id: 'comment', label: c.hasComment ? '编辑批注…' : '批注…', shortcut: 'Shift+F2', ...disabledBy(c.commentWhy), run: c.comment },
  ];
  if (c.hasComment) items.push({ id: 'comment-delete', label: '删除批注', run: c.removeComment });
  return items;
}

function disabledBy(why: string | null): { disabled?: string } {
  return why ? { disabled: why } : {};
}
