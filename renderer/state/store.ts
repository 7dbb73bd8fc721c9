import { BudgetSession } from '../../shared/engine/session';
import { runStepsPaused, type Steps } from '../../shared/engine/steps';
import { type BudgetDocument, documentAmountMagnitude, documentEditError } from '../../shared/model';
import { cellId, parseCellId } from '../../shared/engine/cell-id';
import { addRow, type ReshapeCursor, type RowsByTable } from '../../shared/engine/reshape-log';
import { commentAt, setComment } from '../../shared/model/comments';
import { type DocChange, diffDocument } from '../../shared/model/doc-changes';
import { AMOUNT_BOUND, formatExact } from '../../shared/money';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { type GeneratedNarrative, generateNarrative } from '../../shared/narrative/generate';
import { countFindings, mergeFindings, tablePart, tablePartChange, tablePartSteps, textPart } from '../../shared/rules/all-findings';
import type { Finding } from '../../shared/rules/finding';
import type { CellMarks } from '../../shared/views/cell-marks';
import { LiveMarks } from '../../shared/views/live-marks';
import type { Severity } from '../../shared/rules/catalog';
import { patchFindings } from './findings-wire';
import type { SessionOp, TextFindingsReply, TextFindingsRequest, TextViewEarly } from './text-findings';
import { type NarrativePage, type NarrativeView, narrativeView, viewCovers } from '../packet/narrative-view';

/** One cell edit with what was there before, so it can be undone exactly. */
export interface CellEdit {
  table: number;
  row: string;
  col: string;
  text: string;
}

interface CellStep {
  kind: 'cells';
  id: number;
  label: string;
  edits: Array<CellEdit & { before: string }>;
  /** Printed figures of an imported packet the edits made stale (the session dropped them); undo restores them. */
  printedDropped?: Record<string, string>;
}
/** A change of rows or fields, kept as the change itself (a deleted row, a set field), not as copies of the document. */
interface DocStep {
  kind: 'doc';
  id: number;
  label: string;
  changes: DocChange[];
  /** What views refresh when the step is done or undone (everything, unless a few cells say enough). */
  refresh?: Change;
}
type Step = CellStep | DocStep;

/**
 * What views are told of a change: the cells whose amounts changed, or a change of structure.
 * `rows` (by table) when the session laid the rows out in place: every other row shows as before.
 */
export type Change = { type: 'cells'; ids: string[] } | { type: 'structure'; rows?: RowsByTable };

/** A point in the marks' history (`DocStore.marksCursor`). */
export interface MarksCursor {
  live: object;
  version: number;
}

export type Outcome = { ok: true } | { ok: false; reason: string };

/** A session's table findings (`tablePart`) and their cell marks, made before the session is shown. */
interface TableFindings {
  tables: Finding[];
  marks: LiveMarks;
}

/** A block edit made off to the side (`DocStore.bulkInSteps`): the new session, its table findings and marks. */
interface BulkMade extends TableFindings {
  ok: true;
  session: BudgetSession;
  edits: readonly CellEdit[];
  restore: Record<string, string> | undefined;
  dropped?: Record<string, string>;
}

/**
 * A session's table findings and marks in steps: the findings worded, sorted, grouped and marked a
 * batch per step. Run on from the steps that built the session, in the same slices.
 */
function* tableFindingsSteps(session: BudgetSession): Steps<TableFindings> {
  const tables = yield* tablePartSteps(session);
  return { tables, marks: yield* LiveMarks.buildSteps(session, tables) };
}

/** A document opened in steps (BudgetSession.openSteps) with its table findings and marks. */
function* openedSteps(doc: BudgetDocument): Steps<{ session: BudgetSession; found: TableFindings }> {
  const session = yield* BudgetSession.openSteps(doc);
  return { session, found: yield* tableFindingsSteps(session) };
}

/** A block made off to the side (`blockSteps`), or refused with the reason. */
type BlockBuilt = { ok: true; session: BudgetSession; dropped?: Record<string, string>; found: TableFindings } | { ok: false; reason: string };

/** A block made off to the side in steps (BudgetSession.withCellsSteps) with the new session's table findings and marks. */
function* blockSteps(from: BudgetSession, edits: readonly CellEdit[], restore: Record<string, string> | undefined): Steps<BlockBuilt> {
  const r = yield* BudgetSession.withCellsSteps(from, edits, restore);
  if (!r.ok) return r;
  return { ...r, found: yield* tableFindingsSteps(r.session) };
}

const UNDO_LIMIT = 200;
export const TEXT_DELAY_MS = 800;
/**
 * A document with more rows than this has its text findings written after the edits settle (in a
 * worker): writing the explanation text takes ~1 s at 10,000 lines. By size, not by a timing, so
 * a busy machine never changes when the counts are current.
 */
