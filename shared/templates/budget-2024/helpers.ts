import type { FixedCell, Term } from '../types';

/** A derived fixed cell: the signed sum of the given references. */
export function terms(...refs: Term[]): FixedCell {
  return { terms: refs };
}

/** References to columns of one row of one table. */
export function cols(table: number | undefined, row: string, ...columns: string[]): Term[] {
  return columns.map((col) => (table === undefined ? { row, col } : { table, row, col }));
}

export const ENTERED: FixedCell = { entered: true };

export const FUNCTION_LEVELS = ['total', 'class', 'kuan', 'leaf'] as const;
export const FUNCTION_CODE_COLUMNS = ['类', '款', '项'];
