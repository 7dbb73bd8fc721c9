import type { BudgetSession } from '../engine/session';
import type { Severity } from '../rules/catalog';
import type { Finding } from '../rules/finding';
import { runSteps, type Steps } from '../engine/steps';
import type { OutChange } from '../rules/grouping';
import { type CellMark, type CellMarks, checkSpecs, findingMarks } from './cell-marks';

/**
 * The cell marks of the table findings (`cellMarks`), kept up to date edit by edit: the grid asks
 * for them after every edit, and a draft with thousands of findings marked them all again each
 * time (200 ms at 100,000 items). After an edit of amounts only the findings it took out or put
 * in are unmarked or marked, and those whose marks hang on an amount it changed (an entered cell
 * is marked only while it holds one) are marked again. Always what `cellMarks` gives for the list.
 */
export class LiveMarks {
  readonly marks: CellMarks = new Map();
  /** The same marks by table, keyed `row|col`. */
  private readonly byTable = new Map<number, Map<string, CellMark>>();
  private readonly keysOf = new Map<Finding, string[]>();
  /** Per finding, the entered cells it marks or not by their amount; and per such cell, the findings. */
  private readonly testedOf = new Map<Finding, string[]>();
  private readonly testers = new Map<string, Set<Finding>>();
  private listNow: readonly Finding[];
  /** Bumped by each `follow`; the cells each one touched, the latest few (`changedSince`). */
  private versionNow = 0;
  private readonly log: Array<{ version: number; keys: ReadonlySet<string> }> = [];

  constructor(
    readonly session: BudgetSession,
    list: readonly Finding[],
    /** Mark them now (the default), or leave them to `buildSteps`. */
    now = true,
  ) {
    this.listNow = list;
    if (now) for (const f of list) this.mark(f);
  }

  /**
   * The marks of `list` made in steps: the identities its findings name, a family per step, then
   * MARK_BATCH cells per step. After a whole table is cleared at 100,000 items, some 39,000
   * findings mark 333,000 cells (over two seconds at once).
   */
  static *buildSteps(session: BudgetSession, list: readonly Finding[]): Steps<LiveMarks> {
    const live = new LiveMarks(session, list, false);
    yield* checkSpecs(session).prepareSteps(list);
    const budget = { cells: MARK_BATCH };
    for (let i = 0; i < list.length; i++) yield* live.markSteps(list[i]!, undefined, budget);
    return live;
  }

  /** The findings the marks are of. */
  get list(): readonly Finding[] {
    return this.listNow;
  }

  get version(): number {
    return this.versionNow;
  }

  /** The cells (`table|row|col`) whose marks may have changed since `version`, or null when that is too long ago. */
  changedSince(version: number): ReadonlySet<string> | null {
    if (version === this.versionNow) return EMPTY_KEYS;
    const first = this.log[0];
    if (!first || first.version > version + 1) return null;
    const out = new Set<string>();
    for (const e of this.log) if (e.version > version) for (const k of e.keys) out.add(k);
    return out;
  }

  /** One table's marks by `row|col` (the live map: read it, do not keep it). */
  table(no: number): ReadonlyMap<string, CellMark> {
    return this.byTable.get(no) ?? EMPTY;
  }