const LARGE_ROWS = 1500;

/**
 * The open document for the UI: the session, undo/redo, file name and unsaved state.
 * Views subscribe; the grid gets the ids of changed cells so it never re-renders a whole table per edit.
 */
export class DocStore {
  session: BudgetSession;
  filePath: string | undefined;
  /** The history step the file on disk corresponds to (0 = none): undoing back to it is clean again. */
  private savedStep = 0;
  private unsavedOther = false;
  private stepIds = 0;
  /** Identifies this document's recovery copy. */
  recoveryKey: string;
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private listeners = new Set<() => void>();
  private changeListeners = new Set<(c: Change) => void>();
  private revision = 0;
  /** Bumped on changes of the document only (not on messages): what the caches below follow. */
  private docRevision = 0;
  private tableCache: { rev: number; list: Finding[] } | null = null;
  /** The cell marks, following the table findings edit by edit (shared/views/live-marks.ts). */
  private live: LiveMarks | null = null;
  /** Cells whose amounts changed since the marks were brought up to date; null after any other change. */
  private marksCells: Set<string> | null = null;
  /** The text part as last written; `rev` may lag behind while a large document is being edited. */
  private textCache: { rev: number; list: Finding[] } | null = null;
  private narrativeCache: { rev: number; narrative: GeneratedNarrative } | null = null;
  /** The page 情况说明 shows (null when it is not showing): a large document's text worker answers with its view too. */
  private viewWanted: NarrativePage | null = null;
  /** The view of the text last made (`rev`: of which revision; a large document's may lag behind while the worker writes). */
  private viewCache: { rev: number; view: NarrativeView } | null = null;
  /** The first revision of the document now open: a view of an earlier one is of another document. */
  private docStart = 0;
  private mergedCache: { tables: Finding[]; text: Finding[] | undefined; list: Finding[] } | null = null;
  private textSlow: boolean;
  private textTimer: ReturnType<typeof setTimeout> | undefined;
  private textInFlight = false;
  /** The text-findings worker (null where the window cannot start one). */
  private worker: Worker | null | undefined;
  /**
   * What the session was changed by since revision `base` was sent to the worker, to send next
   * instead of the document; null when the worker must be sent the document (none sent yet,
   * another document, or the worker failed on it).
   */
  private sinceSent: { base: number; ops: SessionOp[] } | null = null;
  /** The findings of the worker's last answer with findings (an answer `same` stands for them). */
  private workerFindings: Finding[] | null = null;
  /** The text the document was opened from, while it is unchanged and not yet sent to the worker (`docText`). */
  private openedText: { rev: number; text: string } | null = null;

  constructor(doc: BudgetDocument, filePath?: string) {
    this.session = BudgetSession.open(doc);
    this.filePath = filePath;
    this.recoveryKey = newKey();
    this.textSlow = isLarge(doc);
  }

  get document(): BudgetDocument {
    return this.session.document;
  }

  /** Bumped on every change: React views read it through useSyncExternalStore. */
  get version(): number {
    return this.revision;
  }

  /** Bumped on every change of the document itself (not of what is shown about it). */
  get documentRevision(): number {
    return this.docRevision;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  onChange(fn: (c: Change) => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  private emit(change: Change | null, made?: TableFindings): void {
    this.revision++;
    if (change) this.docRevision++;
    if (made) {
      // The table findings and marks of the session now open, made in steps before it was.
      this.tableCache = { rev: this.docRevision, list: made.tables };
      this.live = made.marks;
      this.marksCells = new Set();
    } else if (change?.type === 'cells') for (const id of change.ids) this.marksCells?.add(id);
    else if (change) this.marksCells = null;
    if (change) for (const fn of this.changeListeners) fn(change);
    for (const fn of this.listeners) fn();
  }

  /**
   * The one list of findings (shared/rules/all-findings.ts): the status bar, the nav badge,
   * 检查结果 and 公开前检查 all read it. On a large document the text part is written after the
   * edits settle (findingsPending() says so meanwhile); the table part is always current.
   */
  findings(): Finding[] {
    const tables = this.tableFindings();
    const text = this.textFindings();
    const m = this.mergedCache;
    if (m && m.tables === tables && m.text === text) return m.list;
    const list = mergeFindings(this.session, tables, text ?? []);
    this.mergedCache = { tables, text, list };
    return list;
  }

  /** The text part is older than the document (being written after the last edits). */
  findingsPending(): boolean {
    this.textFindings();
    return this.textCache?.rev !== this.docRevision;
  }

  counts(): { errors: number; warnings: number } {
    return countFindings(this.findings());
  }

  /** Cells marked by the findings, with the findings each explains on hover (shared/views/cell-marks.ts); kept up to date in place. */
  marks(): CellMarks {
    return this.liveMarks().marks;
  }

  /** One table's marks for the grid: `row|col` → severity (a new map, to compare with the last). */
  tableMarks(table: number): Map<string, Severity> {
    const out = new Map<string, Severity>();
    for (const [k, m] of this.liveMarks().table(table)) out.set(k, m.severity);
    return out;
  }

  /** Where the marks are now, for `tableMarksSince`. */
  marksCursor(): MarksCursor {
    const live = this.liveMarks();
    return { live, version: live.version };
  }

  /**
   * One table's marks changed since `cursor` (`row|col` → severity now, undefined for a mark
   * gone), or null when the grid must compare them all (`tableMarks`): the marks were made afresh.
   */
  tableMarksSince(table: number, cursor: MarksCursor | null): Map<string, Severity | undefined> | null {
    const live = this.liveMarks();
    const keys = cursor?.live === live ? live.changedSince(cursor.version) : null;
    if (!keys) return null;
    const prefix = `${table}|`;
    const out = new Map<string, Severity | undefined>();
    for (const k of keys) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), live.marks.get(k)?.severity);
    return out;
  }

