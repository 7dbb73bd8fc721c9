/**
 * A workbook as plain cells, whatever wrote it: the Electron side fills this from exceljs
 * (formula cells carry their cached result, rich text is joined), so recognition stays pure.
 */
export type GridValue = string | number | null;

/** A merged range, 0-based inclusive. */
export interface GridMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell holding an Excel error value (`#REF!`, `#DIV/0!`…), itself or as a formula's result; 0-based. */
export interface GridError {
  row: number;
  col: number;
  code: string;
}

export interface SheetGrid {
  name: string;
  rows: GridValue[][];
  merges: GridMerge[];
  hidden?: boolean;
  /** Error cells, which read as blank in `rows`: the importer names each one. */
  errors?: GridError[];
  /** Cell notes (Excel 批注), 0-based: on an amount they become the document's 批注 of that cell. */
  notes?: GridNote[];
}

export interface GridNote {
  row: number;
  col: number;
  text: string;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** Document title property (our own exports say `<dept> <year> 年部门预算公开表`). */
  title?: string;
}

/** Cell lookups where a merged range reads as its top-left cell everywhere (for header words). */
export class GridReader {
  private readonly masters = new Map<string, [number, number]>();

  constructor(readonly sheet: SheetGrid) {
    for (const m of sheet.merges) {
      // A pathological merge (whole sheet) would not help recognition; cap the work.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10_000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.masters.set(`${r},${c}`, [m.top, m.left]);
    }
  }

  get height(): number {
    return this.sheet.rows.length;
  }

  width(r: number): number {
    return this.sheet.rows[r]?.length ?? 0;
  }

  /** The cell's own value. */
  raw(r: number, c: number): GridValue {
    return this.sheet.rows[r]?.[c] ?? null;
  }

  /** Text of the cell, or of the merged range it lies in. */
  text(r: number, c: number): string {
    const m = this.masters.get(`${r},${c}`);
    return cellText(m ? this.raw(m[0], m[1]) : this.raw(r, c));
  }

  /** True when the cell belongs to a merged range but is not its top-left cell. */
  covered(r: number, c: number): boolean {
    const m = this.masters.get(`${r},${c}`);
    return m !== undefined && (m[0] !== r || m[1] !== c);
  }

  /** Non-empty texts of a row (own cells only), in column order. */
  rowTexts(r: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.width(r); c++) {
      const t = cellText(this.raw(r, c));
      if (t) out.push(t);
    }
    return out;
  }
}

export function cellText(v: GridValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : '';
  return v.trim();
}

/** A stored double as decimal text with at most 6 decimals (分 precision in 万元), never exponent form. */
export function numberText(v: number): string {
  const s = String(v);
  if (!/e/i.test(s) && (s.split('.')[1]?.length ?? 0) <= 6) return s;
  if (Math.abs(v) >= 1e15) return s;
  return v.toFixed(6).replace(/\.?0+$/, '');
}

/** Header and title text for comparison: no spaces or line breaks, one kind of brackets and quotes. */
export function norm(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/：/g, ':')
    .replace(/[，,]/g, ',');
}
