/** A cell is named `table|rowKey|column`, e.g. `2|2010350|3`; row keys are codes or fixed line keys. */
export function cellId(table: number, row: string, col: string): string {
  return `${table}|${row}|${col}`;
}

export function parseCellId(id: string): { table: number; row: string; col: string } | null {
  const a = id.indexOf('|');
  const b = id.lastIndexOf('|');
  if (a < 0 || a === b) return null;
  const table = Number(id.slice(0, a));
  if (!Number.isInteger(table)) return null;
  return { table, row: id.slice(a + 1, b), col: id.slice(b + 1) };
}

/** The key under which a row-set row stores its entered value for a table column. */
export function valueKey(table: number, col: string): string {
  return `${table}.${col}`;
}
