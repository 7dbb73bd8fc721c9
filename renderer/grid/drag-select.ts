import { type RefObject, useEffect } from 'react';
import type { GridModel } from './model';
import type { CellRange, Pos, Rect } from './selection';
import { type ShownRows, shownIndexOfAttr } from './shown-rows';

/**
 * The mouse as in Excel (AG Grid Community has neither): a drag over cells selects the block, the
 * focus staying where the button went down; the fill handle (the square at the block's lower right
 * corner) dragged down, up, left or right repeats the block over the cells it reaches. Esc with the
 * button still down drops a fill (nothing is filled on release) and ends a selection where it is.
 */
export interface DragSelectDeps {
  wrap: RefObject<HTMLDivElement | null>;
  shown: RefObject<ShownRows>;
  model: RefObject<GridModel>;
  range: RefObject<CellRange>;
  /** Changes the block and paints it. */
  setRange: (apply: () => void) => void;
  /** The fill handle let go: `source` repeated over `target` (which holds it). */
  fill: (source: Rect, target: Rect) => void;
  /** Shows (or, with null, clears) the cells a fill of `source` over `target` would change. */
  previewFill: (fill: { source: Rect; target: Rect } | null) => void;
}

/** How close to a corner cell's lower right corner (CSS px) a press takes the fill handle. */
const HANDLE_PX = 8;
/** While the pointer is above or below the rows (or left or right of the columns), they scroll this often (by `scrollStep`). */
const SCROLL_MS = 50;

/**
 * How far the rows scroll per tick with the pointer `beyond` CSS px past their top or bottom edge
 * (and the columns, past their left or right edge): about one row just past it, faster the further
 * out (Excel): a block of thousands of rows is reached in seconds, not minutes (a fixed step went
 * ~22 rows a second); a wide table's last columns in a second or two.
 */
export function scrollStep(beyond: number): number {
  if (beyond <= 0) return 0;
  return Math.round(Math.min(28 * 2 ** (beyond / 30), 2400));
}

/** The block a fill handle dragged from `source` to `p` covers: grown along the axis the pointer left it furthest. */
export function fillTarget(source: Rect, p: Pos): Rect {
  const down = p.row - source.bottom;
  const up = source.top - p.row;
  const right = p.col - source.right;
  const left = source.left - p.col;
  const vertical = Math.max(down, up);
  const horizontal = Math.max(right, left);
  if (vertical <= 0 && horizontal <= 0) return source;
  if (vertical >= horizontal) return down > 0 ? { ...source, bottom: p.row } : { ...source, top: p.row };
  return right > 0 ? { ...source, right: p.col } : { ...source, left: p.col };
}

/** Which way a fill of `source` over `target` grows (fillTarget grows it one way only); null while it covers the source alone. */
export function fillAxis(source: Rect, target: Rect): 'vertical' | 'sideways' | null {
  if (target.top !== source.top || target.bottom !== source.bottom) return 'vertical';
  if (target.left !== source.left || target.right !== source.right) return 'sideways';
  return null;
}

