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

  collapse(p: Pos): void {
    this.anchor = { ...p };
    this.end = { ...p };
  }

  extendTo(p: Pos): void {
    if (this.anchor.row < 0) this.anchor = { ...p };
    this.end = { ...p };
  }

  get rect(): Rect {
    return {
      top: Math.min(this.anchor.row, this.end.row),
      bottom: Math.max(this.anchor.row, this.end.row),
      left: Math.min(this.anchor.col, this.end.col),
      right: Math.max(this.anchor.col, this.end.col),
    };
  }

  get isBlock(): boolean {
    return this.anchor.row !== this.end.row || this.anchor.col !== this.end.col;
  }

  contains(row: number, col: number): boolean {
    const r = this.rect;
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  }
}
