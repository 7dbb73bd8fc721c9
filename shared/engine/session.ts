import { codeListFor, nameLookup } from '../classification/names';
import { amountCount } from '../model/amount-count';
import { documentAmountMagnitude, documentBoundError } from '../model/document-bounds';
import type { BudgetDocument } from '../model/schema';
import { applyChanges, type DocChange } from '../model/doc-changes';
import { addRow, type ReshapeCursor, ReshapeLog, type RowsByTable } from './reshape-log';
import { AMOUNT_BOUND, amountToFen, DOCUMENT_BOUND_TEXT, type Fen, FEN_PER_WAN_CENT, formatExact, formatWan, parseBoundedAmount } from '../money';
import { RULES } from '../rules/catalog';
import { type CheckSpec, crossChecks } from '../rules/checks';
import type { Finding } from '../rules/finding';
import { findingMessage } from '../rules/messages';
import { staticFindings } from '../rules/static-checks';
import { formatOf } from '../formats/registry';
import type { FormatTemplate, HierTableTemplate, RowSetKind } from '../templates/types';
import { amountIsZero } from './amount';
import { addCrossCheck, addRowCells, graphSteps, type PrintedUse, removeRowCells } from './build';
import { type BuiltCheck, CheckIndex } from './check-index';
import { cellId, parseCellId, valueKey } from './cell-id';
import type { CellGraph } from './graph';
import { includeLeaf, layoutSteps, type LayoutRow, leafAt, showsEveryLeaf, type TableLayout, unitOf } from './layout';
import { type FindingsChange, patchSorted } from './finding-patch';
import { insertLeaf, type OnSplice, removeLeaf, unitOrderHolds } from './layout-edit';
import { RowPositions } from './row-positions';
import { countFinerThanCent, TieOut, tieOut } from './tie-out';
import { sortSteps } from './sort-steps';
import { runSteps, type Steps } from './steps';

export type EditResult =
  | {
      ok: true;
      /** Cells whose amount, or amount as printed (tied out to 0.01 万元), changed. */
      changed: string[];
      structural: boolean;
      /** Printed figures the edit made stale and dropped. */
      dropped?: Record<string, string>;
      /** The tables' tie-out is worked out afresh: any amount as printed may change (views redraw all). */
      redraw?: boolean;
    }
  | { ok: false; reason: string };

export type CellRole = 'entered' | 'derived' | 'none';

/** One cell of a block edit (`setCellsBulk`): the text typed, in the document's unit. */
export interface BulkEdit {
  table: number;
  row: string;
  col: string;
  text: string;
}

/** A block edit made, with the printed figures it made stale and dropped; or refused, the document unchanged. */
export type BulkResult = { ok: true; dropped?: Record<string, string> } | { ok: false; reason: string };

/**
 * A document with its tables laid out and computed: the one place every view (grid, CLI,
 * workbook, narrative, packet) reads amounts and findings from.
 */
export class BudgetSession {
  private format: FormatTemplate;
  private docState: BudgetDocument;
  private layoutList: TableLayout[] = [];
  private graphState!: CellGraph;
  /** The consistency checks, by id and by node. */
  private checks = new CheckIndex();
  /** Cells with a printed figure (an imported packet): an edit that changes one makes the figure stale. */
  private printedNodes = new Set<number>();
  /** Checks that count a printed figure instead of its cell (build.ts `asShown`). */
  private printedUses = new Map<string, PrintedUse[]>();
  /** Checks that fail now, by node; worded when findings are asked for, so the amounts they quote are current. */
  private violations = new Map<number, BuiltCheck>();
  /**
   * The finding each broken check was last worded as, with the amounts and row label it states.
   * Findings are shared with every caller: they are never changed in place.
   */
  private findingCache = new Map<BuiltCheck, { actual: Fen; expected: Fen; row: string; finding: Finding }>();
  /** The finding of each cell the tie-out adjusts, by cell id, with the amounts and row label it states. */
  private adjustedWording = new Map<string, AdjustedWording>();
  private fixedFindings: Finding[] = [];
  /** Each row's position in its table, for sorting findings. */
  private readonly rowOrder = new RowPositions(() => this.layoutList);
  /** Each broken check's cells as nodes, while the graph's names stay (`checkFinding`, after every edit). */
  private resolved = new WeakMap<BuiltCheck, ResolvedCheck>();
  /** The last list of findings, with what the next one can be patched from (`findings`). */
  private sorted: SortedFindings | null = null;
  /** Checks refreshed since that list was made; null after anything else changed (rows, the layout, the checks themselves). */
  private touched: Set<BuiltCheck> | null = null;
  private tie: TieOut | null = null;
  /**
   * The tie-out an edit ended (the last finer amount gone), until the findings next follow: every
   * cell it no longer adjusts is in its `touched`, so the findings are patched, not worded afresh.
   */
  private endedTie: TieOut | null = null;
  private tieDirty = true;
  /** Entered cells finer than 0.01 万元: only then do the tables need a tie-out. */
  private finerThanCent = 0;
  /** Sum of the magnitudes of the document's amounts (AMOUNT_BOUND), counted on the first edit after a rebuild. */
  private magnitude: number | null = null;

  /** Rows each change of rows laid out in place touched; a new log with every layout made afresh. */
  private reshapes = new ReshapeLog();

  /** Containers of `docState` this session copied and may write; the rest is still shared with the caller. */
  private owned = new WeakSet<object>();

  /** Not built yet: `open` and `openSteps` build it. */
  private constructor(doc: BudgetDocument, template: FormatTemplate) {
    this.docState = this.adopt(doc);
    this.format = template;
  }

  /**
   * The session's own copy of a document: the top level, the four row arrays and the printed
   * figures copied (shallowly) now, so the first edit after opening copies one row, not a
   * 10,000-row array or an imported packet's thousand printed figures. The rest is copied as
   * edits reach it (`own`).
   */
  private adopt(doc: BudgetDocument): BudgetDocument {
    this.owned = new WeakSet();
    const own = <T extends object>(x: T): T => {
      this.owned.add(x);
      return x;
    };
    return {
      ...doc,
      functionRows: own(doc.functionRows.slice()),
      economicRows: own(doc.economicRows.slice()),
      projectRows: own(doc.projectRows.slice()),
      carryoverRows: own(doc.carryoverRows.slice()),
      printed: own({ ...doc.printed }),
    };
  }

  /**
   * Opens a copy of the document; the caller's object is never mutated. A document that passed
   * the schema always opens; one built elsewhere that breaks AMOUNT_BOUND or repeats a code is
   * refused with the loader's Chinese reason instead of an engine error.
   */
  static open(doc: BudgetDocument): BudgetSession {
    return runSteps(BudgetSession.openSteps(doc));
  }

  /**
   * `open` in steps (a table laid out, some thousands of rows or checks wired, at a time): the
   * window opens a large document a slice of steps per task. Nothing of the session is seen before the last.
   */
  static *openSteps(doc: BudgetDocument): Steps<BudgetSession> {
    const template = formatOf(doc);
    if (!template) throw new Error(`未知的表格格式“${doc.template}”`);
    try {
      const session = new BudgetSession(doc, template);
      yield* session.rebuildSteps();
      return session;
    } catch (e) {
      const reason = documentBoundError(doc);
      throw reason ? new Error(`预算文档内容有误：${reason}`) : e;
    }
  }