  private liveMarks(): LiveMarks {
    const list = this.tableFindings();
    const live = this.live;
    const cells = this.marksCells;
    this.marksCells = new Set();
    if (live && live.session === this.session && cells) {
      if (live.list === list && cells.size === 0) return live;
      if (live.follow(list, live.list === list ? null : tablePartChange(this.session, list), cells)) return live;
    }
    this.live = new LiveMarks(this.session, list);
    return this.live;
  }

  /**
   * What 情况说明 shows of the text (`page` of it), and whether it is of the document as it is now.
   * A large document's text is written in the text worker (seconds at 100,000 items): until its
   * answer arrives this gives the view last made (null before the first) and `current` false.
   */
  narrativeView(page: NarrativePage): { view: NarrativeView | null; current: boolean } {
    const c = this.viewCache;
    if (!this.textSlow || !this.textWorker()) {
      if (c?.rev !== this.docRevision || c.view.page.open !== page.open || c.view.page.count !== page.count) {
        this.viewCache = { rev: this.docRevision, view: narrativeView(this.document, this.narrative(), page) };
      }
      return { view: this.viewCache!.view, current: true };
    }
    this.viewWanted = page;
    if (c && c.rev === this.docRevision && viewCovers(c.view.page, page)) return { view: c.view, current: true };
    this.askView();
    return { view: c?.view ?? null, current: false };
  }

  /** 情况说明 is no longer showing: the worker's answers need no view. */
  stopNarrativeView(): void {
    this.viewWanted = null;
  }

  /** The view wanted is asked for by the next request: now, unless one is in flight or waiting for the edits to settle. */
  private askView(): void {
    if (this.textInFlight || this.textTimer !== undefined) return;
    const worker = this.textWorker();
    if (worker && this.postText(worker)) this.textInFlight = true;
  }

  private viewShown(): boolean {
    const c = this.viewCache;
    return !this.viewWanted || (c !== null && c.rev === this.docRevision && viewCovers(c.view.page, this.viewWanted));
  }

  /** The generated explanation text of the document as it is now. */
  narrative(): GeneratedNarrative {
    if (this.narrativeCache?.rev !== this.docRevision) this.narrativeCache = { rev: this.docRevision, narrative: generateNarrative(this.session) };
    return this.narrativeCache.narrative;
  }

  private tableFindings(): Finding[] {
    if (this.tableCache?.rev !== this.docRevision) this.tableCache = { rev: this.docRevision, list: tablePart(this.session) };
    return this.tableCache.list;
  }

  private textFindings(): Finding[] | undefined {
    if (this.textCache?.rev === this.docRevision) return this.textCache.list;
    if (!this.textSlow) {
      this.writeText();
      return this.textCache!.list;
    }
    this.scheduleText();
    return this.textCache?.list;
  }

  /** Once the edits settle: the text part of a large document, in the worker when the window has one. */
  private scheduleText(): void {
    if (this.textTimer !== undefined || this.textInFlight) return;
    this.textTimer = setTimeout(() => {
      this.textTimer = undefined;
      if (this.textCache?.rev === this.docRevision && this.viewShown()) return;
      const worker = this.textWorker();
      if (worker && this.postText(worker)) {
        this.textInFlight = true;
        return;
      }
      this.writeText();
      this.emit(null);
    }, TEXT_DELAY_MS);
  }

