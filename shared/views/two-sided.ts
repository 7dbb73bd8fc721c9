import type { FixedTableTemplate } from '../templates/types';

interface SidedRow {
  key: string;
  side?: 'income' | 'expenditure';
  code?: string;
  name: string;
}

/** Rows of a two-sided table whose totals print together on the last line. */
const isTotal = (r: SidedRow) => r.key === 'in.total' || r.key === 'out.total';

/**
 * The printed lines of a two-sided fixed table (income left, expenditure right): lines pair in
 * order, except that an income row with `pairWith` goes on its expenditure row's line (本年收入合计
 * beside 本年支出合计) and the income rows after it follow; the totals (`in.total`/`out.total`)
 * make the last line.
 */
export function twoSidedLines<R extends SidedRow>(
  t: FixedTableTemplate,
  rows: readonly R[],
): { lines: Array<[R | undefined, R | undefined]>; totals: [R | undefined, R | undefined] } {
  const pair = new Map(t.rows.flatMap((r) => (r.pairWith ? [[r.key, r.pairWith] as const] : [])));
  const left = rows.filter((r) => r.side === 'income' && !isTotal(r));
  const right = rows.filter((r) => r.side === 'expenditure' && !isTotal(r));
  const rightAt = new Map(right.map((r, i) => [r.key, i]));
  const placed: Array<R | undefined> = [];
  let cursor = 0;
  for (const r of left) {
    const at = rightAt.get(pair.get(r.key) ?? '');
    if (at !== undefined && at >= cursor) cursor = at;
    placed[cursor] = r;
    cursor++;
  }
  const n = Math.max(right.length, placed.length);
  const lines: Array<[R | undefined, R | undefined]> = [];
  for (let i = 0; i < n; i++) lines.push([placed[i], right[i]]);
  return { lines, totals: [rows.find((r) => r.key === 'in.total'), rows.find((r) => r.key === 'out.total')] };
}

/** A line's printed label: its code first when it has one (决算 表6 `30101 基本工资`). */
export function lineLabel(r: { code?: string; name: string }): string {
  return r.code ? `${r.code} ${r.name}` : r.name;
}

/** A line that heads 款 lines as their 类 (决算 表6 `301 工资福利支出`): its code is a 类 code. */
export function isClassLine(r: { code?: string }): boolean {
  return r.code?.length === 3;
}