  /** The document's format; follows the document when it is replaced (a format imported, or undone). */
  get template(): FormatTemplate {
    return this.format;
  }

  get document(): BudgetDocument {
    return this.docState;
  }

  get graph(): CellGraph {
    return this.graphState;
  }

  get layouts(): readonly TableLayout[] {
    return this.layoutList;
  }

  layout(no: number): TableLayout {
    const l = this.layoutList.find((x) => x.no === no);
    if (!l) throw new Error(`没有表${no}`);
    return l;
  }

  /** Lay out rows and rebuild the graph: after a change of structure (rows added or removed). */
  rebuild(): void {
    runSteps(this.rebuildSteps());
  }

  private *rebuildSteps(): Steps<void> {
    this.touched = null;
    this.reshapes = new ReshapeLog();
    const names = nameLookup(this.docState);
    this.layoutList = yield* layoutSteps(this.template.tables, this.docState, names);
    const cross = crossChecks(this.template.checks, this.layoutList);
    yield;
    const built = yield* graphSteps(this.docState, this.layoutList, cross);
    this.graphState = built.graph;
    this.printedUses = built.printedUses;
    this.printedNodes = new Set();
    for (const id in this.docState.printed) {
      const n = this.graphState.indexOf(id);
      if (n !== undefined) this.printedNodes.add(n);
    }
    this.checks = built.index;
    this.violations.clear();
    const checks = built.checks;
    for (let k = 0; k < checks.length; k++) this.refreshCheck(checks[k]!);
    yield;
    this.fixedFindings = staticFindings(this.docState, this.layoutList, codeListFor(this.docState), built.orphans, (t, r) =>
      this.rowLabel(t, r),
    );
    this.rowOrder.clear();
    this.findingCache.clear();
    yield;
    this.finerThanCent = countFinerThanCent(this.graphState);
    this.tieDirty = true;
    this.endedTie = null;
    // The amount-bound total comes with the build when it read every amount of the document (none
    // hidden by the format); else it is counted on the first edit.
    this.magnitude = built.tally.amounts === amountCount(this.docState) ? built.tally.magnitude : null;
  }

  /** Where the changes of rows are now, for `rowsReshapedSince`. */
  reshapeCursor(): ReshapeCursor {
    return this.reshapes.cursor;
  }

  /**
   * The rows (by table) that changes of rows since `cursor` added, removed or changed the amounts
   * of; every other row of every table shows as it did. Null when the tables were laid out afresh
   * since (or a tie-out moved amounts as shown): any row may differ. Edits of amounts alone are not
   * in it (their cells are `setCell`'s `changed`).
   */
  rowsReshapedSince(cursor: ReshapeCursor): RowsByTable | null {
    return cursor.log === this.reshapes ? this.reshapes.since(cursor.version) : null;
  }

  /** Re-evaluate every cell and every rule (the benchmark's "full recalculation"). */
  recomputeAll(): void {
    this.touched = null;
    this.graphState.evaluateAll();
    this.violations.clear();
    for (const c of this.checks.values()) this.refreshCheck(c);
    this.tieDirty = true;
  }

  /** Sum of the magnitudes of the document's table amounts in 分 (the AMOUNT_BOUND total), kept up to date by edits. */
  amountMagnitude(): number {
    this.magnitude ??= documentAmountMagnitude(this.docState);
    return this.magnitude;
  }

  /** Exact amount of a cell in 分 (0 for a cell the table does not have). */
  value(table: number, row: string, col: string): Fen {
    const i = this.graphState.cell(table, row, col);
    return i === undefined ? 0 : this.graphState.valueAt(i);
  }

  /** A table printed in 元 shows exact amounts; only 万元 tables are tied out to 0.01 万元. */
  private printsExact(table: number): boolean {
    return this.format.tables.find((t) => t.no === table)?.printUnit === '元';
  }

  /** The amount as the table prints it: tied out to 0.01 万元 when entries are finer than that. */
  display(table: number, row: string, col: string): Fen {
    const i = this.graphState.cell(table, row, col);
    if (i === undefined) return 0;
    if (this.printsExact(table)) return this.graphState.valueAt(i);
    const tie = this.tieOutState();
    return tie ? tie.display[i]! : this.graphState.valueAt(i);
  }

  /**
   * One look-up for what a view prints of a cell (role, amount to show, printed text): the tables
   * are read cell by cell for every view and export, so this avoids three id look-ups per cell.
   */
  cellShown(table: number, row: string, col: string): { role: 'entered' | 'derived'; display: Fen; printed: string | undefined } | undefined {
    const i = this.graphState.cell(table, row, col);
    if (i === undefined) return undefined;
    const tie = this.tieOutState();
    return {
      role: this.graphState.isEntered(i) ? 'entered' : 'derived',
      display: tie && !this.printsExact(table) ? tie.display[i]! : this.graphState.valueAt(i),
      printed: this.hasPrinted() ? this.docState.printed[cellId(table, row, col)] : undefined,
    };
  }

  /** What an imported packet printed for this cell, if anything (万元 text). */
  printed(table: number, row: string, col: string): string | undefined {
    return this.hasPrinted() ? this.docState.printed[cellId(table, row, col)] : undefined;
  }

  /** An imported packet's document carries printed figures; a drafted one has none (and no id need be made per cell). */
  private hasPrinted(): boolean {
    for (const _ in this.docState.printed) return true;
    return false;
  }

  role(table: number, row: string, col: string): CellRole {
    const i = this.graphState.cell(table, row, col);
    if (i === undefined) return 'none';
    return this.graphState.isEntered(i) ? 'entered' : 'derived';
  }

  private tieOutState(): TieOut | null {
    if (this.tieDirty) {
      this.tie = this.finerThanCent > 0 ? tieOut(this.graphState, this.layoutList) : null;
      this.tieDirty = false;
    }
    return this.tie;
  }

  /**
   * `tieOutState` in steps. Kept only if nothing changed the graph between them, else worked out
   * again at once (a session being opened or made in steps is seen by nothing before its last step).
   */
  private *tieOutStateSteps(): Steps<TieOut | null> {
    if (!this.tieDirty || this.finerThanCent === 0) return this.tieOutState();
    const graph = this.graphState;
    const version = graph.version;
    const tie = yield* TieOut.steps(graph, this.layoutList);
    if (!this.tieDirty || this.graphState !== graph || graph.version !== version || this.finerThanCent === 0) return this.tieOutState();
    this.tie = tie;
    this.tieDirty = false;
    return tie;
  }

  rowLabel(table: number, rowKey: string): string {
    const row = this.layoutList.find((l) => l.no === table)?.byKey.get(rowKey);
    if (!row) return rowKey;
    let label = LABELS.get(row);
    if (label === undefined) {
      label = describeRow(row);
      LABELS.set(row, label);
    }
    return label;
  }

  columnLabel(table: number, col: string): string {
    const c = this.layout(table).template.columns.find((x) => x.no === col);
    return c ? `第${col}栏（${c.name}）` : `第${col}栏`;
  }

  /**
   * A check whose amounts both moved by as much keeps its difference (its node is not among the
   * changed) but quotes other amounts now: after cell `n` moved, its checks are worded again too.
   */
  private touchDependentChecks(n: number): void {
    const touched = this.touched;
    if (!touched) return;
    this.graphState.forEachDependent(n, (d) => {
      const c = this.checks.atNode(d);
      if (c) touched.add(c);
    });
  }

