import type { LayoutRow, TableLayout } from './layout';

/** Rows of a table looked up one by one (a scan each) before a map of them all is made. */
const SCANS_BEFORE_MAP = 8;
/** Rows put in or taken out since a table's map was made, beyond which it is made again. */
const SHIFTS_BEFORE_REMAP = 32;

/** A table's map of row positions, as made, and the splices since (index, ±1, in order). */
interface KnownOrder {
  at: Map<string, number>;
  shifts: number[];
}

/**
 * Where each row stands in its table's layout, for sorting findings. The first few rows of a
 * table are found by a scan; after that a map of every row's position is made (a department of
 * 100,000 items has tables of 60,000 rows, and after a row change a finding or two to place).
 * Rows put in or taken out in place (`spliced`) shift the positions the map holds without a new
 * map: a row change of a 元 department re-sorted thousands of findings through new maps.
 */
export class RowPositions {
  private readonly tables = new Map<number, KnownOrder | number>();

  constructor(private readonly layouts: () => readonly TableLayout[]) {}

  /** After a new layout: nothing known. */
  clear(): void {
    this.tables.clear();
  }

  position(table: number, rowKey: string): number | undefined {
    const known = this.tables.get(table);
    if (typeof known === 'object') {
      let p = known.at.get(rowKey);
      if (p === undefined) return known.shifts.length > 0 ? this.scan(table, rowKey) : undefined;
      const s = known.shifts;
      for (let k = 0; k < s.length; k += 2) {
        const at = s[k]!;
        if (s[k + 1]! > 0 ? p >= at : p > at) p += s[k + 1]!;
      }
      return p;
    }
    const scans = (known ?? 0) + 1;
    if (scans <= SCANS_BEFORE_MAP) {
      this.tables.set(table, scans);
      return this.scan(table, rowKey);
    }
    const l = this.layouts().find((x) => x.no === table);
    if (!l) return undefined;
    const at = new Map<string, number>();
    for (let i = 0; i < l.rows.length; i++) at.set(l.rows[i]!.key, i);
    this.tables.set(table, { at, shifts: [] });
    return at.get(rowKey);
  }

  /** `row` was put into table `table` at `at` (`delta` 1) or taken out from there (-1). */
  spliced(table: number, at: number, delta: 1 | -1, row: LayoutRow): void {
    const known = this.tables.get(table);
    if (typeof known !== 'object') return;
    // A row taken out leaves the map (if it comes back, it is found by a scan); one put in is not in it.
    if (delta < 0) known.at.delete(row.key);
    known.shifts.push(at, delta);
    if (known.shifts.length > 2 * SHIFTS_BEFORE_REMAP) this.tables.delete(table);
  }

  private scan(table: number, rowKey: string): number | undefined {
    const l = this.layouts().find((x) => x.no === table);
    const row = l?.byKey.get(rowKey);
    const i = row ? l!.rows.indexOf(row) : -1;
    return i < 0 ? undefined : i;
  }
}