export function useDragSelect(deps: DragSelectDeps): void {
  useEffect(() => {
    const el = deps.wrap.current;
    if (!el) return;
    const cellPos = (cell: Element | null | undefined): Pos | null => {
      const rowEl = cell?.closest('.ag-row[row-index]');
      if (!cell || !rowEl || !el.contains(cell)) return null;
      const row = shownIndexOfAttr(deps.shown.current, rowEl.getAttribute('row-index') ?? '');
      const col = deps.model.current.allCols.indexOf(cell.getAttribute('col-id') ?? '');
      return Number.isInteger(row) && row >= 0 && col >= 0 ? { row, col } : null;
    };
    /**
     * The grid's scrolling box (AG Grid 36: headers and the pinned code/name columns sticky inside it)
     * and where its rows show: below the header, above the scroll bar, left of the vertical one;
     * `scrolled`: the left edge of the columns that scroll sideways (right of the pinned ones).
     */
    const rowsArea = () => {
      const v = el.querySelector<HTMLElement>('.ag-grid-viewport');
      if (!v) return null;
      const r = v.getBoundingClientRect();
      const top = el.querySelector('.ag-header')?.getBoundingClientRect().bottom ?? r.top;
      // The grid draws its own scroll bars inside the box (a horizontal one not needed is kept, invisible).
      const hbar = el.querySelector('.ag-body-horizontal-scroll:not(.ag-invisible)')?.getBoundingClientRect();
      const vbar = el.querySelector('.ag-body-vertical-scroll')?.getBoundingClientRect();
      const bottom = Math.min(r.top + v.clientHeight, hbar && hbar.height > 0 ? hbar.top : Infinity);
      const right = Math.min(r.left + v.clientWidth, vbar && vbar.width > 0 ? vbar.left : Infinity);
      const pinned = el.querySelector('.ag-cell-last-left-pinned')?.getBoundingClientRect().right;
      const scrolled = pinned !== undefined && pinned > r.left && pinned < right ? pinned : r.left;
      return { v, left: r.left, right, top, bottom, scrolled };
    };
    /**
     * The cell under a point, the point kept within the rows (a drag past their edge reaches the edge's
     * cell). A drag begun right of the pinned columns, over them while the columns are scrolled, reaches
     * the first column scrolled into view (they scroll back first, as over Excel's frozen panes).
     */
    const posAt = (x: number, y: number): Pos | null => {
      const a = rowsArea();
      const left = a && !fromPinned && a.v.scrollLeft > 0 ? a.scrolled : a?.left;
      const cx = a && left !== undefined ? Math.min(Math.max(x, left + 2), a.right - 2) : x;
      const cy = a ? Math.min(Math.max(y, a.top + 2), a.bottom - 2) : y;
      return cellPos(document.elementFromPoint(cx, cy)?.closest('.ag-cell[col-id]'));
    };

    // 'dropped': a fill handle drag Esc cancelled, the button not yet released.
    let drag: { mode: 'select'; start: Pos; last: Pos } | { mode: 'fill'; source: Rect; target: Rect } | { mode: 'dropped' } | null = null;
    let at = { x: 0, y: 0 };
    /** The press was on the pinned code/name columns: moving left over them does not scroll the other columns back. */
    let fromPinned = false;
    let timer: ReturnType<typeof setInterval> | undefined;

    const follow = () => {
      if (!drag || drag.mode === 'dropped') return;
      const p = posAt(at.x, at.y);
      if (!p) return;
      if (drag.mode === 'select') {
        if (p.row === drag.last.row && p.col === drag.last.col) return;
        drag.last = p;
        const start = drag.start;
        deps.setRange(() => deps.range.current.span(p, start));
        return;
      }
      const target = fillTarget(drag.source, p);
      const t = drag.target;
      if (target.top === t.top && target.bottom === t.bottom && target.left === t.left && target.right === t.right) return;
      drag.target = target;
      deps.previewFill(target === drag.source ? null : { source: drag.source, target });
    };
    const scroll = () => {
      const a = rowsArea();
      if (!a) return;
      // A fill grows along one axis: held past a corner, the grid scrolls along that axis alone, so
      // the cells being filled stay in view (scrolled sideways too, a downward fill's column left it).
      const axis = drag?.mode === 'fill' ? fillAxis(drag.source, drag.target) : null;
      const down = axis === 'sideways' ? 0 : at.y > a.bottom ? scrollStep(at.y - a.bottom) : at.y < a.top ? -scrollStep(a.top - at.y) : 0;
      // Sideways the same way: past the right edge, or left of the scrolled columns (over the pinned ones, or out of the grid).
      const edge = fromPinned ? a.left : a.scrolled;
      const right = axis === 'vertical' ? 0 : at.x > a.right ? scrollStep(at.x - a.right) : at.x < edge ? -scrollStep(edge - at.x) : 0;
      const top = a.v.scrollTop;
      const left = a.v.scrollLeft;
      if (down !== 0) a.v.scrollTop += down;
      if (right !== 0) a.v.scrollLeft += right;
      if (a.v.scrollTop === top && a.v.scrollLeft === left) return;
      follow();
    };
    const stopScrolling = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    /** The drag ends; `apply`: a fill handle let go fills (not when the grid goes away mid-drag). */
    const stop = (apply = true) => {
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('keydown', onKey, true);
      stopScrolling();
      const d = drag;
      drag = null;
      if (d?.mode === 'fill') deps.previewFill(null);
      if (!apply || !d || d.mode === 'select') return;
      if (d.mode === 'fill' && d.target !== d.source) deps.fill(d.source, d.target);
      // The click that ends the press is the handle's, not the cell's: the grid would move the focus and the block to it.
      const swallow = (c: MouseEvent) => c.stopPropagation();
      window.addEventListener('click', swallow, true);
      setTimeout(() => window.removeEventListener('click', swallow, true), 0);
    };
    /** Esc, the button still down (Excel): a fill is dropped, its release then filling nothing; a selection ends, the block as dragged so far. */
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !drag || drag.mode === 'dropped') return;
      e.preventDefault();
      e.stopPropagation();
      if (drag.mode === 'select') {
        stop();
        return;
      }
      // Kept until the release: its click is the handle's too (swallowed in stop).
      deps.previewFill(null);
      stopScrolling();
      drag = { mode: 'dropped' };
    };
    const onMove = (e: PointerEvent) => {
      if ((e.buttons & 1) === 0) {
        stop();
        return;
      }
      at = { x: e.clientX, y: e.clientY };
      follow();
    };
    const onUp = (e: PointerEvent) => {
      at = { x: e.clientX, y: e.clientY };
      follow();
      stop();
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || drag) return;
      const cell = (e.target as Element | null)?.closest?.('.ag-cell[col-id]');
      if (!cell || cell.classList.contains('ag-cell-inline-editing')) return;
      const p = cellPos(cell);
      if (!p) return;
      at = { x: e.clientX, y: e.clientY };
      const a = rowsArea();
      fromPinned = a !== null && e.clientX < a.scrolled;
      const box = cell.getBoundingClientRect();
      if (cell.classList.contains('cell-fill-corner') && box.right - e.clientX <= HANDLE_PX && box.bottom - e.clientY <= HANDLE_PX) {
        // The grid must not take this press as a click on the cell: the focus and the block stay.
        e.preventDefault();
        e.stopPropagation();
        const source = deps.range.current.rect;
        drag = { mode: 'fill', source, target: source };
      } else {
        // A press is a click first: the block goes, even on the cell that has the focus (which
        // reports no new focus), so a Delete after it clears that cell alone, as in Excel.
        drag = { mode: 'select', start: p, last: p };
        deps.setRange(() => deps.range.current.collapse(p));
      }
      window.addEventListener('pointermove', onMove, true);
      window.addEventListener('pointerup', onUp, true);
      window.addEventListener('keydown', onKey, true);
      timer = setInterval(scroll, SCROLL_MS);
    };
    el.addEventListener('pointerdown', onDown, true);
    return () => {
      el.removeEventListener('pointerdown', onDown, true);
      stop(false);
    };
    // The refs and callbacks are stable (refs, or callbacks kept current through refs).
  }, [deps.wrap, deps.shown, deps.model, deps.range, deps.setRange, deps.fill, deps.previewFill]);
}