  private refreshCheck(c: BuiltCheck): void {
    this.touched?.add(c);
    if (c.broken(this.graphState.valueAt(c.node))) this.violations.set(c.node, c);
    else if (this.violations.delete(c.node)) this.findingCache.delete(c);
  }

  /** A check's cells as nodes (a cell the tables do not have counts as zero), looked up again when the graph's names change. */
  private resolve(c: BuiltCheck): ResolvedCheck {
    const g = this.graphState;
    const known = this.resolved.get(c);
    if (known && known.graph === g && known.shape === g.shape && known.own === c.ownSpec) return known;
    const spec = c.spec;
    const nodes: number[] = [];
    const coefs: number[] = [];
    const add = (refs: CheckSpec['actual']) => {
      for (const r of refs) {
        const i = g.cell(r.table, r.row, r.col);
        if (i === undefined) continue;
        nodes.push(i);
        coefs.push(r.coef);
      }
    };
    add(spec.actual);
    const split = nodes.length;
    add(spec.expected);
    const r: ResolvedCheck = { graph: g, shape: g.shape, own: c.ownSpec, spec, nodes, coefs, split };
    this.resolved.set(c, r);
    return r;
  }

  private checkFinding(c: BuiltCheck): Finding {
    const r = this.resolve(c);
    const s = r.spec;
    const g = this.graphState;
    let actual = s.actualConst ?? 0;
    for (let k = 0; k < r.split; k++) actual += r.coefs[k]! * g.valueAt(r.nodes[k]!);
    let expected = s.expectedConst ?? 0;
    for (let k = r.split; k < r.nodes.length; k++) expected += r.coefs[k]! * g.valueAt(r.nodes[k]!);
    // A broken check whose amounts and row did not change keeps its finding: a draft with thousands
    // of them would word them all again after every edit and every row added.
    const row = this.rowLabel(s.table, s.row);
    const known = this.findingCache.get(c);
    if (known && known.actual === actual && known.expected === expected && known.row === row) return known.finding;
    const finding = this.wordCheck(s, row, actual, expected);
    this.findingCache.set(c, { actual, expected, row, finding });
    return finding;
  }

  private wordCheck(s: CheckSpec, row: string, actual: Fen, expected: Fen): Finding {
    const column = this.columnLabel(s.table, s.col);
    return {
      id: `${s.rule}|${s.table}|${s.row}|${s.col}`,
      rule: s.rule,
      severity: RULES[s.rule].severity,
      table: s.table,
      rowKey: s.row,
      row,
      column: s.col,
      actual: formatWan(actual, { thousands: false }),
      expected: formatWan(expected, { thousands: false }),
      message: findingMessage({ rule: s.rule, tableName: `表${s.table}`, row, column, actual, expected, title: s.title }),
    };
  }

  private wordAdjusted(a: { id: string; exact: Fen; shown: Fen }, at: { table: number; row: string; col: string }, row: string): Finding {
    return {
      id: `rounding.adjusted|${a.id}`,
      rule: 'rounding.adjusted',
      severity: 'warning',
      table: at.table,
      rowKey: at.row,
      row,
      column: at.col,
      expected: formatWan(a.exact, { thousands: false }),
      actual: formatWan(a.shown, { thousands: false }),
      message: `表${at.table}“${row}”${this.columnLabel(at.table, at.col)}按元折算为 ${formatWan(a.exact)} 万元，为使合计相符列示为 ${formatWan(a.shown)}`,
    };
  }

  /** An adjusted cell's finding: the one worded before while its amounts and row label stay. */
  private adjustedFinding(a: { id: string; exact: Fen; shown: Fen }): AdjustedWording {
    const at = parseCellId(a.id)!;
    const row = this.rowLabel(at.table, at.row);
    const known = this.adjustedWording.get(a.id);
    if (known && known.exact === a.exact && known.shown === a.shown && known.row === row) return known;
    return { exact: a.exact, shown: a.shown, row, finding: this.wordAdjusted(a, at, row) };
  }

  /** All findings, in table order then row order; one per id. */
  findings(): Finding[] {
    return runSteps(this.findingsSteps());
  }

  /**
   * `findings()` in steps: the last list patched when only a few findings changed, else each broken
   * check worded a batch per step and the list sorted in steps. A whole table cleared at 100,000
   * items words some 39,000 findings (~0.5 s) and sorts them (~0.3 s).
   */
  *findingsSteps(): Steps<Finding[]> {
    const tie = yield* this.tieOutStateSteps();
    const last = this.sorted;
    const ended = this.endedTie;
    this.endedTie = null;
    if (last && this.touched && last.layouts === this.layoutList && last.fixed === this.fixedFindings) {
      // The same tie-out as the last list's; or one begun since from none (every cell it adjusts
      // is in its `touched`); or none since the last list's ended (every cell it stopped adjusting is).
      const follows = last.tie === tie ? tie : last.tie === null && tie?.begunWhole ? tie : tie === null && last.tie !== null && last.tie === ended ? ended : undefined;
      const list = follows === undefined ? undefined : this.findingsPatched(last, follows, tie);
      if (list) return list;
    }
    return yield* this.findingsAfreshSteps(tie);
  }

  /** The whole list worded (from the wording caches) and sorted, in steps. */
  private *findingsAfreshSteps(tie: TieOut | null): Steps<Finding[]> {
    const all: Finding[] = [];
    const byCheck = new Map<BuiltCheck, Finding>();
    for (const c of this.violations.values()) {
      const f = this.checkFinding(c);
      byCheck.set(c, f);
      all.push(f);
      if (all.length % WORD_BATCH === 0) yield;
    }
    // One by one: spread into push, a list of over ~120,000 (a row finding on every row of a large import) overflows the stack.
    for (const f of this.fixedFindings) all.push(f);
    const byCell = new Map<number, Finding>();
    if (tie) {
      // An adjusted cell keeps its finding while its amounts and row label stay, through a tie-out
      // worked out afresh after a row change too; cells no longer adjusted are forgotten.
      const kept = new Map<string, AdjustedWording>();
      for (const [i, a] of tie.adjustedNodes()) {
        const known = this.adjustedFinding(a);
        kept.set(a.id, known);
        byCell.set(i, known.finding);
        all.push(known.finding);
        if (byCell.size % WORD_BATCH === 0) yield;
      }
      this.adjustedWording = kept;
      tie.touched.clear();
    }
    yield;
    // Each row's position looked up once, not at every comparison.
    const pos: Array<number | undefined> = [];
    for (const f of all) {
      pos.push(this.rowPosition(f.table, f.rowKey));
      if (pos.length % PLACE_BATCH === 0) yield;
    }
    const order = yield* sortSteps(
      all.map((_, i) => i),
      (i, j) => compareFindings(all[i]!, pos[i], all[j]!, pos[j]),
    );
    const seen = new Set<string>();
    const list: Finding[] = [];
    for (let k = 0; k < order.length; k++) {
      const f = all[order[k]!]!;
      if (!seen.has(f.id)) {
        seen.add(f.id);
        list.push(f);
      }
      if (k % PLACE_BATCH === PLACE_BATCH - 1) yield;
    }
    this.sorted = { list, ids: seen, layouts: this.layoutList, tie, fixed: this.fixedFindings, fixedIds: new Set(this.fixedFindings.map((f) => f.id)), byCheck, byCell, change: null };
    this.touched = new Set();
    return list;
  }

