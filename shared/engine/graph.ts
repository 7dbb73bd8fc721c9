import { add, type Fen } from '../money';
import { cellId } from './cell-id';
import { runSteps, type Steps } from './steps';

/** Nodes evaluated per step of `evaluateSteps` (a few ms). */
const EVALUATED_PER_STEP = 200_000;

/** A signed reference to a cell by name; a cell the tables do not have counts as zero. */
export interface Ref {
  table: number;
  row: string;
  col: string;
  coef: 1 | -1;
}

/** A reference's cell name, `table|row|col`. */
export function refId(r: Ref): string {
  return cellId(r.table, r.row, r.col);
}

/**
 * Every derived cell and every consistency check is a signed sum of other nodes, so the
 * whole workbook is one linear DAG. Building adds all nodes and seals once (one topological
 * pass); after that the graph is edited in place: a typed amount pushes its delta through its
 * dependents only, and a row added or removed adds or removes its own nodes and the terms that
 * tie them to their parents, then re-evaluates only the nodes downstream of those.
 *
 * Nodes are numbers and live in typed arrays; terms are edges in typed arrays too, each linked
 * into its owner's list of terms and its node's list of dependents. Opening a 10,000-line
 * department makes ~150k nodes: no object, array or string per node. Cells are named by row
 * (`nameRow`: a row's cells are consecutive nodes), so finding `table|row|col` is one map look-up
 * of the row, and checks are not named at all.
 *
 * Order: every node has a level above the levels of its terms, so evaluating by level is a
 * topological order; adding a term raises levels where needed, removing one never has to.
 */
export class CellGraph {
  private n = 0;
  private values: Float64Array;
  /**
   * Per node, a constant added to its sum: only a check counting a printed figure has one, so
   * the array is made with the first (a drafted department of 100,000 items has none: 13 MB).
   */
  private constants: Float64Array | null = null;
  /** Per node: 1 derived, 0 entered, 2 removed. */
  private kind: Uint8Array;
  private level: Int32Array;
  /** First edge of the node's terms / of the edges that have it as a term; -1 for none. */
  private headTerm: Int32Array;
  private headDep: Int32Array;
  /** Edge e: owner (derived node) + coef · node; next edge in the owner's terms / in the node's dependents. */
  private edges = 0;
  private eOwner: Int32Array;
  private eNode: Int32Array;
  private eCoef: Int8Array;
  private eNextTerm: Int32Array;
  private eNextDep: Int32Array;
  /** 1 for an edge made from a reference by name (it waits again when its cell goes). */
  private eRef: Uint8Array;
  /** Edges removed, reused by the next ones. */
  private freeEdges: number[] = [];

  /**
   * `capacity`: about how many nodes and terms the build will add. Growing the arrays copies
   * them, and fresh memory is slow to touch, so a good guess saves both.
   */
  constructor(capacity: { nodes: number; edges: number; rows?: number } = { nodes: 1024, edges: 4096 }) {
    const nodes = Math.max(16, capacity.nodes);
    const edges = Math.max(16, capacity.edges);
    // Made at their size, like the typed arrays: pushed to 300,000 rows, each would be allocated
    // anew a dozen times past V8's 128 KB object limit, every time on fresh pages.
    const rows = capacity.rows ?? 0;
    this.rowTable = new Array(rows);
    this.rowKey = new Array(rows);
    this.rowCols = new Array(rows);
    this.rowBase = new Array(rows);
    this.values = new Float64Array(nodes);
    this.kind = new Uint8Array(nodes);
    this.level = new Int32Array(nodes);
    this.headTerm = new Int32Array(nodes).fill(-1);
    this.headDep = new Int32Array(nodes).fill(-1);
    this.rowIdx = new Int32Array(nodes).fill(-1);
    this.eOwner = new Int32Array(edges);
    this.eNode = new Int32Array(edges);
    this.eCoef = new Int8Array(edges);
    this.eNextTerm = new Int32Array(edges);
    this.eNextDep = new Int32Array(edges);
    this.eRef = new Uint8Array(edges);
  }

