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

const ref = (table: number, row: string, col: string): Ref => ({ table, row, col, coef: 1 });

/**
 * Instantiate a format's declared cross-table identities on the rows this document has.
 * Within-table sums are derived cells, so they cannot disagree; printed values are checked
 * against their own identities when the graph is built.
 */
export function crossTableChecks(decls: readonly CrossCheckDecl[], layouts: readonly TableLayout[]): CheckSpec[] {
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
  const out: CheckSpec[] = [];
  for (const d of decls) {
    if (!isRuleId(d.rule)) throw new Error(`template declares unknown rule ${d.rule}`);
    const rule = d.rule;
    const title = d.title || undefined;
    // One shape for every spec (title undefined when the format has none): thousands are made per open.
    const eq = (table: number, row: string, col: string, expected: Ref[], op: CheckSpec['op'] = 'eq') =>
      out.push({ rule, table, row, col, actual: [ref(table, row, col)], actualConst: undefined, expected, expectedConst: undefined, op, title });
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
          const list = byCode.get(r.code);
          if (list) list.push(ref(d.from.table, r.key, d.from.col));
          else byCode.set(r.code, [ref(d.from.table, r.key, d.from.col)]);
        }
        const codes = new Set(byCode.keys());
        for (const r of leaves(d.table)) if (r.code) codes.add(r.code);
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
