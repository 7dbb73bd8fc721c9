/** Rows by table (`table` → row keys). */
export type RowsByTable = ReadonlyMap<number, ReadonlySet<string>>;

/** Adds `key` to the rows of `table` in `rows`. */
export function addRow(rows: Map<number, Set<string>>, table: number, key: string): void {
  const set = rows.get(table);
  if (set) set.add(key);
  else rows.set(table, new Set([key]));
}

/** A point in a session's changes of rows (`BudgetSession.reshapeCursor`). */
export interface ReshapeCursor {
  readonly log: ReshapeLog;
  readonly version: number;
}

/**
 * The rows each change of rows laid out in place (`spliceRows`) added, removed or changed the
 * amounts of, the latest few: a view of a table kept across such a change builds those rows
 * again and keeps the rest (a grid of 100,000 rows rebuilt whole held the window ~0.7 s per row
 * deleted). A session laid out afresh starts a new log, so a cursor into the old one gives null:
 * every row may differ.
 */
export class ReshapeLog {
  private version = 0;
  private readonly entries: Array<{ version: number; rows: RowsByTable }> = [];

  get cursor(): ReshapeCursor {
    return { log: this, version: this.version };
  }

  note(rows: RowsByTable): void {
    this.version++;
    this.entries.push({ version: this.version, rows });
    if (this.entries.length > 16) this.entries.shift();
  }

  /** The rows touched since `version` (merged), or null when that is further back than the log keeps. */
  since(version: number): RowsByTable | null {
    if (version === this.version) return new Map();
    const first = this.entries[0];
    if (!first || first.version > version + 1) return null;
    const out = new Map<number, Set<string>>();
    for (const e of this.entries) {
      if (e.version <= version) continue;
      for (const [table, keys] of e.rows) for (const k of keys) addRow(out, table, k);
    }
    return out;
  }
}