  /**
   * Named rows: table → row key → row slot. Slot s holds a row's cells, `rowCols[s].length`
   * consecutive nodes from `rowBase[s]`, in parallel arrays: an object per row was 18,000 objects
   * of each 10,000-line open for the garbage collector to copy.
   */
  private readonly rows = new Map<number, Map<string, number>>();
  private readonly rowTable: number[];
  private readonly rowKey: string[];
  private readonly rowCols: Array<readonly string[]>;
  private readonly rowBase: number[];
  /** Row slots used (the arrays above may be longer: made at the build's size). */
  private rowSlots = 0;
  /**
   * The row slot of each named node (-1: unnamed). A typed array grown with the nodes: a JS array
   * of 150,000 pointers cost 16 ms of each 10,000-line open.
   */
  private rowIdx: Int32Array;
  /** References by name to cells the tables do not have (yet): id → [node, coef, …]; tied when the cell comes. */
  private readonly waiting = new Map<string, number[]>();
  /** The ids each node waits for, so removing it forgets them. */
  private readonly waitsFor = new Map<number, string[]>();
  private alive = 0;
  /** Bumped whenever a name may find another node (a row named, a node removed): look-ups cached by callers hold while it stays. */
  private shapeVersion = 0;
  private sealed = false;
  private orderCache: Int32Array | null = null;
  /** Nodes to re-evaluate at the next `flush` (after a change of structure). */
  private readonly dirty = new Set<number>();
  /** Bumped by every change of a value or of the structure: work done in steps beside the graph knows whether it still holds. */
  private changes = 0;

  get size(): number {
    return this.alive;
  }

  /** Changes with every change of a value or of the structure. */
  get version(): number {
    return this.changes;
  }

  /** Changes when `cell` may answer differently for some name (see `shapeVersion`). */
  get shape(): number {
    return this.shapeVersion;
  }

  /** Slots ever used (nodes removed leave theirs empty): the length of `snapshot()`. */
  get slots(): number {
    return this.n;
  }