  private textWorker(): Worker | null {
    if (this.worker === undefined) {
      try {
        this.worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./text-findings.worker.ts', import.meta.url), { type: 'module' });
      } catch {
        this.worker = null;
      }
      if (this.worker) {
        this.worker.onmessage = (e: MessageEvent<TextFindingsReply | TextViewEarly>) => ('early' in e.data ? this.viewArrived(e.data) : this.textArrived(e.data));
        // A worker that cannot run: the text is checked here instead.
        this.worker.onerror = () => {
          this.worker?.terminate();
          this.worker = null;
          this.textInFlight = false;
          this.scheduleText();
        };
      }
    }
    return this.worker;
  }

  /** The worker's next request: the changes since what it was last sent, or the document. */
  private postText(worker: Worker): boolean {
    const rev = this.docRevision;
    const since = this.sinceSent;
    const page = this.viewWanted ?? undefined;
    const opened = this.openedText?.rev === rev ? this.openedText.text : undefined;
    this.openedText = null;
    const sent = since
      ? post(worker, { rev, base: since.base, ops: since.ops, page })
      : post(worker, opened === undefined ? { rev, doc: this.document, page } : { rev, docText: opened, page });
    this.sinceSent = sent ? { base: rev, ops: [] } : null;
    return sent;
  }

  /** The text written, not yet checked: 情况说明 shows it while the worker checks it (its answer to the request follows). */
  private viewArrived(m: TextViewEarly): void {
    if (m.rev < this.docStart) return;
    this.viewCache = { rev: m.rev, view: m.view };
    this.emit(null);
  }

  private textArrived(reply: TextFindingsReply): void {
    this.textInFlight = false;
    // Of a document no longer open (not read: nothing in it is this one's).
    if (reply.rev < this.docStart) {
      this.scheduleText();
      return;
    }
    // The findings this answer stands for: its own, or (`same`) those of the worker's last answer.
    let list: Finding[] | null = null;
    if (reply.ok && 'same' in reply) list = this.workerFindings;
    else if (reply.ok) list = this.workerFindings = patchFindings(this.workerFindings, reply.findings);
    // A view of an older revision still shows (the text as last written) until the current one comes.
    const view = reply.ok && reply.view && reply.rev >= this.docStart ? reply.view : undefined;
    if (view) this.viewCache = { rev: reply.rev, view };
    else if (!reply.ok && 'error' in reply && this.viewWanted) {
      // The worker failed on it: the text is written here, as the findings below.
      this.viewCache = { rev: this.docRevision, view: narrativeView(this.document, this.narrative(), this.viewWanted) };
    }
    // The worker could not follow, failed, or its last findings are not here: it is sent the document next.
    if (list === null) {
      this.sinceSent = null;
      this.workerFindings = null;
    }
    if (reply.rev !== this.docRevision || (!reply.ok && 'stale' in reply) || (reply.ok && list === null)) {
      // Edited meanwhile: check the document as it is now.
      this.scheduleText();
      if (view) this.emit(null);
      return;
    }
    if (list) this.textCache = { rev: reply.rev, list };
    else this.writeText();
    this.emit(null);
    // 情况说明 turned to another section or page meanwhile.
    if (!this.viewShown()) this.askView();
  }

  private writeText(): void {
    this.textCache = { rev: this.docRevision, list: textPart(this.session, this.narrative()) };
  }

  // The session is changed through these alone: the text worker's copy is changed alike (sinceSent).
  private setCell(table: number, row: string, col: string, text: string): ReturnType<BudgetSession['setCell']> {
    this.sinceSent?.ops.push({ op: 'cell', table, row, col, text });
    return this.session.setCell(table, row, col, text);
  }

  private setCellsBulk(edits: readonly CellEdit[], restore?: Record<string, string>): ReturnType<BudgetSession['setCellsBulk']> {
    this.sinceSent?.ops.push(cellsOp(edits, restore));
    return this.session.setCellsBulk(edits, restore);
  }

  private applyChanges(changes: readonly DocChange[], direction: 'forward' | 'back'): void {
    this.sinceSent?.ops.push({ op: 'changes', changes, direction });
    this.session.applyChanges(changes, direction);
  }

  private restorePrinted(entries: Record<string, string>): void {
    this.sinceSent?.ops.push({ op: 'restorePrinted', entries });
    this.session.restorePrinted(entries);
  }

  /** The stored text of an entered cell, in the document's unit ('' for empty). */
  storedText(table: number, row: string, col: string): string {
    const v = this.session.value(table, row, col);
    return v === 0 ? '' : formatExact(v, this.document.unit);
  }

