import type { GridApi, IRowNode } from 'ag-grid-community';
import { unfoldedRows } from '../../shared/views/outline';
import type { GridRow } from './model';

/**
 * The rows the grid shows, in one index space: the 总计/合计 rows pinned at the top first
 * (AG Grid's pinned rows, indexed apart from the body), then the body rows not hidden under a
 * folded 类/款. Selections, paste, fill and Home/End count rows in this space.
 */
export interface ShownRows {
  /** Pinned rows then body rows. */
  all: GridRow[];
  pinnedCount: number;
  /** What the grid is given: pinned top rows, and the body rows. */
  pinned: GridRow[];
  body: GridRow[];
  /** Row id → index in `all`. */
  index: Map<string, number>;
}

/** `pin`: keep the leading total rows at the top (single-sided tables; 表1/表4 print totals last). */
export function shownRows(rows: readonly GridRow[], folded: ReadonlySet<string>, pin: boolean): ShownRows {
  const all = unfoldedRows(rows, folded);
  let pinnedCount = 0;
  if (pin) while (pinnedCount < all.length && all[pinnedCount]!.level === 'total') pinnedCount++;
  return { all, pinnedCount, pinned: all.slice(0, pinnedCount), body: all.slice(pinnedCount), index: new Map(all.map((r, i) => [r.id, i])) };
}

/** An edited row in place of its old object; the grid row node to give it to, if shown. */
export function replaceRow(api: GridApi<GridRow>, s: ShownRows, row: GridRow): IRowNode<GridRow> | undefined {
  const i = s.index.get(row.id);
  if (i === undefined) return undefined;
  s.all[i] = row;
  if (i < s.pinnedCount) {
    s.pinned[i] = row;
    return api.getPinnedTopRow(i);
  }
  s.body[i - s.pinnedCount] = row;
  return api.getRowNode(row.id);
}

/** Index in `all` of a grid position (a pinned row's index counts from the top of the pinned rows). */
export function shownIndex(s: ShownRows, rowIndex: number, pinned: string | null | undefined): number {
  return pinned === 'top' ? rowIndex : rowIndex + s.pinnedCount;
}

/** Index in `all` of a rendered row element's `row-index` attribute (`t-0` for the first pinned row). */
export function shownIndexOfAttr(s: ShownRows, attr: string): number {
  return attr.startsWith('t-') ? Number(attr.slice(2)) : Number(attr) + s.pinnedCount;
}

/** The `row-index` attribute of the rendered row at index `i` of `all` (the inverse of `shownIndexOfAttr`). */
export function rowIndexAttr(s: ShownRows, i: number): string {
  return i < s.pinnedCount ? `t-${i}` : String(i - s.pinnedCount);
}

export function nodeAt(api: GridApi<GridRow>, s: ShownRows, i: number): IRowNode<GridRow> | undefined {
  return i < s.pinnedCount ? api.getPinnedTopRow(i) : api.getDisplayedRowAtIndex(i - s.pinnedCount);
}

/** Focus a cell by its index in `all`, scrolling a body row into view. */
export function focusAt(api: GridApi<GridRow>, s: ShownRows, i: number, colId: string, position?: 'middle'): void {
  // The focus alone does not scroll sideways to a column out of view (Ctrl+End in a wide table).
  api.ensureColumnVisible(colId);
  if (i < s.pinnedCount) {
    api.setFocusedCell(i, colId, 'top');
    return;
  }
  api.ensureIndexVisible(i - s.pinnedCount, position ?? null);
  api.setFocusedCell(i - s.pinnedCount, colId);
}
