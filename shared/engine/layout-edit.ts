import type { NameLookup } from '../classification/names';
import type { BudgetDocument } from '../model';
import type { HierTableTemplate } from '../templates/types';
import { compareCodes, includeLeaf, type LayoutRow, type Leaf, leafAt, leafRow, type TableLayout, unitKey, unitOf } from './layout';

/**
 * A hier table's layout edited in place when one leaf comes or goes, giving exactly the rows
 * `buildLayouts` would lay out afresh (same order, same 类/款 rows). Each edit returns the rows it
 * added or removed with their parents, for the graph; null when the change reorders or empties a
 * unit group, which only a new layout gets right (the caller then lays everything out again).
 */
export interface PlacedRow {
  row: LayoutRow;
  parent: LayoutRow;
}

/**
 * Told of each row put into (`delta` 1, at index `at`) or taken out of (-1, from `at`) a table's
 * rows, in order: positions known before follow without a new look at the table.
 */
export type OnSplice = (at: number, delta: 1 | -1, row: LayoutRow) => void;

/** Insert `row` among `parent`'s children, before the first sibling that `before` says it precedes. */
function place(l: TableLayout, parent: LayoutRow, row: LayoutRow, before: (sibling: LayoutRow) => boolean, onSplice?: OnSplice): void {
  const kids = parent.children!;
  // Siblings are sorted, so the first one the row precedes is found by bisection.
  let lo = 0;
  let hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(l.byKey.get(kids[mid]!)!)) hi = mid;
    else lo = mid + 1;
  }
  let at: number;
  if (lo < kids.length) at = l.rows.indexOf(l.byKey.get(kids[lo]!)!);
  else {
    at = l.rows.indexOf(parent) + 1;
    while (at < l.rows.length && l.rows[at]!.depth > parent.depth) at++;
  }
  kids.splice(lo, 0, row.key);
  l.rows.splice(at, 0, row);
  l.byKey.set(row.key, row);
  onSplice?.(at, 1, row);
}

function unplace(l: TableLayout, parent: LayoutRow, row: LayoutRow, onSplice?: OnSplice): void {
  const kids = parent.children!;
  kids.splice(kids.indexOf(row.key), 1);
  const at = l.rows.indexOf(row);
  l.rows.splice(at, 1);
  l.byKey.delete(row.key);
  onSplice?.(at, -1, row);
}

/** The rows from the total down to a leaf's unit group: [parent of the 类 rows, key prefix], or null when the unit has no row. */
function groupOf(l: TableLayout, doc: BudgetDocument, unit: string | undefined): [LayoutRow, string] | null {
  const t = l.template as HierTableTemplate;
  if (!t.levels.includes('unit')) return [l.rows[0]!, ''];
  const u = unitOf(t, unit, doc);
  const row = l.byKey.get(unitKey(u));
  return row ? [row, u === '' ? '' : `${u}/`] : null;
}

export function insertLeaf(l: TableLayout, doc: BudgetDocument, names: NameLookup, leaf: Leaf, onSplice?: OnSplice): PlacedRow[] | null {
  const t = l.template as HierTableTemplate;
  const group = groupOf(l, doc, leaf.unit);
  if (!group) return null;
  const [top, prefix] = group;
  const added: PlacedRow[] = [];
  const byCode = (code: string) => (s: LayoutRow) => code < (s.code ?? '');
  let parent = top;
  if (t.levels.includes('class')) {
    const kind = t.rowSet === 'economic' ? 'economic' : 'function';
    const code = leaf.code ?? '';
    const levels: Array<[string, 'class' | 'kuan']> = [[code.slice(0, 3), 'class']];
    if (t.levels.includes('kuan')) levels.push([code.slice(0, 5), 'kuan']);
    for (const [c, level] of levels) {
      let row = l.byKey.get(prefix + c);
      if (!row) {
        row = { key: prefix + c, level, code: c, name: names(c, kind), depth: parent.depth + 1, children: [] };
        place(l, parent, row, byCode(c), onSplice);
        added.push({ row, parent });
      }
      parent = row;
    }
  }
  const row = leafRow(t, leaf, parent.depth + 1, names);
  const inClasses = t.levels.includes('class');
  place(l, parent, row, (s) => (inClasses ? compareCodes(row, s) < 0 : leaf.source.index < s.source!.index), onSplice);
  added.push({ row, parent });
  return added;
}

/** Remove a leaf and the 类/款 rows it leaves empty; [] when the table does not show it. */
export function removeLeaf(l: TableLayout, doc: BudgetDocument, key: string, onSplice?: OnSplice): PlacedRow[] | null {
  const leaf = l.byKey.get(key);
  if (!leaf) return [];
  const t = l.template as HierTableTemplate;
  const group = groupOf(l, doc, leaf.unit);
  if (!group) return null;
  const [top, prefix] = group;
  const chain: LayoutRow[] = [top];
  if (t.levels.includes('class')) {
    const code = leaf.code ?? '';
    chain.push(l.byKey.get(prefix + code.slice(0, 3))!);
    if (t.levels.includes('kuan')) chain.push(l.byKey.get(prefix + code.slice(0, 5))!);
  }
  chain.push(leaf);
  if (chain.some((r) => !r)) return null;
  const removed: PlacedRow[] = [];
  for (let k = chain.length - 1; k > 0; k--) {
    const row = chain[k]!;
    const parent = chain[k - 1]!;
    if (row !== leaf && row.children!.length > 0) break;
    if (!parent.children!.includes(row.key)) return null;
    // A unit group left without rows is dropped (or becomes the department's): lay out afresh.
    if (parent === top && top.level === 'unit' && top.children!.length === 1) return null;
    unplace(l, parent, row, onSplice);
    removed.push({ row, parent });
  }
  return removed;
}

/**
 * True when the unit rows are still in the order a fresh layout gives them: the department
 * first, then sub-units by their first leaf in document order. Reads the document only until
 * every unit row has been met.
 */
export function unitOrderHolds(l: TableLayout, doc: BudgetDocument, printedRows: Set<string>): boolean {
  const t = l.template as HierTableTemplate;
  if (!t.levels.includes('unit')) return true;
  const units = l.rows[0]!.children!.filter((k) => k !== 'unit');
  const rows = { function: doc.functionRows, economic: doc.economicRows, project: doc.projectRows, carryover: doc.carryoverRows }[t.rowSet];
  const seen: string[] = [];
  const met = new Set<string>();
  for (let i = 0; i < rows.length && seen.length < units.length; i++) {
    const u = unitOf(t, (rows[i] as { unit?: string }).unit, doc);
    if (u === '' || met.has(u)) continue;
    if (!includeLeaf(t, leafAt(doc, t.rowSet, i), printedRows)) continue;
    met.add(u);
    seen.push(unitKey(u));
  }
  return seen.length === units.length && seen.every((k, i) => k === units[i]);
}
