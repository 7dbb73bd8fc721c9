/**
 * A rectangular cell range (AG Grid Community has no range selection): an anchor and a moving
 * end, both as (displayed row index, column index in display order).
 */
export interface Pos {
  row: number;
  col: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class CellRange {
  anchor: Pos = { row: -1, col: -1 };
  end: Pos = { row: -1, col: -1 };
  /** A block set whole (Ctrl+A, a fill handle's drag) with the focus (`end`) left where it was, as in Excel. */
  private whole: Rect | null = null;
  /** The corner of `whole` Shift+Arrow has moved (null: not yet, see `farCorner`). */
  private tip: Pos | null = null;

  collapse(p: Pos): void {
    this.whole = null;
    this.tip = null;
    this.anchor = { ...p };
    this.end = { ...p };
  }

  extendTo(p: Pos): void {
    this.whole = null;
    this.tip = null;
    if (this.anchor.row < 0) this.anchor = { ...p };
    this.end = { ...p };
  }

  /** The block from `anchor` to `end`, `end` being the focus (a drag of the mouse keeps it where it started). */
  span(anchor: Pos, end: Pos): void {
    this.whole = null;
    this.tip = null;
    this.anchor = { ...anchor };
    this.end = { ...end };
  }

  /** Every cell of a table of `rows` × `cols`, the focus staying at `focus`. */
  selectAll(rows: number, cols: number, focus: Pos): void {
    this.setBlock(rows > 0 && cols > 0 ? { top: 0, left: 0, bottom: rows - 1, right: cols - 1 } : null, focus);
  }

  /** The block `rect`, the focus staying at `focus` (inside it). */
  setBlock(rect: Rect | null, focus: Pos): void {
    this.anchor = rect ? { row: rect.top, col: rect.left } : { ...focus };
    this.end = { ...focus };
    this.whole = rect ? { ...rect } : null;
    this.tip = null;
  }

  /** A block set whole (Ctrl+A, a fill), the focus inside it: Shift+Arrow stretches it (`stretch`), the focus staying. */
  get isWhole(): boolean {
    return this.whole !== null && this.isBlock;
  }

  /**
   * The corner of a block set whole that Shift+Arrow moves (Excel: the active cell stays, the block's
   * far edges move): on each axis the edge the focus is not on; with the focus inside the block (Ctrl+A),
   * the bottom and right edges, so Shift+↑ / Shift+← take the last row / column off the block.
   */
  farCorner(): Pos {
    const r = this.rect;
    if (this.tip) return { ...this.tip };
    const f = this.end;
    return { row: f.row === r.bottom && r.top < r.bottom ? r.top : r.bottom, col: f.col === r.right && r.left < r.right ? r.left : r.right };
  }

  /**
   * The block set whole with its far corner (`farCorner`) moved to `to`, the opposite corner and the
   * focus staying. The focus never leaves the block: a corner moved past the focus's row (column)
   * spans from the focus instead (Excel's block from the active cell).
   */
  stretch(to: Pos): void {
    if (!this.whole) return;
    const r = this.whole;
    const from = this.farCorner();
    const fixed = { row: from.row === r.top ? r.bottom : r.top, col: from.col === r.left ? r.right : r.left };
    const f = this.end;
    const span = (fix: number, tip: number, focus: number) => {
      const a = fix <= focus === tip >= focus ? fix : focus;
      return [Math.min(a, tip), Math.max(a, tip)] as const;
    };
    const [top, bottom] = span(fixed.row, to.row, f.row);
    const [left, right] = span(fixed.col, to.col, f.col);
    this.whole = { top, bottom, left, right };
    this.anchor = { row: top, col: left };
    this.tip = { ...to };
  }

  get rect(): Rect {
    if (this.whole) return { ...this.whole };
    return {
      top: Math.min(this.anchor.row, this.end.row),
      bottom: Math.max(this.anchor.row, this.end.row),
      left: Math.min(this.anchor.col, this.end.col),
      right: Math.max(this.anchor.col, this.end.col),
    };
  }

  get isBlock(): boolean {
    if (this.whole) return this.whole.bottom > this.whole.top || this.whole.right > this.whole.left;
    return this.anchor.row !== this.end.row || this.anchor.col !== this.end.col;
  }

  contains(row: number, col: number): boolean {
    const r = this.rect;
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  }
}

/**
 * Where Ctrl+Arrow goes from `from` (Excel): along filled cells, to the last one before a blank;
 * from or onto a blank, to the next filled cell; the table's edge when there is none.
 */
export function dataEdge(from: Pos, step: readonly [number, number], rows: number, cols: number, filled: (row: number, col: number) => boolean): Pos {
  const inside = (p: Pos) => p.row >= 0 && p.row < rows && p.col >= 0 && p.col < cols;
  const ahead = (p: Pos): Pos => ({ row: p.row + step[0], col: p.col + step[1] });
  let p = ahead(from);
  if (!inside(p)) return from;
  if (filled(from.row, from.col) && filled(p.row, p.col)) {
    while (inside(ahead(p)) && filled(ahead(p).row, ahead(p).col)) p = ahead(p);
    return p;
  }
  while (!filled(p.row, p.col)) {
    const n = ahead(p);
    if (!inside(n)) return p;
    p = n;
  }
  return p;
}
