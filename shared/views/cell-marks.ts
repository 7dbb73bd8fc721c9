import { cellId, parseCellId } from '../engine/cell-id';
import { refId } from '../engine/graph';
import type { BudgetSession } from '../engine/session';
import type { Severity } from '../rules/catalog';
import { type CrossChecks, crossChecks, familyKey, specOf } from '../rules/checks';
import type { CrossCheckDecl } from '../templates/types';
import type { TableLayout } from '../engine/layout';
import type { Steps } from '../engine/steps';
import type { Finding } from '../rules/finding';

/** What a marked cell shows: the worst severity and the findings that name it (its hover text). */
export interface CellMark {
  severity: Severity;
  findings: Finding[];
}

/** Cells marked per `table|row|col` (a row-level finding marks `table|row|`). */
export type CellMarks = Map<string, CellMark>;

/** Entered cells marked behind one place of a finding at most: an identity over whole tables blames no cell in particular. */
const MAX_INPUTS = 64;

/**
 * Every cell a finding concerns: each of its places, the cells its broken identity adds up (the
 * 项 whose sum a printed 款 disagrees with, both sides of a cross-table identity) and the
 * entered amounts behind those on the same row — so the cell just edited is marked even when
 * the identity it broke is reported in another table. Each marked cell explains itself with the
 * finding's own message. Only rows are followed, not totals: a total's identity marks no inputs,
 * and an empty entered cell is not marked (a row of empty red boxes says nothing).
 */
export function cellMarks(session: BudgetSession, findings: readonly Finding[]): CellMarks {
  const marks: CellMarks = new Map();
  const specs = checkSpecs(session);
  for (const f of findings) {
    for (const key of findingMarks(session, specs, f)) {
      const m = marks.get(key);
      if (!m) marks.set(key, { severity: f.severity, findings: [f] });
      else {
        m.findings.push(f);
        if (f.severity === 'error') m.severity = 'error';
      }
    }
  }
  return marks;
}

/**
 * The cells one finding marks (`cellMarks`), each once. `tested`, when given, gets the entered
 * cells marked only for holding an amount: what an edit of amounts can change (live-marks.ts).
 */
export function findingMarks(session: BudgetSession, specs: CrossSpecs, f: Finding, tested?: string[]): string[] {
  const keys = new Set<string>();
  const places = f.places ?? [{ rule: f.rule, table: f.table, rowKey: f.rowKey, column: f.column }];
  for (const p of places) {
    if (p.table <= 0 || !p.rowKey) continue;
    keys.add(cellId(p.table, p.rowKey, p.column));
    if (!p.column) continue;
    for (const id of identityInputs(session, specs, p.rule, p.table, p.rowKey, p.column, tested)) keys.add(id);
  }
  return [...keys];
}

/** The cells an identity at this cell adds up and the entered amounts behind them (cell ids), at most MAX_INPUTS. */
export function identityInputs(
  session: BudgetSession,
  specs: CrossSpecs,
  rule: string,
  table: number,
  rowKey: string,
  col: string,
  tested?: string[],
): string[] {
  const sources: string[] = [];
  const layout = session.layouts.find((l) => l.no === table);
  if (!layout) return [];
  const t = layout.template;
  if (rule === 'sum.rows') {
    for (const k of layout.byKey.get(rowKey)?.children ?? []) sources.push(cellId(table, k, col));
  } else if (rule === 'sum.columns') {
    for (const c of t.columns.find((x) => x.no === col)?.sum ?? []) sources.push(cellId(table, rowKey, c));
  } else if (rule === 'sum.lines' && t.kind === 'fixed') {
    const def = t.rows.find((r) => r.key === rowKey)?.cells[col];
    if (def && 'terms' in def) for (const x of def.terms) sources.push(cellId(x.table ?? table, x.row, x.col));
  } else {
    sources.push(...(specs.refs(rule, table, rowKey, col) ?? []));
  }
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (id: string, direct: boolean) => {
    if (out.size >= MAX_INPUTS || seen.has(id)) return;
    seen.add(id);
    const at = parseCellId(id);
    if (!at) return;
    const role = session.role(at.table, at.row, at.col);
    if (role === 'none') return;
    if (!direct && role === 'entered') tested?.push(id);
    if (direct || (role === 'entered' && session.value(at.table, at.row, at.col) !== 0)) out.add(id);
    if (role !== 'derived') return;
    // Across the row only (合计 = its parts, a fixed line = its terms); never down to the rows under a total.
    const l = session.layouts.find((x) => x.no === at.table);
    if (!l) return;
    const tt = l.template;
    if (tt.kind === 'fixed') {
      const def = tt.rows.find((r) => r.key === at.row)?.cells[at.col];
      if (def && 'terms' in def) for (const x of def.terms) walk(cellId(x.table ?? at.table, x.row, x.col), false);
      return;
    }
    for (const c of tt.columns.find((x) => x.no === at.col)?.sum ?? []) walk(cellId(at.table, at.row, c), false);
  };
  for (const id of sources) walk(id, true);
  return [...out];
}