  /**
   * The last list with only what the edits since changed: the findings of the checks they
   * refreshed and of the cells whose adjustment they moved, each taken out and put back where
   * its row sorts. Undefined when that is not certain to give what sorting afresh gives (two
   * findings that sort alike, an id met twice, many changes): then the caller sorts afresh.
   */
  private findingsPatched(last: SortedFindings, tie: TieOut | null, now: TieOut | null): Finding[] | undefined {
    const touched = this.touched!;
    if (touched.size + (tie?.touched.size ?? 0) > PATCH_MAX) return undefined;
    const out: Finding[] = [];
    const gone: Finding[] = [];
    const add = (was: Finding | undefined, now: Finding | undefined) => {
      if (was === now) return;
      if (was) gone.push(was);
      if (now) out.push(now);
    };
    // Kept up to date in place: if the patch gives up, sorting afresh makes them anew.
    const byCheck = last.byCheck;
    for (const c of touched) {
      const now = this.violations.get(c.node) === c ? this.checkFinding(c) : undefined;
      add(byCheck.get(c), now);
      if (now) byCheck.set(c, now);
      else byCheck.delete(c);
    }
    const byCell = last.byCell;
    if (tie) {
      for (const i of tie.touched) {
        const a = tie.adjustedAtNode(i);
        const now = a ? this.adjustedFinding(a) : undefined;
        if (a && now) this.adjustedWording.set(a.id, now);
        add(byCell.get(i), now?.finding);
        if (now) byCell.set(i, now.finding);
        else byCell.delete(i);
      }
    }
    if (out.length === 0 && gone.length === 0) {
      this.touched = new Set();
      tie?.touched.clear();
      last.tie = now;
      return last.list;
    }
    if (out.some((f) => last.fixedIds.has(f.id))) return undefined;
    const patched = patchSorted(last.list, gone, out, (a, b) => this.compareFindings(a, b));
    if (!patched) return undefined;
    const { list, steps } = patched;
    // The ids follow the list (kept in place: only the latest list is asked about, `findingIds`).
    for (const f of gone) last.ids.delete(f.id);
    for (const f of out) last.ids.add(f.id);
    this.sorted = { ...last, list, tie: now, change: { from: last.list, steps } };
    this.touched = new Set();
    tie?.touched.clear();
    return list;
  }

  /** Sort order of findings (`compareFindings`), rows by their position now. */
  private compareFindings(a: Finding, b: Finding): number {
    return compareFindings(a, this.rowPosition(a.table, a.rowKey), b, this.rowPosition(b.table, b.rowKey));
  }

  /**
   * How the list `list` (the latest `findings()`) differs from the one before, when it was made
   * from it by a few changes: what grouping needs to follow without comparing the lists whole.
   */
  findingsChange(list: readonly Finding[]): FindingsChange | null {
    const s = this.sorted;
    return s && s.list === list ? s.change : null;
  }

  /** The ids of the findings of `list` when it is the latest `findings()`, else null. */
  findingIds(list: readonly Finding[]): ReadonlySet<string> | null {
    const s = this.sorted;
    return s && s.list === list ? s.ids : null;
  }

  /** Position of a row in its table's layout (for ordering findings); undefined for a row the table does not have. */
  rowPosition(table: number, rowKey: string): number | undefined {
    return this.rowOrder.position(table, rowKey);
  }