  /**
   * After edits of amounts only: `list` is the marks' list changed by `change` (or the same list),
   * and `cells` are the cells whose amounts changed. False when the marks cannot follow (another
   * list, rows changed): the caller makes them afresh.
   */
  follow(list: readonly Finding[], change: OutChange | null, cells: Iterable<string>): boolean {
    if (list !== this.listNow && change?.from !== this.listNow) return false;
    const again = new Set<Finding>();
    for (const id of cells) for (const f of this.testers.get(id) ?? []) again.add(f);
    const touched = new Set<string>();
    if (list !== this.listNow) for (const f of change!.dropped) this.unmark(f, touched);
    for (const f of again) {
      if (!this.keysOf.has(f)) continue;
      this.unmark(f, touched);
      this.mark(f, touched);
    }
    if (list !== this.listNow) for (const f of change!.added) this.mark(f, touched);
    this.listNow = list;
    this.versionNow++;
    this.log.push({ version: this.versionNow, keys: touched });
    if (this.log.length > LOG_LENGTH) this.log.shift();
    // A cell marked by several findings lists them in the list's order, and is an error if one is.
    const shared: CellMark[] = [];
    for (const key of touched) {
      const m = this.marks.get(key);
      if (m && m.findings.length > 1) shared.push(m);
    }
    if (shared.length > 0) {
      const wanted = new Set(shared.flatMap((m) => m.findings));
      const at = new Map<Finding, number>();
      for (let i = 0; i < list.length; i++) if (wanted.has(list[i]!)) at.set(list[i]!, i);
      for (const m of shared) {
        m.findings.sort((a, b) => at.get(a)! - at.get(b)!);
        m.severity = severityOf(m.findings);
      }
    }
    return true;
  }

  private mark(f: Finding, touched?: Set<string>): void {
    runSteps(this.markSteps(f, touched));
  }

  /**
   * `mark` pausing when `budget` cells have been marked since the last pause: steps of about the
   * same work however many cells each finding marks (200 findings a step held up to 0.3 s).
   */
  private *markSteps(f: Finding, touched?: Set<string>, budget = { cells: Number.POSITIVE_INFINITY }): Steps<void> {
    const tested: string[] = [];
    const keys = findingMarks(this.session, checkSpecs(this.session), f, tested);
    this.keysOf.set(f, keys);
    if (tested.length > 0) {
      this.testedOf.set(f, tested);
      for (const id of tested) {
        const set = this.testers.get(id);
        if (set) set.add(f);
        else this.testers.set(id, new Set([f]));
      }
    }
    for (const key of keys) {
      if (--budget.cells <= 0) {
        budget.cells = MARK_BATCH;
        yield;
      }
      touched?.add(key);
      const m = this.marks.get(key);
      if (m) {
        m.findings.push(f);
        if (f.severity === 'error') m.severity = 'error';
        continue;
      }
      const made: CellMark = { severity: f.severity, findings: [f] };
      this.marks.set(key, made);
      const { table, rest } = split(key);
      let t = this.byTable.get(table);
      if (!t) {
        t = new Map();
        this.byTable.set(table, t);
      }
      t.set(rest, made);
    }
  }

  private unmark(f: Finding, touched: Set<string>): void {
    const keys = this.keysOf.get(f);
    if (!keys) return;
    this.keysOf.delete(f);
    for (const id of this.testedOf.get(f) ?? []) {
      const set = this.testers.get(id);
      set?.delete(f);
      if (set?.size === 0) this.testers.delete(id);
    }
    this.testedOf.delete(f);
    for (const key of keys) {
      const m = this.marks.get(key);
      if (!m) continue;
      touched.add(key);
      const i = m.findings.indexOf(f);
      if (i >= 0) m.findings.splice(i, 1);
      if (m.findings.length > 0) {
        m.severity = severityOf(m.findings);
        continue;
      }
      this.marks.delete(key);
      const { table, rest } = split(key);
      this.byTable.get(table)?.delete(rest);
    }
  }
}

/** Cells marked per step of `buildSteps` (a few ms at 100,000 items). */
const MARK_BATCH = 2_000;
const EMPTY: ReadonlyMap<string, CellMark> = new Map();
const EMPTY_KEYS: ReadonlySet<string> = new Set();
/** How many follows' touched cells are kept: a view that missed more compares all its marks. */
const LOG_LENGTH = 32;

/** `table|row|col` as its table and `row|col`. */
function split(key: string): { table: number; rest: string } {
  const bar = key.indexOf('|');
  return { table: Number(key.slice(0, bar)), rest: key.slice(bar + 1) };
}

/** As `cellMarks` words it: the first finding's severity, an error when any is. */
function severityOf(findings: readonly Finding[]): Severity {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings[0]!.severity;
}