/**
 * What a marked cell says on hover and on focus: the finding's sentence, and for one of several
 * places how many there are (the list itself is in 检查结果, where each place can be opened).
 */
export function markNote(f: Finding): string {
  const head = f.severity === 'error' ? '错误' : '提示';
  if (!f.places || f.places.length < 2) return `${head}：${f.message}`;
  return `${head}：${f.message.replace(/；同一原因还涉及：.*$/, '')}（同一原因共 ${f.places.length} 处，见“检查结果”）`;
}

/**
 * The format's cross-table identities on a session's rows: the cells on both sides of the one at a
 * place. A declaration's identities are listed when a finding first asks about one of them: listing
 * every identity of the format after each change of rows held the window ~400 ms at 100,000 items.
 */
export class CrossSpecs {
  /** `rule|table|col` → its identities and the row of each (a repeated declaration: the last, as findings are named once). */
  private readonly families = new Map<string, { checks: CrossChecks; at: Map<string, number> }>();

  constructor(
    private readonly decls: readonly CrossCheckDecl[],
    private readonly layouts: readonly TableLayout[],
  ) {}

  /** The cells (ids) the identity `rule` at this cell adds up on both sides; undefined when the format declares none there. */
  refs(rule: string, table: number, row: string, col: string): string[] | undefined {
    const family = this.family(familyKey(rule, table, col));
    const k = family.at.get(row);
    if (k === undefined) return undefined;
    const spec = specOf(family.checks.family[k]!, row, family.checks.rows[k]);
    return [...spec.actual, ...spec.expected].map(refId);
  }

  /**
   * The identities of the places of `list` worked out, a family per step (at 100,000 items a
   * family is some 40,000 rows: the first finding of each paid for it inside a batch of marks).
   */
  *prepareSteps(list: readonly Finding[]): Steps<void> {
    const seen = new Set<string>();
    for (const f of list) {
      for (const p of f.places ?? [f]) {
        if (p.table <= 0 || !p.rowKey || !p.column) continue;
        const key = familyKey(p.rule, p.table, p.column);
        if (seen.has(key)) continue;
        seen.add(key);
        if (this.families.has(key)) continue;
        this.family(key);
        yield;
      }
    }
  }

  private family(key: string): { checks: CrossChecks; at: Map<string, number> } {
    let family = this.families.get(key);
    if (!family) {
      const checks = crossChecks(
        this.decls.filter((d) => declKey(d) === key),
        this.layouts,
      );
      const at = new Map<string, number>();
      for (let k = 0; k < checks.row.length; k++) at.set(checks.row[k]!, k);
      family = { checks, at };
      this.families.set(key, family);
    }
    return family;
  }
}

/** The key of the identities a declaration makes (CheckFamily.key). */
function declKey(d: CrossCheckDecl): string {
  return d.kind === 'cells' ? familyKey(d.rule, d.at.table, d.at.col) : familyKey(d.rule, d.table, d.col);
}

/** Per layout list, its identities, made again when rows came or went (the graph's names changed with them). */
const SPECS = new WeakMap<object, { graph: object; shape: number; specs: CrossSpecs }>();

/** The format's cross-table identities on this session's rows (CrossSpecs), one per shape of the session's graph. */
export function checkSpecs(session: BudgetSession): CrossSpecs {
  const known = SPECS.get(session.layouts);
  const g = session.graph;
  if (known && known.graph === g && known.shape === g.shape) return known.specs;
  const specs = new CrossSpecs(session.template.checks, session.layouts);
  SPECS.set(session.layouts, { graph: g, shape: g.shape, specs });
  return specs;
}