  /** Counts of 错误 and 提示, without building the sorted list (status bar, after every edit). */
  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const c of this.violations.values()) {
      if (RULES[c.family.rule].severity === 'error') errors++;
      else warnings++;
    }
    for (const f of this.fixedFindings) {
      if (f.severity === 'error') errors++;
      else warnings++;
    }
    warnings += this.tieOutState()?.adjustedCount ?? 0;
    return { errors, warnings };
  }

  /** Where an entered cell's value lives in the document, or null for a derived/absent cell. */
  private storage(table: number, rowKey: string, col: string): { values: Record<string, string>; key: string } | null {
    const at = this.storagePath(table, rowKey, col);
    return at && { values: this.own(at.path) as Record<string, string>, key: at.key };
  }

  /** Where an entered cell's amount is kept in the document: the container's path and the key in it. */
  private storagePath(table: number, rowKey: string, col: string): { path: ReadonlyArray<string | number>; key: string } | null {
    if (this.role(table, rowKey, col) !== 'entered') return null;
    const l = this.layout(table);
    if (l.template.kind === 'fixed') return { path: ['fixed', String(table), rowKey], key: col };
    const row = l.byKey.get(rowKey);
    if (!row?.source) return null;
    const s = row.source;
    return { path: [ROW_ARRAY[s.set], s.index, 'values'], key: valueKey(table, col) };
  }

  /**
   * The container at `path` in the document, ready to be written: each container on the way that
   * is still shared with the document the session was opened with is copied (shallowly) first, so
   * opening costs no deep copy and an edit copies one row. A missing container is created empty.
   */
  private own(path: ReadonlyArray<string | number>): unknown {
    let parent = this.docState as unknown as Record<string | number, unknown>;
    for (const k of path) {
      const v = parent[k];
      let next: Record<string | number, unknown>;
      if (v === null || typeof v !== 'object') next = {};
      else if (this.owned.has(v)) next = v as Record<string | number, unknown>;
      else next = (Array.isArray(v) ? v.slice() : { ...v }) as Record<string | number, unknown>;
      if (next !== v) {
        this.owned.add(next);
        parent[k] = next;
      }
      parent = next;
    }
    return parent;
  }

  /**
   * Whether `count` cell edits are better made at once (`setCellsBulk`). One by one, each pushes
   * its change up its chain and a cell that empties or fills its row lays the row out again:
   * clearing the whole 表2 of 100,000 items (40,000 cells) held the window 6.6 s, a value put in
   * 400,000 cells 51 s; building the session afresh takes about a second. In an imported packet
   * an edit also drops the printed figures it makes stale, which often builds the session afresh
   * each time (2,000 cells cleared: 140 s), so there a few edits are already worth it.
   */
  bulkWorthIt(count: number): boolean {
    if (this.printedNodes.size > 0) return count > PRINTED_BULK_OVER;
    return count > 200 + this.graphState.size / 250;
  }

  /**
   * Many cell edits at once, all or none: each checked as `setCell` checks it (the document left
   * unchanged with the first refusal's reason), then all written and the session built afresh
   * from the document (as opening it would). For large blocks (`bulkWorthIt`); the result is the
   * one the same edits made one by one give. The printed figures of an imported packet that
   * depend on a changed amount go stale and are dropped (`dropped`, for undo), as `setCell` drops
   * them; `restore`: printed figures to put back (the undo of such a block).
   */
  setCellsBulk(edits: readonly BulkEdit[], restore?: Record<string, string>): BulkResult {
    const checked = runSteps(this.checkBulkSteps(edits));
    if (!checked.ok) return checked;
    const dropped = runSteps(this.writeBulkSteps(checked.writes, checked.stale, restore));
    this.rebuild();
    return dropped ? { ok: true, dropped } : { ok: true };
  }

  /**
   * `setCellsBulk` off to the side, in steps: a new session of the document with the edits made
   * and built afresh, `from` left as it was (the window keeps showing it while the new one is
   * built, a slice of steps per task). The new session shares the rows the edits do not reach.
   */
  static *withCellsSteps(from: BudgetSession, edits: readonly BulkEdit[], restore?: Record<string, string>): Steps<{ ok: true; session: BudgetSession; dropped?: Record<string, string> } | { ok: false; reason: string }> {
    const checked = yield* from.checkBulkSteps(edits);
    if (!checked.ok) return checked;
    yield;
    const session = new BudgetSession(from.docState, from.format);
    const dropped = yield* session.writeBulkSteps(checked.writes, checked.stale, restore);
    yield* session.rebuildSteps();
    return dropped ? { ok: true, session, dropped } : { ok: true, session };
  }

  /**
   * Each edit checked as `setCell` checks it (the first refusal's reason), with where it is
   * written and the printed figures it makes stale (an imported packet's, which `setCell` drops).
   */
  private *checkBulkSteps(
    edits: readonly BulkEdit[],
  ): Steps<{ ok: true; writes: Array<{ path: ReadonlyArray<string | number>; key: string; text: string | undefined }>; stale: string[] } | { ok: false; reason: string }> {
    const g = this.graphState;
    const fens = new Map<number, Fen>();
    this.magnitude ??= documentAmountMagnitude(this.docState);
    let magnitude = this.magnitude;
    let k = 0;
    for (const e of edits) {
      if (++k % EDITS_PER_STEP === 0) yield;
      const i = g.cell(e.table, e.row, e.col);
      if (i === undefined) return { ok: false, reason: `表${e.table}没有“${this.rowLabel(e.table, e.row)}”第${e.col}栏这个单元格` };
      if (!g.isEntered(i)) return { ok: false, reason: `表${e.table}“${this.rowLabel(e.table, e.row)}”${this.columnLabel(e.table, e.col)}由其他单元格计算得出，不能直接修改` };
      const parsed = parseBoundedAmount(e.text, this.docState.unit);
      if (!parsed.ok) return { ok: false, reason: parsed.reason };
      magnitude += Math.abs(parsed.fen) - Math.abs(fens.get(i) ?? g.valueAt(i));
      if (magnitude > AMOUNT_BOUND.maxDocumentFen) {
        return { ok: false, reason: `“${e.text}”使金额总量超出本程序可精确计算的范围（${DOCUMENT_BOUND_TEXT}），请核对金额单位（万元/元）是否填错` };
      }
      fens.set(i, parsed.fen);
    }
    const stale = this.printedDependingOn([...fens].filter(([i, fen]) => fen !== g.valueAt(i)).map(([i]) => i));
    yield;
    const writes: Array<{ path: ReadonlyArray<string | number>; key: string; text: string | undefined }> = [];
    for (const e of edits) {
      if (writes.length > 0 && writes.length % EDITS_PER_STEP === 0) yield;
      const at = this.storagePath(e.table, e.row, e.col)!;
      const fen = fens.get(g.cell(e.table, e.row, e.col)!)!;
      writes.push({ ...at, text: fen === 0 ? undefined : formatExact(fen, this.docState.unit) });
    }
    return { ok: true, writes, stale };
  }

  /**
   * Writes edits checked by `checkBulkSteps` into this session's document (the session that checked
   * them, or a new one of the same document: the paths are rows both share), takes out the stale
   * printed figures and puts back `restore`. Returns the figures taken out (for undo).
   */
  private *writeBulkSteps(
    writes: ReadonlyArray<{ path: ReadonlyArray<string | number>; key: string; text: string | undefined }>,
    stale: readonly string[],
    restore: Record<string, string> | undefined,
  ): Steps<Record<string, string> | undefined> {
    let k = 0;
    for (const w of writes) {
      if (++k % EDITS_PER_STEP === 0) yield;
      const values = this.own(w.path) as Record<string, string>;
      if (w.text === undefined) delete values[w.key];
      else values[w.key] = w.text;
    }
    const dropped = stale.length > 0 ? this.removePrinted(stale) : undefined;
    if (restore) Object.assign(this.own(['printed']) as Record<string, string>, restore);
    return dropped;
  }

  /** Printed figures `ids` taken out of the document, as they were (for undo). */
  private removePrinted(ids: readonly string[]): Record<string, string> {
    const printed = this.own(['printed']) as Record<string, string>;
    const out: Record<string, string> = {};
    for (const id of ids) {
      out[id] = printed[id]!;
      delete printed[id];
    }
    return out;
  }

  /** The ids of the printed figures of `nodes` and of the cells that depend on them through any chain. */
  private printedDependingOn(nodes: readonly number[]): string[] {
    if (this.printedNodes.size === 0) return [];
    const g = this.graphState;
    const seen = new Set<number>(nodes);
    const queue = [...nodes];
    const out: string[] = [];
    while (queue.length > 0) {
      const n = queue.pop()!;
      if (this.printedNodes.has(n)) out.push(g.idAt(n));
      g.forEachDependent(n, (d) => {
        if (seen.has(d)) return;
        seen.add(d);
        queue.push(d);
      });
    }
    return out;
  }

  /**
   * Enter an amount typed by the user (in the document's unit). Only entered cells take input;
   * on any refusal the document is unchanged and the reason says why, in Chinese.
   */
  setCell(table: number, rowKey: string, col: string, text: string): EditResult {
    const i = this.graphState.cell(table, rowKey, col);
    if (i === undefined) return { ok: false, reason: `表${table}没有“${this.rowLabel(table, rowKey)}”第${col}栏这个单元格` };
    if (!this.graphState.isEntered(i)) {
      return { ok: false, reason: `表${table}“${this.rowLabel(table, rowKey)}”${this.columnLabel(table, col)}由其他单元格计算得出，不能直接修改` };
    }
    const parsed = parseBoundedAmount(text, this.docState.unit);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    // The document-wide bound keeps every total exact (money/amount-bound.ts).
    this.magnitude ??= documentAmountMagnitude(this.docState);
    const magnitude = this.magnitude - Math.abs(this.graphState.valueAt(i)) + Math.abs(parsed.fen);
    if (magnitude > AMOUNT_BOUND.maxDocumentFen) {
      return { ok: false, reason: `“${text}”使金额总量超出本程序可精确计算的范围（${DOCUMENT_BOUND_TEXT}），请核对金额单位（万元/元）是否填错` };
    }
    const store = this.storage(table, rowKey, col)!;
    const before = store.values[store.key];
    const wasZero = before === undefined || amountIsZero(before);
    const source = this.layout(table).byKey.get(rowKey)?.source;
    const inclusionBefore = wasZero !== (parsed.fen === 0) && source ? this.inclusion(source.index, source.set) : '';
    // Read before the write: the rows laid out again below are wired afresh.
    const staleIfStructural = inclusionBefore !== '' && parsed.fen !== this.graphState.valueAt(i) ? this.printedDependingOn([i]) : [];
    if (parsed.fen === 0) delete store.values[store.key];
    else store.values[store.key] = formatExact(parsed.fen, this.docState.unit);
    const structural = inclusionBefore !== '' && source !== undefined && inclusionBefore !== this.inclusion(source.index, source.set);
    if (structural && staleIfStructural.length > 0) {
      // The row now shows in more or fewer tables and printed figures above it went stale (as below).
      const dropped = this.removePrinted(staleIfStructural);
      this.rebuild();
      return { ok: true, changed: [], structural: true, dropped };
    }
    if (structural) {
      // The row now shows in more or fewer tables: it is laid out again as if removed and re-added.
      this.magnitude = magnitude;
      if (!this.spliceRows(source.set, source.index, [this.docState[ROW_ARRAY[source.set]][source.index]], 1, false)) this.rebuild();
      return { ok: true, changed: [], structural: true };
    }
    const tiedBefore = this.finerThanCent > 0;
    this.finerThanCent += Number(parsed.fen % FEN_PER_WAN_CENT !== 0) - Number(this.graphState.valueAt(i) % FEN_PER_WAN_CENT !== 0);
    this.magnitude = magnitude;
    // The first amount finer than 0.01 万元: the tie-out of the tables as they are is every amount
    // as it is, and this edit updates it like any other.
    const tieBegun = !tiedBefore && this.finerThanCent > 0 ? TieOut.whole(this.graphState, this.layoutList) : null;
    const changedNodes = this.graphState.setEntered(i, parsed.fen);
    let stale: string[] | undefined;
    const cells: number[] = [];
    for (const n of changedNodes) {
      const c = this.checks.atNode(n);
      if (c) this.refreshCheck(c);
      else {
        cells.push(n);
        if (this.printedNodes.has(n)) {
          stale ??= [];
          stale.push(this.graphState.idAt(n));
        }
      }
    }
    for (const n of cells) this.touchDependentChecks(n);
    // The tie-out follows the edit (its chain only) while one is needed before and after; the cells
    // it shows otherwise are changed cells too.
    let shown: number[] = [];
    let tieTurned = tiedBefore !== this.finerThanCent > 0;
    if (tieBegun) {
      this.tie = tieBegun;
      this.tieDirty = false;
      shown = tieBegun.update(i, changedNodes);
      tieTurned = false;
    } else if (tieTurned && !this.tieDirty && this.tie) {
      // The last finer amount gone: updated by this edit, the tie-out prints every amount as it is
      // (the cells it moves back are those it reports); then it is let go.
      shown = this.tie.update(i, changedNodes);
      this.endedTie = this.tie;
      this.tie = null;
      tieTurned = false;
    } else if (tieTurned) this.tieDirty = true;
    else if (!this.tieDirty && this.tie) shown = this.tie.update(i, changedNodes);
    // A tie-out begun, ended or not yet worked out: any amount as printed may move.
    const redraw = tieTurned || (this.tieDirty && this.finerThanCent > 0);
    // An imported packet's printed totals describe the packet as published; once an amount they
    // depend on is edited they are out of date, so they give way to the recomputed values.
    if (stale) {
      const dropped = this.removePrinted(stale);
      if (!this.dropPrinted(dropped)) this.rebuild();
      return { ok: true, changed: [], structural: true, dropped };
    }
    const ids = new Set<string>();
    for (const n of cells) ids.add(this.graphState.idAt(n));
    for (const n of shown) if (this.graphState.cellAt(n)) ids.add(this.graphState.idAt(n));
    return redraw ? { ok: true, changed: [...ids], structural: false, redraw } : { ok: true, changed: [...ids], structural: false };
  }

  /**
   * Printed figures just removed from the document (they went stale): the checks that counted them
   * count their cells again, their own identity checks go. False when a row was shown only for
   * its printed figures, which a new layout must drop: the caller rebuilds.
   */
  private dropPrinted(dropped: Record<string, string>): boolean {
    this.touched = null;
    const g = this.graphState;
    for (const id of Object.keys(dropped)) {
      const at = parseCellId(id)!;
      const l = this.layoutList.find((x) => x.no === at.table);
      const row = l?.byKey.get(at.row);
      if (!l || !row || l.template.kind !== 'hier' || !row.source) continue;
      // Still shown for another printed figure of its row; else only if its amounts show it.
      if (l.template.columns.some((c) => this.docState.printed[cellId(at.table, at.row, c.no)] !== undefined)) continue;
      if (!includeLeaf(l.template, leafAt(this.docState, row.source.set, row.source.index), EMPTY_SET)) return false;
    }
    for (const id of Object.keys(dropped)) {
      const n = g.indexOf(id);
      if (n !== undefined) this.printedNodes.delete(n);
    }
    const touched: BuiltCheck[] = [];
    for (const [id, text] of Object.entries(dropped)) {
      const at = parseCellId(id)!;
      for (const rule of ['sum.columns', 'sum.rows', 'sum.lines']) {
        const c = this.checks.get(rule, at.table, at.row, at.col);
        if (!c) continue;
        g.remove(c.node);
        this.checks.delete(c);
        this.violations.delete(c.node);
        this.findingCache.delete(c);
      }
      const fen = amountToFen(text, '万元');
      for (const u of this.printedUses.get(id) ?? []) {
        const c = u.check;
        if (!this.checks.holds(c)) continue;
        const ref = { table: at.table, row: at.row, col: at.col, coef: u.coef };
        if (u.side === 'actual') {
          c.spec = { ...c.spec, actual: [...c.spec.actual, ref], actualConst: (c.spec.actualConst ?? 0) - u.coef * fen };
          g.addConstant(c.node, -u.coef * fen);
          g.refer(c.node, [ref]);
        } else {
          c.spec = { ...c.spec, expected: [...c.spec.expected, ref], expectedConst: (c.spec.expectedConst ?? 0) - u.coef * fen };
          g.addConstant(c.node, u.coef * fen);
          g.refer(c.node, [ref], -1);
        }
        touched.push(c);
      }
      this.printedUses.delete(id);
    }
    for (const n of g.flush()) {
      const c = this.checks.atNode(n);
      if (c) this.refreshCheck(c);
    }
    for (const c of touched) this.refreshCheck(c);
    // Printed figures count towards the amount bound; the document now holds fewer.
    if (this.magnitude !== null) for (const text of Object.values(dropped)) this.magnitude -= Math.abs(amountToFen(text, '万元'));
    return true;
  }

  /** Which tables show a row-set row (rows follow the data); a change here needs a new layout. */
  private inclusion(index: number, set: RowSetKind): string {
    const leaf = leafAt(this.docState, set, index);
    const printedRows = new Set<string>();
    return this.template.tables
      .map((t) => (t.kind === 'hier' && t.rowSet === set && includeLeaf(t, leaf, printedRows) ? '1' : '0'))
      .join('');
  }

  /** Apply a change of the document (a row added or deleted, a field set, or its undo). */
  applyChanges(changes: readonly DocChange[], direction: 'forward' | 'back'): void {
    for (const c of changes) if (c.path.length > 0) this.own(c.op === 'splice' ? c.path : c.path.slice(0, -1));
    const before = this.docState;
    const doc = applyChanges(this.docState, changes, direction);
    const format = formatOf(doc);
    if (!format) {
      this.docState = applyChanges(doc, changes, direction === 'forward' ? 'back' : 'forward');
      throw new Error(`未知的表格格式“${doc.template}”`);
    }
    if (doc !== before) this.owned = new WeakSet();
    this.format = format;
    this.docState = doc;
    // Part-1 fields, the narrative, the glossary…: nothing the tables are built from.
    if (changes.every((c) => c.path.length > 0 && !ENGINE_KEYS.has(String(c.path[0])))) return;
    // Rows added or removed: only those rows are laid out and wired.
    const splices = doc === before ? rowSplices(changes, direction) : null;
    if (splices?.every((sp) => this.spliceRows(sp.set, sp.at, sp.removed, sp.inserted))) return;
    this.rebuild();
  }

  /**
   * Rows of one row set removed (`removed`, as they were) and `inserted` rows put at `at`, all
   * already in the document: lays out and wires those rows alone, as `rebuild` would have them.
   * False when only a rebuild gets it right (printed figures of a packet, a unit group that
   * appears, empties or moves); the caller then rebuilds.
   * A change of several splices is taken only when each is to a different row set, so `at`
   * refers to the document as it is.
   */
  private spliceRows(set: RowSetKind, at: number, removed: readonly unknown[], inserted: number, adjustMagnitude = true): boolean {
    const doc = this.docState;
    if (Object.keys(doc.printed).length > 0) return false;
    const g = this.graphState;
    const keyOf = (r: unknown) => (set === 'project' ? `p:${(r as { id: string }).id}` : set === 'carryover' ? `c:${(r as { id: string }).id}` : (r as { code: string }).code);
    const leaves = Array.from({ length: inserted }, (_, k) => leafAt(doc, set, at + k));
    const keys = new Set([...removed.map(keyOf), ...leaves.map((l) => l.key)]);
    const codes = new Set<string>();
    for (const r of [...removed, ...leaves] as Array<{ code?: string }>) {
      if (r.code) for (const c of [r.code, r.code.slice(0, 3), r.code.slice(0, 5)]) codes.add(c);
    }
    const decls = this.format.checks.filter((d) => d.kind !== 'cells');
    const isCodeRule = (f: Finding) => f.rule === 'code.unknown' || f.rule === 'code.name';
    const tiedBefore = this.finerThanCent > 0;
    const firstNew = g.slots;

    // The checks and code findings of these rows and codes go; they are made again below.
    const before = crossChecks(decls, this.rowsWith(keys, codes, true));
    for (let k = 0; k < before.family.length; k++) {
      const f = before.family[k]!;
      const c = this.checks.get(f.rule, f.table, before.row[k]!, f.col);
      if (!c) continue;
      g.remove(c.node);
      this.checks.delete(c);
      this.violations.delete(c.node);
      this.findingCache.delete(c);
      // Its finding, if it had one, leaves the list.
      this.touched?.add(c);
    }
    const fixedKept = this.fixedFindings.filter((f) => !(isCodeRule(f) && codes.has(this.layout(f.table).byKey.get(f.rowKey)?.code ?? '')));

    const tables = this.layoutList.filter((l) => l.template.kind === 'hier' && l.template.rowSet === set);
    const onSplice = (l: TableLayout): OnSplice => (at, delta, row) => this.rowOrder.spliced(l.no, at, delta, row);
    let magnitude = this.magnitude;
    const account = (values: readonly Fen[], sign: 1 | -1) => {
      for (const v of values) {
        if (v % FEN_PER_WAN_CENT !== 0) this.finerThanCent += sign;
      }
    };
    // The rows of each table this change adds, removes or changes the amounts of (`rowsReshapedSince`).
    const touchedRows = new Map<number, Set<string>>();
    const touch = (table: number, key: string) => addRow(touchedRows, table, key);
    for (const l of tables) {
      for (const r of removed) {
        const gone = removeLeaf(l, doc, keyOf(r), onSplice(l));
        if (!gone) return false;
        for (const p of gone) {
          touch(l.no, p.row.key);
          account(removeRowCells(g, l.template as HierTableTemplate, p.row), -1);
        }
      }
    }
    // A leaf's `source` is one object for every table that shows the row: each is shifted once,
    // through a table that shows every leaf of the set when there is one (no set of 100,000 to keep).
    const shift = inserted - removed.length;
    if (shift !== 0) {
      const every = tables.find((l) => showsEveryLeaf(l.template as HierTableTemplate));
      const shifted = every ? null : new Set<object>();
      for (const l of every ? [every] : tables) {
        for (const row of l.rows) {
          const src = row.source;
          if (!src || src.index < at || shifted?.has(src)) continue;
          shifted?.add(src);
          src.index += shift;
        }
      }
    }
    const names = nameLookup(doc);
    for (const leaf of leaves) {
      for (const l of tables) {
        const t = l.template as HierTableTemplate;
        if (!includeLeaf(t, leaf, EMPTY_SET)) continue;
        const placed = insertLeaf(l, doc, names, leaf, onSplice(l));
        if (!placed) return false;
        for (const p of placed) {
          touch(l.no, p.row.key);
          account(addRowCells(g, t, p.row, p.parent, doc).map((i) => g.valueAt(i)), 1);
        }
      }
    }
    if (!tables.every((l) => unitOrderHolds(l, doc, EMPTY_SET))) return false;

    const added: BuiltCheck[] = [];
    const after = crossChecks(decls, this.rowsWith(keys, codes, true));
    for (let k = 0; k < after.family.length; k++) {
      const c = addCrossCheck(g, this.checks, after, k);
      if (c) added.push(c);
    }
    const codeFindings = staticFindings(
      { ...doc, functionRows: [], economicRows: [], projectRows: [], carryoverRows: [] },
      this.rowsWith(new Set(), codes, false),
      codeListFor(doc),
      [],
      (t, r) => this.rowLabel(t, r),
    ).filter(isCodeRule);
    // The same list while these rows have no code findings (the findings list is then patched, not sorted afresh).
    if (fixedKept.length !== this.fixedFindings.length || codeFindings.length > 0) this.fixedFindings = [...fixedKept, ...codeFindings];

    const sums = g.pending();
    const changed = g.flush();
    for (const n of changed) {
      const c = this.checks.atNode(n);
      if (c) this.refreshCheck(c);
      else {
        this.touchDependentChecks(n);
        const at = g.cellAt(n);
        if (at) touch(at.table, at.row);
      }
    }
    for (const c of added) this.refreshCheck(c);
    if (magnitude !== null && adjustMagnitude) {
      const probe = (rows: readonly unknown[]) =>
        documentAmountMagnitude({ ...doc, fixed: {}, printed: {}, functionRows: [], economicRows: [], projectRows: [], carryoverRows: [], [ROW_ARRAY[set]]: rows });
      magnitude += probe(doc[ROW_ARRAY[set]].slice(at, at + inserted)) - probe(removed);
    }
    this.magnitude = magnitude;
    // The tie-out follows the rows, unless whether one is needed changed with them.
    if (this.tie && !this.tieDirty && tiedBefore && this.finerThanCent > 0) this.tie.restructure(tables, changed, firstNew, sums);
    else this.tieDirty = true;
    // With a tie-out the amounts as shown may move in rows the change did not touch.
    if (tiedBefore || this.finerThanCent > 0) this.reshapes = new ReshapeLog();
    else this.reshapes.note(touchedRows);
    return true;
  }

  /**
   * Each hier table reduced to its rows with one of `keys` or `codes` (leaves only, or rows of any
   * level), in table order. Found through the row keys (a code is the key of its 项/款/类 row, behind
   * a unit prefix) and the children of a code's parent row, never by reading the whole table.
   */
  private rowsWith(keys: ReadonlySet<string>, codes: ReadonlySet<string>, leavesOnly: boolean): TableLayout[] {
    return this.layoutList
      .filter((l) => l.template.kind === 'hier')
      .map((l) => {
        const t = l.template as HierTableTemplate;
        const found = new Set<LayoutRow>();
        const take = (r: LayoutRow | undefined) => {
          if (r && (!leavesOnly || r.level === 'leaf')) found.add(r);
        };
        for (const k of keys) take(l.byKey.get(k));
        const units = t.levels.includes('unit') ? l.rows[0]!.children! : [];
        const prefixes = ['', ...units.filter((k) => k !== 'unit').map((k) => `${k.slice('unit:'.length)}/`)];
        const parentCode = (c: string) => (t.levels.includes('kuan') ? c.slice(0, 5) : t.levels.includes('class') ? c.slice(0, 3) : null);
        for (const c of codes) {
          const pc = parentCode(c);
          for (const p of prefixes) {
            take(l.byKey.get(p + c));
            // Leaves keyed by project id: among the children of the code's 款 (or 类) row.
            const parent = pc !== null && pc !== c ? l.byKey.get(p + pc) : undefined;
            for (const k of parent?.children ?? []) {
              const r = l.byKey.get(k)!;
              if (r.code === c) take(r);
            }
          }
        }
        const unitAt = new Map(units.map((k, i) => [k === 'unit' ? '' : k.slice('unit:'.length), i]));
        const unitOfRow = (r: LayoutRow) => {
          const slash = r.key.lastIndexOf('/');
          return r.level === 'leaf' ? unitOf(t, r.unit, this.docState) : slash < 0 ? '' : r.key.slice(0, slash);
        };
        // Layout order: unit group, then code (a 类 before its 款 before its 项), then document order.
        const rank = (r: LayoutRow): [number, string, number] => [unitAt.get(unitOfRow(r)) ?? 0, r.code ?? '', r.source?.index ?? -1];
        const rows = [...found].sort((a, b) => {
          const [ua, ca, ia] = rank(a);
          const [ub, cb, ib] = rank(b);
          return ua - ub || (ca < cb ? -1 : ca > cb ? 1 : 0) || ia - ib;
        });
        return { ...l, rows };
      });
  }

  /** Put back printed figures of an imported packet that an edit dropped (its undo). */
  restorePrinted(entries: Record<string, string>): void {
    Object.assign(this.own(['printed']) as Record<string, string>, entries);
    this.rebuild();
  }

  /** Replace the document wholesale (import); rebuilds. */
  replaceDocument(doc: BudgetDocument): void {
    const format = formatOf(doc);
    if (!format) throw new Error(`未知的表格格式“${doc.template}”`);
    this.format = format;
    this.docState = this.adopt(doc);
    this.rebuild();
  }
}