  /**
   * Apply cell edits as one undoable step (a typed value, a paste, a cleared block).
   * All or nothing: if one is refused, the earlier ones are reverted and the reason returned.
   */
  setCells(edits: CellEdit[], label: string): Outcome {
    // A large block (a whole table cleared, filled or pasted) is written at once and the session built afresh.
    if (this.session.bulkWorthIt(edits.length)) {
      const befores = edits.map((e) => this.storedText(e.table, e.row, e.col));
      const r = this.setCellsBulk(edits);
      if (!r.ok) return r;
      this.pushBlock(label, edits, befores, r.dropped);
      this.emit({ type: 'structure' });
      return { ok: true };
    }
    let dropped: Record<string, string> | null = null;
    const done: Array<CellEdit & { before: string }> = [];
    const ids = new Set<string>();
    let structural = false;
    let redraw = false;
    const since = this.session.reshapeCursor();
    for (const e of edits) {
      const before = this.storedText(e.table, e.row, e.col);
      const r = this.setCell(e.table, e.row, e.col, e.text);
      if (!r.ok) {
        for (const d of done.reverse()) this.setCell(d.table, d.row, d.col, d.before);
        if (dropped) this.restorePrinted(dropped);
        if (done.length > 0) this.emit({ type: 'structure' });
        return { ok: false, reason: r.reason };
      }
      done.push({ ...e, before });
      if (r.structural || r.redraw) structural = true;
      if (r.redraw) redraw = true;
      if (r.dropped) dropped = Object.assign(dropped ?? {}, r.dropped);
      for (const id of r.changed) ids.add(id);
    }
    const changed = done.filter((d) => d.before !== this.storedText(d.table, d.row, d.col));
    if (changed.length === 0 && !dropped) return { ok: true };
    // Editing an imported packet drops the printed figures that depend on the edit (the session does
    // that); undoing must bring them back, so the step keeps the ones dropped.
    this.push(dropped ? { kind: 'cells', label, edits: changed, printedDropped: dropped } : { kind: 'cells', label, edits: changed });
    this.emit(dropped || redraw ? { type: 'structure' } : structural ? this.reshaped(since, ids) : { type: 'cells', ids: [...ids] });
    return { ok: true };
  }

  /** A block written at once kept as one undo step: the cells it changed, with what they held (`befores`), and the printed figures it dropped. */
  private pushBlock(label: string, edits: readonly CellEdit[], befores: readonly string[], dropped: Record<string, string> | undefined): void {
    const changed = edits.map((e, k) => ({ ...e, before: befores[k]! })).filter((d) => d.before !== this.storedText(d.table, d.row, d.col));
    if (dropped) this.push({ kind: 'cells', label, edits: changed, printedDropped: dropped });
    else if (changed.length > 0) this.push({ kind: 'cells', label, edits: changed });
  }

  /**
   * `setCells` for a block written at once (`bulkWorthIt`) in a large document: the session with
   * the block, its table findings and its cell marks are made in slices of steps, `pause` before
   * each, while the document stays as it was; then committed in one go. Clearing the whole 表2 of
   * 100,000 items at once held the window ~6 s. The caller keeps edits away meanwhile (the window
   * inert: whileBlocking). Anything smaller is made at once.
   */
  async setCellsInSteps(edits: CellEdit[], label: string, pause: () => Promise<void>, sliceMs?: number): Promise<Outcome> {
    if (!this.blockMadeInSteps(edits.length)) return this.setCells(edits, label);
    const befores = edits.map((e) => this.storedText(e.table, e.row, e.col));
    const made = await this.bulkInSteps(edits, undefined, pause, sliceMs);
    if (!made.ok) return made;
    this.commitBulk(made);
    this.pushBlock(label, edits, befores, made.dropped);
    this.emit({ type: 'structure' }, made);
    return { ok: true };
  }

  /** `undo`, with a large block made in steps as `setCellsInSteps` makes it. */
  undoInSteps(pause: () => Promise<void>, sliceMs?: number): Promise<string | undefined> {
    return this.replaySteps('back', pause, sliceMs);
  }

  /** `redo`, with a large block made in steps as `setCellsInSteps` makes it. */
  redoInSteps(pause: () => Promise<void>, sliceMs?: number): Promise<string | undefined> {
    return this.replaySteps('forward', pause, sliceMs);
  }

  private async replaySteps(dir: 'back' | 'forward', pause: () => Promise<void>, sliceMs?: number): Promise<string | undefined> {
    const from = dir === 'back' ? this.undoStack : this.redoStack;
    const step = from.at(-1);
    if (step?.kind !== 'cells' || !this.blockMadeInSteps(step.edits.length)) return dir === 'back' ? this.undo() : this.redo();
    // Each edit's cell once in a step: order does not matter (as `replay`).
    const made = await this.bulkInSteps(stepEdits(step.edits, dir), dir === 'back' ? step.printedDropped : undefined, pause, sliceMs);
    // Refused (it never is, the step was made from this document) or overtaken: made at once, edit by edit, as `replay` falls back.
    if (!made.ok || from.at(-1) !== step) return dir === 'back' ? this.undo() : this.redo();
    from.pop();
    (dir === 'back' ? this.redoStack : this.undoStack).push(step);
    this.commitBulk(made);
    this.emit({ type: 'structure' }, made);
    return step.label;
  }

