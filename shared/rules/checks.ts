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

export function familyOf(rule: RuleId, table: number, col: string, op: CheckSpec['op'], title: string | undefined, expected: CheckFamily['expected'], spec?: CheckSpec): CheckFamily {
  return { rule, table, col, op, title, key: `${rule}|${table}|${col}`, expected, spec };
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
  // Each table's leaves once: several declarations walk the same tables of thousands of rows.
  const leafCache = new Map<number, LayoutRow[]>();
  const leaves = (no: number) => {
    let l = leafCache.get(no);
    if (!l) {
      l = layouts.find((x) => x.no === no)?.rows.filter((r) => r.level === 'leaf') ?? [];
      leafCache.set(no, l);
    }
    return l;
  };
  const out: CrossChecks = { family: [], row: [], rows: [] };
  const push = (f: CheckFamily, row: string, rows: readonly string[] | undefined) => {
    out.family.push(f);
    out.row.push(row);
    out.rows.push(rows);
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
        push(familyOf(d.rule, table, col, op, title, { table, cols: NO_COLS }, spec), row, undefined);
        break;
      }
      case 'each-leaf': {
        const f = familyOf(d.rule, d.table, d.col, 'eq', title, d.expected);
        for (const r of leaves(d.table)) push(f, r.key, undefined);
        break;
      }
      case 'by-code': {
        const f = familyOf(d.rule, d.table, d.col, 'eq', title, { table: d.from.table, cols: [d.from.col] });
        const byCode = new Map<string, string[]>();
        for (const r of leaves(d.from.table)) {
          if (!r.code) continue;
          const list = byCode.get(r.code);
          if (list) list.push(r.key);
          else byCode.set(r.code, [r.key]);
        }
        const codes = new Set(byCode.keys());
        for (const r of leaves(d.table)) if (r.code) codes.add(r.code);
        for (const code of [...codes].sort()) push(f, code, byCode.get(code) ?? NO_COLS);
        break;
      }
      case 'zero-in-classes': {
        const f = familyOf(d.rule, d.table, d.col, 'eq', title, { table: d.table, cols: NO_COLS });
        for (const r of leaves(d.table)) if (r.code && d.classes.includes(r.code.slice(0, 3))) push(f, r.key, undefined);
        break;
      }
    }
  }
  return out;
}

/** Every check with its references spelled out (a view's marks, a packet's printed figures). */
export function crossTableChecks(decls: readonly CrossCheckDecl[], layouts: readonly TableLayout[]): CheckSpec[] {
  const c = crossChecks(decls, layouts);
  return c.family.map((f, i) => specOf(f, c.row[i]!, c.rows[i]));
}