const EMPTY_SET: Set<string> = new Set();

/** Broken checks worded per step of `findingsSteps` (a few ms at 100,000 items). */
const WORD_BATCH = 500;
/** Findings placed (their rows' positions) or taken in sorted order per step of `findingsSteps`. */
const PLACE_BATCH = 10_000;
/** Cells of a block checked, or written into the document, per step (a few ms each). */
const EDITS_PER_STEP = 5_000;
/** Edits of an imported packet (printed figures) made at once when more than this many (`bulkWorthIt`). */
const PRINTED_BULK_OVER = 20;

/** The changes as row-set splices (in the order to apply them), or null if any is something else. */
function rowSplices(changes: readonly DocChange[], direction: 'forward' | 'back'): Array<{ set: RowSetKind; at: number; removed: unknown[]; inserted: number }> | null {
  const sets: Record<string, RowSetKind> = { functionRows: 'function', economicRows: 'economic', projectRows: 'project', carryoverRows: 'carryover' };
  const out: Array<{ set: RowSetKind; at: number; removed: unknown[]; inserted: number }> = [];
  for (const c of direction === 'forward' ? changes : [...changes].reverse()) {
    const set = sets[String(c.path[0])];
    if (c.op !== 'splice' || c.path.length !== 1 || !set || out.some((o) => o.set === set)) return null;
    const [removed, inserted] = direction === 'forward' ? [c.removed, c.inserted] : [c.inserted, c.removed];
    out.push({ set, at: c.at, removed, inserted: inserted.length });
  }
  return out;
}