  /** Whether a block of `count` cells is made in steps (`setCellsInSteps`): worth the busy indicator. */
  blockMadeInSteps(count: number): boolean {
    return this.textSlow && this.session.bulkWorthIt(count);
  }

  /** Whether the next undo (`back`) or redo is of a block made in steps (`undoInSteps`, `redoInSteps`). */
  replayMadeInSteps(dir: 'back' | 'forward'): boolean {
    const step = (dir === 'back' ? this.undoStack : this.redoStack).at(-1);
    return step?.kind === 'cells' && this.blockMadeInSteps(step.edits.length);
  }

  /**
   * The session with the block made (BudgetSession.withCellsSteps), its table part and its marks,
   * in steps; the store untouched. Refused when the block is, or when the document changed meanwhile.
   */
  private async bulkInSteps(
    edits: readonly CellEdit[],
    restore: Record<string, string> | undefined,
    pause: () => Promise<void>,
    sliceMs?: number,
  ): Promise<BulkMade | { ok: false; reason: string }> {
    const from = this.session;
    const revision = this.docRevision;
    const overtaken = () => this.session !== from || this.docRevision !== revision;
    let r: BlockBuilt;
    try {
      r = await runStepsPaused(blockSteps(from, edits, restore), pause, sliceMs);
    } catch (e) {
      // Built off to the side: whatever failed, the document open is as it was.
      return { ok: false, reason: `未能完成此次修改（${e instanceof Error ? e.message : String(e)}），文档未改动` };
    }
    if (!r.ok) return r;
    await pause();
    if (overtaken()) return { ok: false, reason: '文档在处理期间已更改，此次修改未应用，请重试' };
    return { ok: true, session: r.session, edits, restore, ...r.found, ...(r.dropped ? { dropped: r.dropped } : {}) };
  }

  /** The block made off to the side becomes the document; the text worker's copy makes it too. */
  private commitBulk(made: BulkMade): void {
    this.sinceSent?.ops.push(cellsOp(made.edits, made.restore));
    this.session = made.session;
  }

  /**
   * A change of rows or of part-1 fields: `mutate` works on a draft (copied on first access, see
   * `draftOf`); what it changed is applied to the session and kept as the undo step.
   */
  updateDocument(label: string, mutate: (doc: BudgetDocument) => Outcome, refresh?: Change): Outcome {
    const { draft, result } = draftOf(this.document);
    const r = mutate(draft);
    if (!r.ok) return r;
    const changes = diffDocument(this.document, result);
    if (changes.length === 0) return { ok: true };
    // What the store holds must save and open again: schema, amount bound, unique codes (issue 10).
    const invalid = rowSplicesValid(this.session, result, changes) ? null : documentEditError(result, new Set(changes.map((c) => String(c.path[0]))));
    if (invalid) return { ok: false, reason: invalid };
    const since = this.session.reshapeCursor();
    this.applyChanges(changes, 'forward');
    this.push(refresh ? { kind: 'doc', label, changes, refresh } : { kind: 'doc', label, changes });
    this.emit(refresh ?? this.reshaped(since));
    return { ok: true };
  }

  /**
   * The change views are told of after rows changed since `since`: the rows touched (and those of
   * cells `ids` whose amounts changed) when the session laid them out in place, else a plain
   * change of structure (views build every row again).
   */
  private reshaped(since: ReshapeCursor, ids: Iterable<string> = []): Change {
    const rows = this.session.rowsReshapedSince(since);
    if (!rows) return { type: 'structure' };
    const out = new Map<number, Set<string>>();
    for (const [table, keys] of rows) out.set(table, new Set(keys));
    for (const id of ids) {
      const at = parseCellId(id);
      if (!at) return { type: 'structure' };
      addRow(out, at.table, at.row);
    }
    return { type: 'structure', rows: out };
  }

  /**
   * Set, edit or (blank text) remove the 批注 of a table cell: one undo step that refreshes that
   * cell alone (a comment changes no amount and no finding).
   */
  setComment(table: number, row: string, col: string, text: string): Outcome {
    const had = commentAt(this.document, table, row, col);
    const label = `${text.trim() ? (had ? '修改' : '添加') : '删除'}批注 表${table} ${this.session.rowLabel(table, row)} 第${col}栏`;
    return this.updateDocument(label, (d) => setComment(d, table, row, col, text), { type: 'cells', ids: [cellId(table, row, col)] });
  }

