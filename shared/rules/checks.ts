import type { Ref } from '../engine/graph';
import type { LayoutRow, TableLayout } from '../engine/layout';
import type { Fen } from '../money';
import type { CrossCheckDecl } from '../templates/types';
import { isRuleId, type RuleId } from './catalog';

/** A linear identity between cells: `actual op expected`, located at one cell for the report. */
export interface CheckSpec {
  rule: RuleId;
  table: number;
  row: string;
  col: string;
  actual: Ref[];
  actualConst?: Fen;
  expected: Ref[];
  expectedConst?: Fen;
  /** eq: must be equal; ge: actual ≥ expected; le: actual ≤ expected. */
  op: 'eq' | 'ge' | 'le';
  /** The format's own wording of what is checked (for `format.identity`). */
  title?: string;
}

/**
 * What the checks of one declaration share. A check of a family is its cell (`table`, its row,
 * `col`) against the sum of `expected.cols` of table `expected.table` in its expected rows (its own
 * row unless it names others), so a check is a row key, not an object of references: a
 * 10,000-line department has 12,000 checks, and their specs are made only to word a finding.
 */
export interface CheckFamily {
  rule: RuleId;
  table: number;
  col: string;
  op: CheckSpec['op'];
  title: string | undefined;
  /** `rule|table|col`: the check's id without its row. */
  key: string;
  expected: { table: number; cols: readonly string[] };
  /** A family of one check that carries its own references (`cells`). */
  spec?: CheckSpec;
}

/** The checks of a document, one per index: its family, its row, its expected rows (undefined: its own row). */
export interface CrossChecks {
  family: CheckFamily[];
  row: string[];
  rows: Array<readonly string[] | undefined>;
}

/** The key of the checks a declaration makes (`rule|table|col`): how findings of them are found without naming each row. */
export const familyKey = (rule: string, table: number, col: string): string => `${rule}|${table}|${col}`;

export function familyOf(rule: RuleId, table: number, col: string, op: CheckSpec['op'], title: string | undefined, expected: CheckFamily['expected'], spec?: CheckSpec): CheckFamily {
  return { rule, table, col, op, title, key: familyKey(rule, table, col), expected, spec };
}

/** A check with all its references, as a finding and the views read it. */
export function specOf(family: CheckFamily, row: string, rows: readonly string[] | undefined): CheckSpec {
  if (family.spec) return family.spec;
  const { table, cols } = family.expected;
  const expected: Ref[] = [];
  for (const r of rows ?? [row]) for (const c of cols) expected.push(ref(table, r, c));
  const { rule, op, title } = family;
  return { rule, table: family.table, row, col: family.col, actual: [ref(family.table, row, family.col)], actualConst: undefined, expected, expectedConst: undefined, op, title };
}

const ref = (table: number, row: string, col: string): Ref => ({ table, row, col, coef: 1 });
const NO_COLS: readonly string[] = [];

/**
 * Instantiate a format's declared cross-table identities on the rows this document has.
 * Within-table sums are derived cells, so they cannot disagree; printed values are checked
 * against their own identities when the graph is built.
 */
export function crossChecks(decls: readonly CrossCheckDecl[], layouts: readonly TableLayout[]): CrossChecks {
  const rowsOf = (no: number): readonly LayoutRow[] => layouts.find((x) => x.no === no)?.rows ?? [];
  // Each declaration as its family and its rows, counted first: the three arrays are then made at
  // their size. At 100,000 items each is over V8's 128 KB object limit, and one grown by push is
  // allocated anew a dozen times, each time on fresh pages (~15 µs per 4 KB on a virtual machine).
  const plans: Array<{ family: CheckFamily; each: (push: (row: string, rows: readonly string[] | undefined) => void) => void; count: number }> = [];
  const leavesOf = (rows: readonly LayoutRow[], keep: (r: LayoutRow) => boolean) => {
    let count = 0;
    for (let i = 0; i < rows.length; i++) if (rows[i]!.level === 'leaf' && keep(rows[i]!)) count++;
    const each = (push: (row: string, rows: undefined) => void) => {
      for (let i = 0; i < rows.length; i++) if (rows[i]!.level === 'leaf' && keep(rows[i]!)) push(rows[i]!.key, undefined);
    };
    return { count, each };
  };
  for (const d of decls) {
    if (!isRuleId(d.rule)) throw new Error(`template declares unknown rule ${d.rule}`);
    const title = d.title || undefined;
    switch (d.kind) {
      case 'cells': {
        const { table, row, col } = d.at;
        const op = d.op ?? 'eq';
        const expected = d.expected.map((t) => ({ table: t.table ?? table, row: t.row, col: t.col, coef: t.coef ?? 1 }));
        const spec: CheckSpec = { rule: d.rule, table, row, col, actual: [ref(table, row, col)], actualConst: undefined, expected, expectedConst: undefined, op, title };
        plans.push({ family: familyOf(d.rule, table, col, op, title, { table, cols: NO_COLS }, spec), count: 1, each: (push) => push(row, undefined) });
        break;
      }
      case 'each-leaf': {
        const family = familyOf(d.rule, d.table, d.col, 'eq', title, d.expected);
        plans.push({ family, ...leavesOf(rowsOf(d.table), () => true) });
        break;
      }
      case 'by-code': {
        const family = familyOf(d.rule, d.table, d.col, 'eq', title, { table: d.from.table, cols: [d.from.col] });
        // Every code of either table, with the keys of the rows that carry it in `from` (none for a code only `table` has).
        const byCode = new Map<string, string[]>();
        for (const r of rowsOf(d.from.table)) {
          if (r.level !== 'leaf' || !r.code) continue;
          const list = byCode.get(r.code);
          if (list) list.push(r.key);
          else byCode.set(r.code, [r.key]);
        }
        const codes = [...byCode.keys()];
        const only = new Set<string>();
        for (const r of rowsOf(d.table)) {
          if (r.level !== 'leaf' || !r.code || byCode.has(r.code) || only.has(r.code)) continue;
          only.add(r.code);
          codes.push(r.code);
        }
        if (!isSorted(codes)) codes.sort();
        plans.push({
          family,
          count: codes.length,
          each: (push) => {
            for (const code of codes) push(code, byCode.get(code) ?? NO_COLS);
          },
        });
        break;
      }
      case 'zero-in-classes': {
        const family = familyOf(d.rule, d.table, d.col, 'eq', title, { table: d.table, cols: NO_COLS });
        plans.push({ family, ...leavesOf(rowsOf(d.table), (r) => !!r.code && d.classes.includes(r.code.slice(0, 3))) });
        break;
      }
    }
  }
  let n = 0;
  for (const p of plans) n += p.count;
  const out: CrossChecks = { family: new Array(n), row: new Array(n), rows: new Array(n) };
  let k = 0;
  for (const p of plans) {
    p.each((row, rows) => {
      out.family[k] = p.family;
      out.row[k] = row;
      out.rows[k++] = rows;
    });
  }
  if (k !== n) throw new Error(`crossChecks: counted ${n} checks, made ${k}`);
  return out;
}

/** Whether strings are in ascending order (codes of tables laid out by code mostly are). */
function isSorted(a: readonly string[]): boolean {
  for (let i = 1; i < a.length; i++) if (a[i - 1]! > a[i]!) return false;
  return true;
}

/** Every check with its references spelled out (a view's marks, a packet's printed figures). */
export function crossTableChecks(decls: readonly CrossCheckDecl[], layouts: readonly TableLayout[]): CheckSpec[] {
  const c = crossChecks(decls, layouts);
  return c.family.map((f, i) => specOf(f, c.row[i]!, c.rows[i]));
}
