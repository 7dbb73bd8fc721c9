/**
 * Which 类/款 rows are folded, per open document and table. A view setting like the zoom: it
 * survives switching tables and editing, never marks the document changed nor takes an undo
 * step, and is not saved in the file (the same file opens unfolded, on any machine; the printed
 * packet and the workbook always show every row).
 */
const folds = new WeakMap<object, Map<number, ReadonlySet<string>>>();
const EMPTY: ReadonlySet<string> = new Set();

export function foldsOf(session: object, table: number): ReadonlySet<string> {
  return folds.get(session)?.get(table) ?? EMPTY;
}

export function keepFolds(session: object, table: number, folded: ReadonlySet<string>): void {
  let m = folds.get(session);
  if (!m) {
    m = new Map();
    folds.set(session, m);
  }
  m.set(table, folded);
}
