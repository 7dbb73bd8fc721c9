import { add, type Fen } from '../money';

/** A signed reference to another node by id; ids that never get a node count as zero. */
export interface Ref {
  id: string;
  coef: 1 | -1;
}

/**
 * Every derived cell and every consistency check is a signed sum of other nodes, so the
 * whole workbook is one linear DAG. Building adds all nodes and seals once (one topological
 * pass); after that the graph is edited in place: a typed amount pushes its delta through its
 * dependents only, and a row added or removed adds or removes its own nodes and the terms that
 * tie them to their parents, then re-evaluates only the nodes downstream of those.
 *
 * Order: every node has a level above the levels of its terms, so evaluating by level is a
 * topological order; adding a term raises levels where needed, removing one never has to.
 */
export class CellGraph {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private values: Fen[] = [];
  private readonly derived: boolean[] = [];
  private readonly dead: boolean[] = [];
  private readonly constants: Fen[] = [];
  /** Per derived node: its terms as a flat list [node, coef, node, coef, …]. */
  private readonly terms: number[][] = [];
  /** Per node: the nodes that have it as a term, flat [node, coef, …] (built at seal). */
  private readonly deps: number[][] = [];
  private readonly level: number[] = [];
  /** References by id (formulas across tables, checks): id → [node, coef, …], kept while the id has no node. */
  private readonly byId = new Map<string, number[]>();
  /** The ids each node refers to by id, so removing it forgets them. */
  private readonly refsOf = new Map<number, string[]>();
  private alive = 0;
  private sealed = false;
  private orderCache: Int32Array | null = null;
  /** Nodes to re-evaluate at the next `flush` (after a change of structure). */
  private readonly dirty = new Set<number>();

  get size(): number {
    return this.alive;
  }

  /** Adds a node; once sealed, references waiting for its id are tied to it. */
  private addNode(id: string, derived: boolean, value: Fen): number {
    if (this.index.has(id)) throw new Error(`duplicate cell ${id}`);
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.values.push(value);
    this.derived.push(derived);
    this.dead.push(false);
    this.constants.push(0);
    this.terms.push(EMPTY);
    this.deps.push(EMPTY);
    this.level.push(0);
    this.alive++;
    if (this.sealed) {
      this.orderCache = null;
      if (derived) this.dirty.add(i);
      const waiting = this.byId.get(id);
      if (waiting) for (let k = 0; k < waiting.length; k += 2) this.link(waiting[k]!, i, waiting[k + 1]!);
    }
    return i;
  }

  addEntered(id: string, value: Fen): number {
    return this.addNode(id, false, value);
  }

  /** A derived node: `constant` plus the signed sum of nodes referred to by id. */
  addDerived(id: string, refs: readonly Ref[], constant: Fen = 0): number {
    const i = this.addNode(id, true, 0);
    this.constants[i] = constant;
    this.refer(i, refs);
    return i;
  }

  /**
   * A derived node summing nodes by index (+1 each). Before sealing the indices may belong to
   * nodes not added yet (a table's cells are laid out in a known order), but must exist by `seal`.
   */
  addDerivedSum(id: string, nodes: readonly number[]): number {
    const i = this.addNode(id, true, 0);
    for (const n of nodes) this.addTerm(i, n, 1);
    return i;
  }

  /** Adds references by id to derived node `i` (tied now where the id has a node, else when it gets one). */
  refer(i: number, refs: readonly Ref[]): void {
    if (refs.length === 0) return;
    const mine = this.refsOf.get(i) ?? [];
    this.refsOf.set(i, mine);
    for (const r of refs) {
      mine.push(r.id);
      const list = this.byId.get(r.id);
      if (list) list.push(i, r.coef);
      else this.byId.set(r.id, [i, r.coef]);
      if (this.sealed) {
        const j = this.index.get(r.id);
        if (j !== undefined) this.link(i, j, r.coef);
      }
    }
  }

  /** Add `delta` to derived node i's constant (re-evaluated at the next flush). */
  addConstant(i: number, delta: Fen): void {
    this.constants[i] = add(this.constants[i]!, delta);
    this.dirty.add(i);
  }