/** Top-level document fields the tables and their findings are built from. */
const ENGINE_KEYS = new Set([
  'template', 'customFormat', 'department', 'unit', 'functionRows', 'economicRows', 'projectRows', 'carryoverRows', 'fixed', 'names', 'printed', 'classification',
]);

const ROW_ARRAY = { function: 'functionRows', economic: 'economicRows', project: 'projectRows', carryover: 'carryoverRows' } as const;

/** Each broken check's cells as graph nodes: the actual side's first (`split` of them), then the expected side's. */
interface ResolvedCheck {
  graph: CellGraph;
  shape: number;
  /** The check's own spec when it has one (replaced when a printed figure is dropped). */
  own: CheckSpec | undefined;
  spec: CheckSpec;
  nodes: number[];
  coefs: number[];
  split: number;
}

interface AdjustedWording {
  exact: Fen;
  shown: Fen;
  row: string;
  finding: Finding;
}

/** The session's last list of findings and what it was made from. */
interface SortedFindings {
  list: Finding[];
  ids: Set<string>;
  /**
   * The layouts it was sorted by. Rows added or removed in place (\`spliceRows\`) keep the others'
   * order, so the list stays sorted without them; a new layout may order rows anew.
   */
  layouts: readonly TableLayout[];
  tie: TieOut | null;
  fixed: Finding[];
  fixedIds: ReadonlySet<string>;
  /** The finding in `list` of each broken check, and of each adjusted cell (by node). */
  byCheck: Map<BuiltCheck, Finding>;
  byCell: Map<number, Finding>;
  /** How `list` was made from the list before, when it was patched. */
  change: FindingsChange | null;
}

