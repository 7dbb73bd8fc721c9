import type { Ref } from '../engine/graph';
import { cellId } from '../engine/cell-id';
import type { TableLayout } from '../engine/layout';
import type { Fen } from '../money';
import { TABLE1_BREAKDOWNS } from '../templates/budget-2024';
import type { RuleId } from './catalog';

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
}

const ref = (table: number, row: string, col: string, coef: 1 | -1 = 1): Ref => ({ id: cellId(table, row, col), coef });

function leaves(l: TableLayout | undefined) {
  return l ? l.rows.filter((r) => r.level === 'leaf') : [];
}

/**
 * The cross-table identities of domain.md for the 2024 format. Within-table sums are
 * derived cells, so they cannot disagree; printed values are compared separately.
 */
export function crossTableChecks(layouts: readonly TableLayout[]): CheckSpec[] {
  const t = (no: number) => layouts.find((l) => l.no === no);
  const out: CheckSpec[] = [];
  const eq = (rule: RuleId, table: number, row: string, col: string, actual: Ref[], expected: Ref[]) =>
    out.push({ rule, table, row, col, actual, expected, op: 'eq' });

  // Table 1.
  eq('t1.balance', 1, 'out.total', '2', [ref(1, 'out.total', '2')], [ref(1, 'in.total', '1')]);
  for (const b of TABLE1_BREAKDOWNS) {
    eq('t1.breakdown', 1, b.parent, '1', [ref(1, b.parent, '1')], b.parts.map((p) => ref(1, p, '1')));
  }

  // Tables 3, 5, 8, 9 against table 2, 项 by 项.
  const mirrors: Array<[RuleId, number, string[]]> = [
    ['t3.t2', 3, ['1']],
    ['t5.t2', 5, ['3', '4']],
    ['t8.t2', 8, ['5', '6']],
    ['t9.t2', 9, ['7', '8']],
  ];
  // A 项 with money in those table-2 columns is always laid out in the table (includeWhen), so it is checked.
  for (const [rule, no, t2cols] of mirrors) {
    for (const r of leaves(t(no))) eq(rule, no, r.key, '1', [ref(no, r.key, '1')], t2cols.map((c) => ref(2, r.key, c)));
  }

  // Table 4 balance.
  eq('t4.balance', 4, 'out.total', '2', [ref(4, 'out.total', '2')], [ref(4, 'in.total', '1')]);

  // Table 6 against table 5 basic expenditure.
  eq('t6.t5', 6, 'total', '1', [ref(6, 'total', '1')], [ref(5, 'total', '2')]);

  // Table 7 projects against table 5 project expenditure, per function 项.
  const projectsByCode = new Map<string, Ref[]>();
  for (const r of leaves(t(7))) {
    if (!r.code) continue;
    const list = projectsByCode.get(r.code) ?? [];
    list.push(ref(7, r.key, '1'));
    projectsByCode.set(r.code, list);
  }
  const t5 = t(5);
  const codes = new Set([...projectsByCode.keys(), ...leaves(t5).map((r) => r.key)]);
  for (const code of [...codes].sort()) {
    eq('t7.t5', 5, code, '3', [ref(5, code, '3')], projectsByCode.get(code) ?? []);
  }

  // Table 10 against table 6's economic 款 lines.
  for (const [line, econ] of [
    ['reception', '30217'],
    ['vehicle.running', '30231'],
  ] as const) {
    const actual = [ref(10, line, '1')];
    const expected = [ref(6, econ, '1')];
    out.push({ rule: 't10.t6.below', table: 10, row: line, col: '1', actual, expected, op: 'ge' });
    out.push({ rule: 't10.t6.above', table: 10, row: line, col: '1', actual, expected, op: 'le' });
  }

  // Table 11 against tables 1 and 2.
  eq('t11.t1', 11, 'total', '1', [ref(11, 'total', '1')], [ref(1, 'in.carry', '1')]);
  eq('t11.t2.fiscal', 11, 'total', '2', [ref(11, 'total', '2')], [ref(2, 'total', '11')]);
  eq('t11.t2.nonfiscal', 11, 'total', '6', [ref(11, 'total', '6')], [ref(2, 'total', '12')]);

  // Table 6 conventions: 301/303 are personnel, 302 is public.
  for (const r of leaves(t(6))) {
    const cls = r.code?.slice(0, 3);
    if (cls === '301' || cls === '303') eq('t6.personnel', 6, r.key, '3', [ref(6, r.key, '3')], []);
    if (cls === '302') eq('t6.public', 6, r.key, '2', [ref(6, r.key, '2')], []);
  }
  return out;
}
