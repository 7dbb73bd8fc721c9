/**
 * Folding the 类/款 levels of a hierarchical table, as Excel's outline does: a folded row stays
 * (with its totals), the rows under it are hidden. Pure: works on any rows in table order, where
 * a row's children follow it until the next row of its level or a higher one.
 */

/** Levels that can be folded, and the commands that fold every row of a level. */
export type FoldableLevel = 'class' | 'kuan';
export type OutlineCommand = 'all' | FoldableLevel;

export interface OutlineRow {
  key?: string;
  level: string;
}

/** Top first; rows of the same or a higher rank end a folded row's children. */
const RANK: Record<string, number> = { total: 0, unit: 1, class: 2, kuan: 3, leaf: 4, line: 4 };
const rank = (level: string) => RANK[level] ?? 4;

export function isFoldable(level: string): level is FoldableLevel {
  return level === 'class' || level === 'kuan';
}

/** The rows that stay shown with these 类/款 rows folded, in order. */
export function unfoldedRows<T extends OutlineRow>(rows: readonly T[], folded: ReadonlySet<string>): T[] {
  if (folded.size === 0) return rows.slice();
  const out: T[] = [];
  // Rank of the folded row whose children are being skipped (null: none).
  let under: number | null = null;
  for (const r of rows) {
    const k = rank(r.level);
    if (under !== null && k > under) continue;
    under = null;
    out.push(r);
    if (r.key !== undefined && isFoldable(r.level) && folded.has(r.key)) under = k;
  }
  return out;
}

/**
 * The folded set for a command: `all` unfolds everything (展开全部); `class` folds every 类 (只显示类);
 * `kuan` folds every 款 and leaves the 类 open (显示到款).
 */
export function foldedFor(rows: readonly OutlineRow[], command: OutlineCommand): Set<string> {
  const s = new Set<string>();
  if (command === 'all') return s;
  for (const r of rows) if (r.level === command && r.key !== undefined) s.add(r.key);
  return s;
}

/** The 类/款 rows above `key` (nearest last): unfolding them shows that row. */
export function foldableAncestors(rows: readonly OutlineRow[], key: string): string[] {
  const chain: OutlineRow[] = [];
  for (const r of rows) {
    const k = rank(r.level);
    while (chain.length > 0 && rank(chain[chain.length - 1]!.level) >= k) chain.pop();
    if (r.key === key) return chain.filter((c) => isFoldable(c.level) && c.key !== undefined).map((c) => c.key!);
    chain.push(r);
  }
  return [];
}

/** Whether the table has any row to fold (hierarchical tables with 类 or 款 rows). */
export function hasOutline(rows: readonly OutlineRow[]): boolean {
  return rows.some((r) => isFoldable(r.level));
}
