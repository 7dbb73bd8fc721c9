import type { BudgetDocument } from '../model';
import { amountToFen } from '../money';
import type { CheckSpec } from '../rules/checks';
import type { FixedTableTemplate, HierTableTemplate } from '../templates/types';
import { storedToFen } from './amount';
import { cellId, parseCellId, valueKey } from './cell-id';
import { CellGraph, type Ref } from './graph';
import type { LayoutRow, TableLayout } from './layout';

export interface BuiltCheck {
  spec: CheckSpec;
  node: number;
  /** Printed-value checks: the printed amount stands as the actual value. */
  printed: boolean;
}

function leafValues(doc: BudgetDocument, row: LayoutRow): Record<string, string> {
  const s = row.source!;
  switch (s.set) {
    case 'function':
      return doc.functionRows[s.index]!.values;
    case 'economic':
      return doc.economicRows[s.index]!.values;
    case 'project':
      return doc.projectRows[s.index]!.values;
    case 'carryover':
      return doc.carryoverRows[s.index]!.values;
  }
}

function addHier(g: CellGraph, l: TableLayout, t: HierTableTemplate, doc: BudgetDocument): void {
  for (const row of l.rows) {
    for (const c of t.columns) {
      const id = cellId(t.no, row.key, c.no);
      if (c.role === 'derived') {
        g.addDerived(id, (c.sum ?? []).map((s) => ({ id: cellId(t.no, row.key, s), coef: 1 })));
      } else if (row.level === 'leaf') {
        g.addEntered(id, storedToFen(leafValues(doc, row)[valueKey(t.no, c.no)], doc.unit));
      } else {
        g.addDerived(id, (row.children ?? []).map((k) => ({ id: cellId(t.no, k, c.no), coef: 1 })));
      }
    }
  }
}

function addFixed(g: CellGraph, t: FixedTableTemplate, doc: BudgetDocument): void {
  const entered = doc.fixed[String(t.no)] ?? {};
  for (const row of t.rows) {
    for (const [col, cell] of Object.entries(row.cells)) {
      const id = cellId(t.no, row.key, col);
      if ('entered' in cell) g.addEntered(id, storedToFen(entered[row.key]?.[col], doc.unit));
      else g.addDerived(id, cell.terms.map((x) => ({ id: cellId(x.table ?? t.no, x.row, x.col), coef: x.coef ?? 1 })));
    }
  }
}

function checkId(spec: CheckSpec): string {
  return `${spec.rule}|${spec.table}|${spec.row}|${spec.col}`;
}

/** A check node holds actual − expected; a finding exists when that breaks `op`. */
function addCheck(g: CellGraph, spec: CheckSpec): number {
  const refs: Ref[] = [...spec.actual, ...spec.expected.map((r) => ({ id: r.id, coef: (r.coef === 1 ? -1 : 1) as 1 | -1 }))];
  return g.addDerived(`check:${checkId(spec)}`, refs, (spec.actualConst ?? 0) - (spec.expectedConst ?? 0));
}

export interface BuiltGraph {
  graph: CellGraph;
  checks: BuiltCheck[];
  /** Printed amounts for cells the layout does not have (a row or column the table should not print). */
  orphans: Array<{ id: string; fen: number }>;
}

export function buildGraph(doc: BudgetDocument, layouts: readonly TableLayout[], specs: readonly CheckSpec[]): BuiltGraph {
  const g = new CellGraph();
  for (const l of layouts) {
    if (l.template.kind === 'hier') addHier(g, l, l.template, doc);
    else addFixed(g, l.template, doc);
  }
  const checks: BuiltCheck[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = checkId(spec);
    if (seen.has(key)) continue;
    seen.add(key);
    checks.push({ spec, node: addCheck(g, spec), printed: false });
  }
  const orphans: BuiltGraph['orphans'] = [];
  for (const [id, text] of Object.entries(doc.printed)) {
    const at = parseCellId(id);
    const fen = amountToFen(text, '万元');
    if (!at || !g.has(id)) {
      if (fen !== 0) orphans.push({ id, fen });
      continue;
    }
    const spec: CheckSpec = {
      rule: 'printed.mismatch',
      table: at.table,
      row: at.row,
      col: at.col,
      actual: [],
      actualConst: fen,
      expected: [{ id, coef: 1 }],
      op: 'eq',
    };
    checks.push({ spec, node: addCheck(g, spec), printed: true });
  }
  g.seal();
  return { graph: g, checks, orphans };
}