  private growNodes(need: number): void {
    if (need <= this.values.length) return;
    let cap = Math.ceil(this.values.length * 1.5);
    while (cap < need) cap *= 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array, fill: number) => {
      const b = new Int32Array(cap);
      b.set(a);
      if (fill !== 0) b.fill(fill, a.length);
      return b;
    };
    this.values = f64(this.values);
    if (this.constants) this.constants = f64(this.constants);
    const k = new Uint8Array(cap);
    k.set(this.kind);
    this.kind = k;
    this.level = i32(this.level, 0);
    this.headTerm = i32(this.headTerm, -1);
    this.headDep = i32(this.headDep, -1);
    this.rowIdx = i32(this.rowIdx, -1);
  }

  private constantsArray(): Float64Array {
    this.constants ??= new Float64Array(this.values.length);
    return this.constants;
  }

  private addNode(derived: boolean, value: Fen): number {
    const i = this.n++;
    this.changes++;
    this.growNodes(this.n);
    this.values[i] = value;
    this.kind[i] = derived ? 1 : 0;
    this.alive++;
    if (this.sealed) {
      this.orderCache = null;
      if (derived) this.dirty.add(i);
    }
    return i;
  }

  addEntered(value: Fen): number {
    return this.addNode(false, value);
  }

  /** Before sealing: the amount of entered node `i` (added as 0, its amount read afterwards). */
  enter(i: number, value: Fen): void {
    if (this.sealed || this.kind[i] !== 0) throw new Error(`node ${i} cannot be entered now`);
    this.changes++;
    this.values[i] = value;
  }

  /** A derived node: `constant` plus the signed sum of cells referred to by name (`sign` · each). */
  addDerived(refs: readonly Ref[], constant: Fen = 0, sign: 1 | -1 = 1): number {
    const i = this.addNode(true, 0);
    if (constant !== 0) this.constantsArray()[i] = constant;
    this.refer(i, refs, sign);
    return i;
  }

  /**
   * A derived node summing nodes by index (+1 each). Before sealing the indices may belong to
   * nodes not added yet (a table's cells are laid out in a known order), but must exist by `seal`.
   */
  addDerivedSum(nodes: readonly number[]): number {
    const i = this.addNode(true, 0);
    for (let k = 0; k < nodes.length; k++) this.addTerm(i, nodes[k]!, 1);
    return i;
  }

  /**
   * Names the `cols.length` nodes from `base` as the cells of a row. Once sealed, references
   * waiting for those cells are tied to them.
   */
  nameRow(table: number, row: string, cols: readonly string[], base: number): void {
    let byRow = this.rows.get(table);
    if (!byRow) {
      byRow = new Map();
      this.rows.set(table, byRow);
    }
    const slot = this.rowSlots;
    this.shapeVersion++;
    this.changes++;
    const before = byRow.size;
    byRow.set(row, slot);
    if (byRow.size === before) throw new Error(`duplicate row ${table}|${row}`);
    this.rowSlots++;
    this.rowTable[slot] = table;
    this.rowKey[slot] = row;
    this.rowCols[slot] = cols;
    this.rowBase[slot] = base;
    this.growNodes(base + cols.length);
    this.rowIdx.fill(slot, base, base + cols.length);
    if (!this.sealed || this.waiting.size === 0) return;
    for (let k = 0; k < cols.length; k++) {
      const id = cellId(table, row, cols[k]!);
      const list = this.waiting.get(id);
      if (!list) continue;
      this.waiting.delete(id);
      for (let w = 0; w < list.length; w += 2) this.link(list[w]!, base + k, list[w + 1]!, 1);
    }
  }

  /** The first node of a named row (its first column's), or undefined. */
  rowBaseOf(table: number, row: string): number | undefined {
    const slot = this.rows.get(table)?.get(row);
    return slot === undefined ? undefined : this.rowBase[slot];
  }

  /** The node of a cell, or undefined when the table has no such cell. */
  cell(table: number, row: string, col: string): number | undefined {
    const slot = this.rows.get(table)?.get(row);
    if (slot === undefined) return undefined;
    const k = this.rowCols[slot]!.indexOf(col);
    const i = this.rowBase[slot]! + k;
    return k < 0 || this.kind[i] === 2 ? undefined : i;
  }

  /** The cell a node is, or undefined for an unnamed node (a check). */
  cellAt(i: number): { table: number; row: string; col: string } | undefined {
    const slot = this.rowIdx[i]!;
    if (slot < 0 || this.kind[i] === 2) return undefined;
    return { table: this.rowTable[slot]!, row: this.rowKey[slot]!, col: this.rowCols[slot]![i - this.rowBase[slot]!]! };
  }

  has(id: string): boolean {
    return this.indexOf(id) !== undefined;
  }

  /** The node of a cell named `table|row|col`. */
  indexOf(id: string): number | undefined {
    const a = id.indexOf('|');
    const b = id.lastIndexOf('|');
    if (a <= 0 || a === b) return undefined;
    let table = 0;
    for (let k = 0; k < a; k++) {
      const d = id.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return undefined;
      table = table * 10 + d;
    }
    return this.cell(table, id.slice(a + 1, b), id.slice(b + 1));
  }

  /** The name of a cell's node (`table|row|col`); checks are `#node`. */
  idAt(i: number): string {
    const at = this.cellAt(i);
    return at ? cellId(at.table, at.row, at.col) : `#${i}`;
  }

  /**
   * Adds `sign` · each referred cell to derived node `i`: tied now where the cell has a node (before
   * sealing, only cells already added), else when it gets one.
   */
  refer(i: number, refs: readonly Ref[], sign: 1 | -1 = 1): void {
    for (let k = 0; k < refs.length; k++) {
      const r = refs[k]!;
      this.referCell(i, r.table, r.row, r.col, sign * r.coef);
    }
  }

  /** Adds `coef` · cell `table|row|col` to derived node `i`, as `refer` does, without a `Ref` to make. */
  referCell(i: number, table: number, row: string, col: string, coef: number): void {
    const j = this.cell(table, row, col);
    if (j === undefined) this.wait(cellId(table, row, col), i, coef);
    else if (this.sealed) this.link(i, j, coef, 1);
    else this.edge(i, j, coef, 1);
  }

  private wait(id: string, i: number, coef: number): void {
    const list = this.waiting.get(id);
    if (list) list.push(i, coef);
    else this.waiting.set(id, [i, coef]);
    const mine = this.waitsFor.get(i);
    if (mine) mine.push(id);
    else this.waitsFor.set(i, [id]);
  }

  /** Add `delta` to derived node i's constant (re-evaluated at the next flush). */
  addConstant(i: number, delta: Fen): void {
    const c = this.constantsArray();
    c[i] = add(c[i]!, delta);
    this.changes++;
    this.dirty.add(i);
  }

  /** Term `coef · node j` of derived node `i`, by index. */
  addTerm(i: number, j: number, coef: number): void {
    if (this.sealed) this.link(i, j, coef);
    else {
      this.growNodes(j + 1);
      this.edge(i, j, coef);
    }
  }

  /** A new edge: `coef · j` in i's terms, i in j's dependents. */
  private edge(i: number, j: number, coef: number, byRef = 0): void {
    let e = this.freeEdges.length > 0 ? this.freeEdges.pop() : undefined;
    if (e === undefined) {
      e = this.edges++;
      if (e >= this.eOwner.length) this.growEdges();
    }
    this.eOwner[e] = i;
    this.eNode[e] = j;
    this.eCoef[e] = coef;
    this.eRef[e] = byRef;
    this.eNextTerm[e] = this.headTerm[i]!;
    this.headTerm[i] = e;
    this.eNextDep[e] = this.headDep[j]!;
    this.headDep[j] = e;
  }

  private growEdges(): void {
    const cap = Math.ceil(this.eOwner.length * 1.5);
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.eOwner = i32(this.eOwner);
    this.eNode = i32(this.eNode);
    this.eNextTerm = i32(this.eNextTerm);
    this.eNextDep = i32(this.eNextDep);
    const c = new Int8Array(cap);
    c.set(this.eCoef);
    this.eCoef = c;
    const f = new Uint8Array(cap);
    f.set(this.eRef);
    this.eRef = f;
  }

  /** After sealing: tie term j to i, keep levels topological, re-evaluate i at the next flush. */
  private link(i: number, j: number, coef: number, byRef = 0): void {
    if (this.kind[i] !== 1) throw new Error(`${this.idAt(i)} is entered`);
    this.changes++;
    this.edge(i, j, coef, byRef);
    this.raise(i, this.level[j]! + 1);
    this.dirty.add(i);
    this.orderCache = null;
  }

  private raise(start: number, atLeast: number): void {
    if (this.level[start]! >= atLeast) return;
    const stack = [start, atLeast];
    let steps = 0;
    while (stack.length > 0) {
      const lv = stack.pop()!;
      const n = stack.pop()!;
      if (this.level[n]! >= lv) continue;
      if (++steps > 4 * this.n + 16) throw new Error('cyclic formulas in template');
      this.level[n] = lv;
      for (let e = this.headDep[n]!; e >= 0; e = this.eNextDep[e]!) stack.push(this.eOwner[e]!, lv + 1);
    }
  }

  /** Unlink edge e from its node's dependents (its owner's terms are handled by the caller). */
  private dropDep(e: number): void {
    const j = this.eNode[e]!;
    let prev = -1;
    for (let x = this.headDep[j]!; x >= 0; prev = x, x = this.eNextDep[x]!) {
      if (x !== e) continue;
      if (prev < 0) this.headDep[j] = this.eNextDep[x]!;
      else this.eNextDep[prev] = this.eNextDep[x]!;
      return;
    }
  }

  /** Unlink edge e from its owner's terms. */
  private dropTerm(e: number): void {
    const i = this.eOwner[e]!;
    let prev = -1;
    for (let x = this.headTerm[i]!; x >= 0; prev = x, x = this.eNextTerm[x]!) {
      if (x !== e) continue;
      if (prev < 0) this.headTerm[i] = this.eNextTerm[x]!;
      else this.eNextTerm[prev] = this.eNextTerm[x]!;
      return;
    }
  }

  /** Removes node i and every term that refers to it; its dependents are re-evaluated at the next flush. */
  remove(i: number): void {
    if (this.kind[i] === 2) return;
    this.shapeVersion++;
    this.changes++;
    let id: string | undefined;
    for (let e = this.headDep[i]!; e >= 0; e = this.eNextDep[e]!) {
      this.dropTerm(e);
      this.dirty.add(this.eOwner[e]!);
      // A reference by name waits for the cell to come back (a row deleted, then its deletion undone).
      if (this.eRef[e] === 1) {
        id ??= this.idAt(i);
        this.wait(id, this.eOwner[e]!, this.eCoef[e]!);
      }
      this.freeEdges.push(e);
    }
    for (let e = this.headTerm[i]!; e >= 0; e = this.eNextTerm[e]!) {
      this.dropDep(e);
      this.freeEdges.push(e);
    }
    this.headDep[i] = -1;
    this.headTerm[i] = -1;
    for (const w of this.waitsFor.get(i) ?? []) {
      const list = this.waiting.get(w);
      if (!list) continue;
      dropPair(list, i);
      if (list.length === 0) this.waiting.delete(w);
    }
    this.waitsFor.delete(i);
    this.kind[i] = 2;
    // A row's name goes with the last of its cells.
    const slot = this.rowIdx[i]!;
    if (slot >= 0) {
      this.rowIdx[i] = -1;
      const byRow = this.rows.get(this.rowTable[slot]!);
      const key = this.rowKey[slot]!;
      const base = this.rowBase[slot]!;
      if (byRow?.get(key) === slot && this.rowCols[slot]!.every((_, k) => this.kind[base + k] === 2)) byRow.delete(key);
    }
    this.values[i] = 0;
    this.dirty.delete(i);
    this.alive--;
    this.orderCache = null;
  }

  /** constant + Σ coef · v[term] for derived node i. */
  private sumAt(i: number, v: ArrayLike<number>): Fen {
    let s = this.constants === null ? 0 : this.constants[i]!;
    for (let e = this.headTerm[i]!; e >= 0; e = this.eNextTerm[e]!) s = add(s, this.eCoef[e]! * v[this.eNode[e]!]!);
    return s;
  }

  /** Re-evaluate the nodes a change of structure touched and everything downstream of them; returns the nodes that changed. */
  flush(): number[] {
    if (this.dirty.size === 0) return [];
    const seeds = [...this.dirty];
    this.dirty.clear();
    this.changes++;
    return this.settle(this.values, seeds);
  }

  /** The sums a change of structure touched (terms added or removed), not yet re-evaluated: what the next `flush` starts from. */
  pending(): number[] {
    return [...this.dirty];
  }

  /**
   * In `values` (a view evaluated from its own entered amounts, as the tie-out's printed amounts):
   * the entered nodes among `seeds` have moved; re-evaluate the derived ones among them and
   * everything downstream of both, in topological order. Returns the nodes that changed,
   * those entered seeds included.
   */
  settle(values: Float64Array, seeds: Iterable<number>): number[] {
    const changed: number[] = [];
    const heap = new MinHeap(this.level);
    const queued = new Set<number>();
    for (const n of seeds) {
      if (queued.has(n)) continue;
      queued.add(n);
      heap.push(n);
    }
    while (heap.size > 0) {
      const i = heap.pop();
      queued.delete(i);
      const kind = this.kind[i];
      if (kind === 2) continue;
      if (kind === 1) {
        const s = this.sumAt(i, values);
        if (s === values[i]) continue;
        values[i] = s;
      }
      changed.push(i);
      for (let e = this.headDep[i]!; e >= 0; e = this.eNextDep[e]!) {
        const n = this.eOwner[e]!;
        if (!queued.has(n)) {
          queued.add(n);
          heap.push(n);
        }
      }
    }
    return changed;
  }

  /** Calls `fn` with each node that has node `i` among its terms. */
  forEachDependent(i: number, fn: (node: number) => void): void {
    for (let e = this.headDep[i]!; e >= 0; e = this.eNextDep[e]!) fn(this.eOwner[e]!);
  }

  isEntered(i: number): boolean {
    return this.kind[i] === 0 && i < this.n;
  }

  isAlive(i: number): boolean {
    return this.kind[i] !== 2;
  }

  /** Tie the references by id, order the nodes, evaluate everything once. */
  seal(): void {
    runSteps(this.sealSteps());
  }

  /** `seal` in two steps: the order, then every node evaluated. */
  *sealSteps(): Steps<void> {
    const n = this.n;
    for (const [id, list] of this.waiting) {
      const j = this.indexOf(id);
      if (j === undefined) continue; // a row that does not exist holds zero
      for (let k = 0; k < list.length; k += 2) this.edge(list[k]!, j, list[k + 1]!, 1);
      this.waiting.delete(id);
    }
    // Kahn's algorithm, recording each node's level (longest path from an entered node).
    const indegree = new Int32Array(n);
    for (let e = 0; e < this.edges; e++) {
      if (this.eNode[e]! >= n) throw new Error(`${this.idAt(this.eOwner[e]!)} refers to a node that was never added`);
      indegree[this.eOwner[e]!]!++;
    }
    const order = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
    while (head < tail) {
      const i = order[head++]!;
      const next = this.level[i]! + 1;
      for (let e = this.headDep[i]!; e >= 0; e = this.eNextDep[e]!) {
        const j = this.eOwner[e]!;
        if (this.level[j]! < next) this.level[j] = next;
        if (--indegree[j]! === 0) order[tail++] = j;
      }
    }
    if (tail !== n) throw new Error('cyclic formulas in template');
    this.orderCache = order;
    this.sealed = true;
    yield;
    this.changes++;
    yield* this.evaluateIntoSteps(this.values);
    this.dirty.clear();
  }

  /** Every live node in an order where each comes after its terms. */
  private order(): Int32Array {
    if (this.orderCache) return this.orderCache;
    let top = 0;
    for (let i = 0; i < this.n; i++) if (this.kind[i] !== 2 && this.level[i]! > top) top = this.level[i]!;
    const start = new Int32Array(top + 2);
    for (let i = 0; i < this.n; i++) if (this.kind[i] !== 2) start[this.level[i]! + 1]!++;
    for (let l = 0; l <= top; l++) start[l + 1]! += start[l]!;
    const order = new Int32Array(this.alive);
    for (let i = 0; i < this.n; i++) if (this.kind[i] !== 2) order[start[this.level[i]!]!++] = i;
    this.orderCache = order;
    return order;
  }

  /**
   * Every derived node of `v` from its terms, in topological order, EVALUATED_PER_STEP a step. An
   * indexed loop: this runs once per open, often before it is optimised, and a for-of over a typed
   * array then makes an iterator result per node.
   */
  private *evaluateIntoSteps(v: Float64Array): Steps<void> {
    const order = this.order();
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && k % EVALUATED_PER_STEP === 0) yield;
      const i = order[k]!;
      if (this.kind[i] === 1) v[i] = this.sumAt(i, v);
    }
  }

  /** Recompute every derived node from the entered ones. */
  evaluateAll(): void {
    this.changes++;
    runSteps(this.evaluateIntoSteps(this.values));
    this.dirty.clear();
  }

  /** Evaluate into a fresh array, starting from `base` for entered nodes (used for rounded views). */
  evaluate(base: ArrayLike<number>): Float64Array {
    return runSteps(this.evaluateSteps(base));
  }

  /** `evaluate` in steps (1.5 million nodes at 100,000 items). */
  *evaluateSteps(base: ArrayLike<number>): Steps<Float64Array> {
    const v = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) v[i] = base[i]!;
    yield* this.evaluateIntoSteps(v);
    return v;
  }

  value(id: string): Fen {
    const i = this.indexOf(id);
    return i === undefined ? 0 : this.values[i]!;
  }

  valueAt(i: number): Fen {
    return this.values[i]!;
  }

  /** All current values, indexed like the nodes (read-only view; removed nodes hold 0). */
  snapshot(): Float64Array {
    return this.values.subarray(0, this.n);
  }

  /**
   * Change one entered node and push the difference through its dependents in
   * topological order. Returns the indices of every node whose value changed.
   */
  setEntered(i: number, value: Fen): number[] {
    this.changes++;
    return this.propagate(this.values, i, value - this.values[i]!);
  }

  /**
   * Add `delta` to node i of `values` (the exact values, or a rounded view evaluated from them)
   * and push it through the dependents in topological order; returns the nodes that changed.
   */
  propagate(values: Float64Array, i: number, delta: Fen): number[] {
    if (this.kind[i] !== 0) throw new Error(`${this.idAt(i)} is not an entered cell`);
    if (delta === 0) return [];
    const deltas = new Map<number, number>([[i, delta]]);
    const heap = new MinHeap(this.level);
    heap.push(i);
    const changed: number[] = [];
    while (heap.size > 0) {
      const j = heap.pop();
      const d = deltas.get(j)!;
      deltas.delete(j);
      if (d === 0) continue;
      values[j] = add(values[j]!, d);
      changed.push(j);
      for (let e = this.headDep[j]!; e >= 0; e = this.eNextDep[e]!) {
        const t = this.eOwner[e]!;
        const prev = deltas.get(t);
        if (prev === undefined) heap.push(t);
        deltas.set(t, add(prev ?? 0, this.eCoef[e]! * d));
      }
    }
    return changed;
  }
}

/** Remove every [node, coef] pair of `list` whose node is `n`. */
function dropPair(list: number[], n: number): void {
  let w = 0;
  for (let r = 0; r < list.length; r += 2) {
    if (list[r] === n) continue;
    list[w++] = list[r]!;
    list[w++] = list[r + 1]!;
  }
  list.length = w;
}

/** Binary heap of node indices ordered by a key per node (their level). */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: Int32Array) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key[a[p]!]! <= this.key[a[i]!]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.key[a[l]!]! < this.key[a[m]!]!) m = l;
        if (r < a.length && this.key[a[r]!]! < this.key[a[m]!]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