  /** Term `coef · node j` of derived node `i`, by index. */
  addTerm(i: number, j: number, coef: number): void {
    if (this.sealed) this.link(i, j, coef);
    else this.pushTerm(i, j, coef);
  }

  private pushTerm(i: number, j: number, coef: number): void {
    const t = this.terms[i]!;
    if (t === EMPTY) this.terms[i] = [j, coef];
    else t.push(j, coef);
  }

  private pushDep(j: number, i: number, coef: number): void {
    const d = this.deps[j]!;
    if (d === EMPTY) this.deps[j] = [i, coef];
    else d.push(i, coef);
  }

  /** After sealing: tie term j to i, keep levels topological, re-evaluate i at the next flush. */
  private link(i: number, j: number, coef: number): void {
    if (!this.derived[i]) throw new Error(`${this.ids[i]} is entered`);
    this.pushTerm(i, j, coef);
    this.pushDep(j, i, coef);
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
      if (++steps > 4 * this.ids.length + 16) throw new Error('cyclic formulas in template');
      this.level[n] = lv;
      const d = this.deps[n]!;
      for (let k = 0; k < d.length; k += 2) stack.push(d[k]!, lv + 1);
    }
  }

  /** Removes node i and every term that refers to it; its dependents are re-evaluated at the next flush. */
  remove(i: number): void {
    if (this.dead[i]) return;
    const d = this.deps[i]!;
    for (let k = 0; k < d.length; k += 2) {
      const n = d[k]!;
      dropPair(this.terms[n]!, i);
      this.dirty.add(n);
    }
    const t = this.terms[i]!;
    for (let k = 0; k < t.length; k += 2) dropPair(this.deps[t[k]!]!, i);
    for (const id of this.refsOf.get(i) ?? []) {
      const list = this.byId.get(id);
      if (!list) continue;
      dropPair(list, i);
      if (list.length === 0) this.byId.delete(id);
    }
    this.refsOf.delete(i);
    this.index.delete(this.ids[i]!);
    this.terms[i] = EMPTY;
    this.deps[i] = EMPTY;
    this.dead[i] = true;
    this.derived[i] = false;
    this.values[i] = 0;
    this.dirty.delete(i);
    this.alive--;
    this.orderCache = null;
  }

  /** Re-evaluate the nodes a change of structure touched and everything downstream of them; returns the nodes that changed. */
  flush(): number[] {
    const changed: number[] = [];
    if (this.dirty.size === 0) return changed;
    const heap = new MinHeap(this.level);
    const queued = new Set<number>();
    for (const n of this.dirty) {
      heap.push(n);
      queued.add(n);
    }
    this.dirty.clear();
    while (heap.size > 0) {
      const i = heap.pop();
      queued.delete(i);
      if (this.dead[i] || !this.derived[i]) continue;
      let s = this.constants[i]!;
      const t = this.terms[i]!;
      for (let k = 0; k < t.length; k += 2) s = add(s, t[k + 1]! * this.values[t[k]!]!);
      if (s === this.values[i]) continue;
      this.values[i] = s;
      changed.push(i);
      const d = this.deps[i]!;
      for (let k = 0; k < d.length; k += 2) {
        const n = d[k]!;
        if (!queued.has(n)) {
          queued.add(n);
          heap.push(n);
        }
      }
    }
    return changed;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  idAt(i: number): string {
    return this.ids[i]!;
  }

  isEntered(i: number): boolean {
    return !this.derived[i] && !this.dead[i];
  }

  isAlive(i: number): boolean {
    return !this.dead[i];
  }

  /** Slots ever used (nodes removed leave theirs empty): the length of `snapshot()`. */
  get slots(): number {
    return this.ids.length;
  }

  /** Tie the references by id, order the nodes, evaluate everything once. */
  seal(): void {
    const n = this.ids.length;
    for (const [id, list] of this.byId) {
      const j = this.index.get(id);
      if (j === undefined) continue; // a row that does not exist holds zero
      for (let k = 0; k < list.length; k += 2) this.pushTerm(list[k]!, j, list[k + 1]!);
    }
    for (let i = 0; i < n; i++) {
      const t = this.terms[i]!;
      for (let k = 0; k < t.length; k += 2) {
        const j = t[k]!;
        if (j >= n) throw new Error(`${this.ids[i]} refers to a node that was never added`);
        this.pushDep(j, i, t[k + 1]!);
      }
    }
    // Kahn's algorithm, recording each node's level (longest path from an entered node).
    const indegree = new Int32Array(n);
    for (let i = 0; i < n; i++) indegree[i] = this.terms[i]!.length / 2;
    const order = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
    while (head < tail) {
      const i = order[head++]!;
      const d = this.deps[i]!;
      const next = this.level[i]! + 1;
      for (let k = 0; k < d.length; k += 2) {
        const j = d[k]!;
        if (this.level[j]! < next) this.level[j] = next;
        if (--indegree[j]! === 0) order[tail++] = j;
      }
    }
    if (tail !== n) throw new Error('cyclic formulas in template');
    // Arrays grown by push keep spare capacity (a two-element list can hold nineteen): copy each
    // to its size, which halves the graph's memory.
    for (let i = 0; i < n; i++) {
      if (this.terms[i]!.length > 0) this.terms[i] = this.terms[i]!.slice();
      if (this.deps[i]!.length > 0) this.deps[i] = this.deps[i]!.slice();
    }
    this.orderCache = order;
    this.sealed = true;
    this.evaluateAll();
  }

  /** Every live node in an order where each comes after its terms. */
  private order(): Int32Array {
    if (this.orderCache) return this.orderCache;
    let top = 0;
    for (let i = 0; i < this.ids.length; i++) if (!this.dead[i] && this.level[i]! > top) top = this.level[i]!;
    const start = new Int32Array(top + 2);
    for (let i = 0; i < this.ids.length; i++) if (!this.dead[i]) start[this.level[i]! + 1]!++;
    for (let l = 0; l <= top; l++) start[l + 1]! += start[l]!;
    const order = new Int32Array(this.alive);
    for (let i = 0; i < this.ids.length; i++) if (!this.dead[i]) order[start[this.level[i]!]!++] = i;
    this.orderCache = order;
    return order;
  }

  /** Recompute every derived node from the entered ones. */
  evaluateAll(): void {
    this.values = this.evaluate(this.values);
    this.dirty.clear();
  }

  /** Evaluate into a fresh array, starting from `base` for entered nodes (used for rounded views). */
  evaluate(base: readonly Fen[]): Fen[] {
    const v = base.slice();
    for (const i of this.order()) {
      if (!this.derived[i]) continue;
      let s = this.constants[i]!;
      const t = this.terms[i]!;
      for (let k = 0; k < t.length; k += 2) s = add(s, t[k + 1]! * v[t[k]!]!);
      v[i] = s;
    }
    return v;
  }

  value(id: string): Fen {
    const i = this.index.get(id);
    return i === undefined ? 0 : this.values[i]!;
  }

  valueAt(i: number): Fen {
    return this.values[i]!;
  }

  /** All current values, indexed like the nodes (read-only view; removed nodes hold 0). */
  snapshot(): readonly Fen[] {
    return this.values;
  }

  /**
   * Change one entered node and push the difference through its dependents in
   * topological order. Returns the indices of every node whose value changed.
   */
  setEntered(i: number, value: Fen): number[] {
    return this.propagate(this.values, i, value - this.values[i]!);
  }

  /**
   * Add `delta` to node i of `values` (the exact values, or a rounded view evaluated from them)
   * and push it through the dependents in topological order; returns the nodes that changed.
   */
  propagate(values: Fen[], i: number, delta: Fen): number[] {
    if (this.derived[i] || this.dead[i]) throw new Error(`${this.ids[i]} is not an entered cell`);
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
      const ds = this.deps[j]!;
      for (let k = 0; k < ds.length; k += 2) {
        const t = ds[k]!;
        const prev = deltas.get(t);
        if (prev === undefined) heap.push(t);
        deltas.set(t, add(prev ?? 0, ds[k + 1]! * d));
      }
    }
    return changed;
  }
}

const EMPTY: number[] = [];

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
  constructor(private readonly key: readonly number[]) {}
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