  /** Size in bytes (as JSON) of what the history keeps: the undo budget the benchmark reports. */
  historyBytes(): number {
    return JSON.stringify([this.undoStack, this.redoStack]).length;
  }

  /** Unsaved changes: the history is not where it was when saved/opened (or the document is new/imported/recovered). */
  get dirty(): boolean {
    return this.unsavedOther || this.topStep() !== this.savedStep;
  }

  private topStep(): number {
    return this.undoStack.at(-1)?.id ?? 0;
  }

  private push(step: Omit<CellStep, 'id'> | Omit<DocStep, 'id'>): void {
    this.undoStack.push({ ...step, id: ++this.stepIds } as Step);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  undoLabel(): string | undefined {
    return this.undoStack.at(-1)?.label;
  }
  redoLabel(): string | undefined {
    return this.redoStack.at(-1)?.label;
  }

  undo(): string | undefined {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    this.replay(step, 'back');
    this.redoStack.push(step);
    return step.label;
  }

  redo(): string | undefined {
    const step = this.redoStack.pop();
    if (!step) return undefined;
    this.replay(step, 'forward');
    this.undoStack.push(step);
    return step.label;
  }

  private replay(step: Step, dir: 'back' | 'forward'): void {
    const since = this.session.reshapeCursor();
    if (step.kind === 'doc') {
      this.applyChanges(step.changes, dir);
      this.emit(step.refresh ?? this.reshaped(since));
      return;
    }
    const ids = new Set<string>();
    let structural = false;
    let redraw = false;
    const list = dir === 'back' ? [...step.edits].reverse() : step.edits;
    if (this.session.bulkWorthIt(list.length)) {
      // Each edit's cell once in a step (setCells keeps the first `before`): order does not matter.
      // Forward drops the same printed figures again; back puts them back in the same build.
      const restore = dir === 'back' ? step.printedDropped : undefined;
      const r = this.setCellsBulk(stepEdits(list, dir), restore);
      if (r.ok) {
        this.emit({ type: 'structure' });
        return;
      }
    }
    for (const e of list) {
      const r = this.setCell(e.table, e.row, e.col, dir === 'back' ? e.before : e.text);
      if (r.ok) {
        if (r.structural || r.redraw) structural = true;
        if (r.redraw || r.dropped) redraw = true;
        for (const id of r.changed) ids.add(id);
      }
    }
    if (step.printedDropped && dir === 'back') this.restorePrinted(step.printedDropped);
    if (step.printedDropped || redraw) this.emit({ type: 'structure' });
    else this.emit(structural ? this.reshaped(since, ids) : { type: 'cells', ids: [...ids] });
  }

  /**
   * Open another document in place (open, new, import, recovery): history starts afresh. `text`:
   * the JSON `doc` was parsed from as it is (main's validated text), sent to the text worker in its place.
   */
  replace(doc: BudgetDocument, filePath: string | undefined, dirty: boolean, text?: string): void {
    this.opened(BudgetSession.open(doc), filePath, dirty, text);
  }

  /**
   * `replace` with the new document built in slices of steps (a table laid out, some thousands of
   * rows or checks wired), `pause` before each: a 100,000-item department built at once held the
   * window over a second.
   * The document open until then stays as it is; the caller keeps edits from reaching it meanwhile.
   */
  async replaceInSteps(doc: BudgetDocument, filePath: string | undefined, dirty: boolean, text: string | undefined, pause: () => Promise<void>, sliceMs?: number): Promise<void> {
    // A large draft with thousands of findings (an imported packet's, a table left empty) marks them in steps too.
    const { session, found } = await runStepsPaused(openedSteps(doc), pause, sliceMs);
    this.opened(session, filePath, dirty, text, found);
  }

  private opened(session: BudgetSession, filePath: string | undefined, dirty: boolean, text: string | undefined, found?: TableFindings): void {
    const doc = session.document;
    this.session = session;
    // The text worker still on the document let go is let go with it: its answer (at 100,000 items
    // tens of MB, read on this thread) would only be thrown away. The next request starts another.
    if (this.textInFlight && this.worker) {
      this.worker.terminate();
      this.worker = undefined;
      this.textInFlight = false;
    }
    this.sinceSent = null;
    this.workerFindings = null;
    this.viewCache = null;
    this.docStart = this.docRevision + 1;
    this.textSlow = isLarge(doc);
    // Kept only for the worker, which a large document's text goes to.
    this.openedText = text === undefined || !this.textSlow ? null : { rev: this.docStart, text };
    this.textCache = null;
    this.filePath = filePath;
    this.savedStep = 0;
    this.unsavedOther = dirty;
    this.recoveryKey = newKey();
    this.undoStack = [];
    this.redoStack = [];
    this.emit({ type: 'structure' }, found);
  }

  markSaved(path: string): void {
    this.filePath = path;
    this.savedStep = this.topStep();
    this.unsavedOther = false;
    this.emit(null);
  }

  /** Tell views something outside the document changed (a message, a dialog). */
  touch(): void {
    this.emit(null);
  }
}

/**
 * The document goes to the text worker as itself (structured clone), not as JSON: in Chromium,
 * writing a 100,000-item document as text and posting the text held the window ~600 ms, the clone
 * ~200 ms. False when the clone refuses it (it never should: plain data); its text is then written here.
 */
function post(worker: Worker, request: TextFindingsRequest): boolean {
  try {
    worker.postMessage(request);
    return true;
  } catch {
    return false;
  }
}

const ROW_ARRAYS = new Set<string>(['functionRows', 'economicRows', 'projectRows', 'carryoverRows']);
type RowArray = 'functionRows' | 'economicRows' | 'projectRows' | 'carryoverRows';

/**
 * A draft of the document for `updateDocument`'s mutators without copying 10,000 rows: a field is
 * copied the first time the mutator reads it (a row array shallowly — row mutators add and remove
 * rows, never edit one in place — anything else deeply); `result` is the draft without the proxy,
 * its untouched fields still the document's own, so the diff skips them at once.
 */
function draftOf(doc: BudgetDocument): { draft: BudgetDocument; result: BudgetDocument } {
  const result = { ...doc } as Record<string, unknown>;
  const copied = new Set<PropertyKey>();
  const draft = new Proxy(result, {
    get(target, key) {
      const v = target[key as string];
      if (copied.has(key) || typeof v !== 'object' || v === null) return v;
      copied.add(key);
      const copy = ROW_ARRAYS.has(key as string) ? (v as unknown[]).slice() : structuredClone(v);
      target[key as string] = copy;
      return copy;
    },
    set(target, key, value) {
      copied.add(key);
      target[key as string] = value;
      return true;
    },
  });
  return { draft: draft as unknown as BudgetDocument, result: result as unknown as BudgetDocument };
}

/**
 * True when the changes only add or remove whole rows and what they add keeps the document valid
 * (schema, amounts, unique codes, the document's amount bound), checked on the added rows alone;
 * false sends the change through the full check, which also words the refusal.
 */
function rowSplicesValid(session: BudgetSession, after: BudgetDocument, changes: readonly DocChange[]): boolean {
  const inserted = new Map<RowArray, unknown[]>();
  for (const c of changes) {
    if (c.op !== 'splice' || c.path.length !== 1 || !ROW_ARRAYS.has(String(c.path[0]))) return false;
    if (c.inserted.length > 0) inserted.set(c.path[0] as RowArray, [...(inserted.get(c.path[0] as RowArray) ?? []), ...c.inserted]);
  }
  if (inserted.size === 0) return true; // rows removed from a valid document leave it valid
  if (rowCount(after) > INPUT_BOUNDS.maxDocumentRows) return false;
  const probe = { ...after, fixed: {}, printed: {}, functionRows: [], economicRows: [], projectRows: [], carryoverRows: [] } as BudgetDocument;
  for (const [k, rows] of inserted) (probe[k] as unknown[]) = rows;
  if (documentEditError(probe) !== null) return false;
  if (session.amountMagnitude() + documentAmountMagnitude(probe) > AMOUNT_BOUND.maxDocumentFen) return false;
  for (const [k, rows] of inserted) {
    const keyOf = (r: unknown) => (k === 'functionRows' || k === 'economicRows' ? (r as { code: string }).code : (r as { id: string }).id);
    const added = new Set(rows.map(keyOf));
    let seen = 0;
    for (const r of after[k]) if (added.has(keyOf(r))) seen++;
    if (seen !== rows.length) return false;
  }
  return true;
}

/** A step's cell edits as made again: back to what each cell held, or forward to what was typed. */
function stepEdits(edits: readonly (CellEdit & { before: string })[], dir: 'back' | 'forward'): CellEdit[] {
  return edits.map((e) => ({ table: e.table, row: e.row, col: e.col, text: dir === 'back' ? e.before : e.text }));
}

/** The text worker's copy of a block written at once. */
function cellsOp(edits: readonly CellEdit[], restore: Record<string, string> | undefined): SessionOp {
  return restore ? { op: 'cells', edits, restore } : { op: 'cells', edits };
}

/** A document large enough that whole-document work (text findings, the preview's sheets) goes to a worker. */
export function isLarge(doc: BudgetDocument): boolean {
  return rowCount(doc) > LARGE_ROWS;
}

const rowCount = (doc: BudgetDocument) => doc.functionRows.length + doc.projectRows.length + doc.economicRows.length + doc.carryoverRows.length;

function newKey(): string {
  return `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
