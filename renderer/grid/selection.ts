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

  collapse(p: Pos): void {
    this.whole = null;
    this.anchor = { ...p };
    this.end = { ...p };
  }

  extendTo(p: Pos): void {
    this.whole = null;
    if (this.anchor.row < 0) this.anchor = { ...p };
    this.end = { ...p };
  }

  /** The block from `anchor` to `end`, `end` being the focus (a drag of the mouse keeps it where it started). */
  span(anchor: Pos, end: Pos): void {
    this.whole = null;
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
    if (this.whole) return this.whole.bottom > 0 || this.whole.right > 0;
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
