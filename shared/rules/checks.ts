import type { Ref } from '../engine/graph';
import type { TableLayout } from '../engine/layout';
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

const ref = (table: number, row: string, col: string): Ref => ({ table, row, col, coef: 1 });

/**
 * Instantiate a format's declared cross-table identities on the rows this document has.
 * Within-table sums are derived cells, so they cannot disagree; printed values are checked
 * against their own identities when the graph is built.
 */
export function crossTableChecks(decls: readonly CrossCheckDecl[], layouts: readonly TableLayout[]): CheckSpec[] {
  const leaves = (no: number) => layouts.find((l) => l.no === no)?.rows.filter((r) => r.level === 'leaf') ?? [];
  const out: CheckSpec[] = [];
  for (const d of decls) {
    if (!isRuleId(d.rule)) throw new Error(`template declares unknown rule ${d.rule}`);
    const rule = d.rule;
    const eq = (table: number, row: string, col: string, expected: Ref[], op: CheckSpec['op'] = 'eq') =>
      out.push({ rule, table, row, col, actual: [ref(table, row, col)], expected, op, ...(d.title ? { title: d.title } : {}) });
    switch (d.kind) {
      case 'cells':
        eq(d.at.table, d.at.row, d.at.col, d.expected.map((t) => ({ table: t.table ?? d.at.table, row: t.row, col: t.col, coef: t.coef ?? 1 })), d.op);
        break;
      case 'each-leaf':
        for (const r of leaves(d.table)) eq(d.table, r.key, d.col, d.expected.cols.map((c) => ref(d.expected.table, r.key, c)));
        break;
      case 'by-code': {
        const byCode = new Map<string, Ref[]>();
        for (const r of leaves(d.from.table)) {
          if (!r.code) continue;
          byCode.set(r.code, [...(byCode.get(r.code) ?? []), ref(d.from.table, r.key, d.from.col)]);
        }
        const codes = new Set([...byCode.keys(), ...leaves(d.table).flatMap((r) => (r.code ? [r.code] : []))]);
        for (const code of [...codes].sort()) eq(d.table, code, d.col, byCode.get(code) ?? []);
        break;
      }
      case 'zero-in-classes':
        for (const r of leaves(d.table)) if (r.code && d.classes.includes(r.code.slice(0, 3))) eq(d.table, r.key, d.col, []);
        break;
    }
  }
  return out;
}