/**
 * Findings by table, row (`pa`, `pb`: positions in the table), column, rule. Rows the table does not
 * show (a 项 of 表7 without its row in 表5) come last, by key; then the id, so a list patched edit
 * by edit sorts as one made afresh. 0 only for one finding.
 */
function compareFindings(a: Finding, pa: number | undefined, b: Finding, pb: number | undefined): number {
  return (
    a.table - b.table ||
    (pa ?? Number.MAX_SAFE_INTEGER) - (pb ?? Number.MAX_SAFE_INTEGER) ||
    (pa === undefined && pb === undefined ? byText(a.rowKey, b.rowKey) : 0) ||
    Number(a.column) - Number(b.column) ||
    a.rule.localeCompare(b.rule) ||
    byText(a.id, b.id)
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** More checks or cells changed than this since the last list, and it is sorted afresh. */
const PATCH_MAX = 256;

/** Layout rows are never changed once made: each one's label, worded once (findings word thousands after every edit). */
const LABELS = new WeakMap<LayoutRow, string>();

export function describeRow(row: LayoutRow): string {
  if (row.level === 'line' || row.level === 'total' || row.level === 'unit') return row.name;
  const code = row.code ?? '';
  const project = row.project && row.level === 'leaf' && row.name !== row.project ? ` ${row.project}` : '';
  return `${code ? `${code} ` : ''}${row.name}${project}`.trim();
}
