import { add, type Fen } from '../money';

/** A signed reference to another node by id; ids that never get a node count as zero. */
export interface Ref {
  id: string;
  coef: 1 | -1;
}

interface Formula {
  refs: Int32Array;
  coefs: Int8Array;
  constant: Fen;
}

/**
 * Every derived cell and every consistency check is a signed sum of other nodes, so the
 * whole workbook is one linear DAG. A full pass evaluates nodes in topological order; an
 * edit pushes its delta only through the nodes that depend on it.
 */
export class CellGraph {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private values: Fen[] = [];
  private readonly formulas: (Formula | null)[] = [];
  private readonly pendingRefs: (Ref[] | null)[] = [];
  private dependents: Int32Array[] = [];
  private dependentCoefs: Int8Array[] = [];
  private order: Int32Array = new Int32Array(0);
  private position: Int32Array = new Int32Array(0);
  private sealed = false;

  get size(): number {
    return this.ids.length;
  }

  private addNode(id: string): number {
    if (this.sealed) throw new Error('graph is sealed');
    if (this.index.has(id)) throw new Error(`duplicate cell ${id}`);
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.values.push(0);
    this.formulas.push(null);
    this.pendingRefs.push(null);
    return i;
  }

  addEntered(id: string, value: Fen): number {
    const i = this.addNode(id);
    this.values[i] = value;
    return i;
  }

  addDerived(id: string, refs: Ref[], constant: Fen = 0): number {
    const i = this.addNode(id);
    this.pendingRefs[i] = refs;
    this.formulas[i] = { refs: new Int32Array(0), coefs: new Int8Array(0), constant };
    return i;
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
    return this.formulas[i] === null;
  }

  /** Resolve references, order the nodes, evaluate everything once. */
  seal(): void {
    const n = this.ids.length;
    const depCount = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const pending = this.pendingRefs[i];
      if (!pending) continue;
      const merged = new Map<number, number>();
      for (const r of pending) {
        const j = this.index.get(r.id);
        if (j === undefined) continue; // a row that does not exist holds zero
        merged.set(j, (merged.get(j) ?? 0) + r.coef);
      }
      const refs: number[] = [];
      const coefs: number[] = [];
      for (const [j, c] of merged) {
        if (c === 0) continue;
        refs.push(j);
        coefs.push(c);
        depCount[j] = (depCount[j] ?? 0) + 1;
      }
      const f = this.formulas[i]!;
      this.formulas[i] = { refs: Int32Array.from(refs), coefs: Int8Array.from(coefs), constant: f.constant };
      this.pendingRefs[i] = null;
    }
    const deps: Int32Array[] = new Array(n);
    const depCoefs: Int8Array[] = new Array(n);
    const fill = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      deps[i] = new Int32Array(depCount[i]!);
      depCoefs[i] = new Int8Array(depCount[i]!);
    }
    for (let i = 0; i < n; i++) {
      const f = this.formulas[i];
      if (!f) continue;
      for (let k = 0; k < f.refs.length; k++) {
        const j = f.refs[k]!;
        const at = fill[j]!;
        deps[j]![at] = i;
        depCoefs[j]![at] = f.coefs[k]!;
        fill[j] = at + 1;
      }
    }
    this.dependents = deps;
    this.dependentCoefs = depCoefs;
    this.topoSort();
    this.sealed = true;
    this.evaluateAll();
  }

  private topoSort(): void {
    const n = this.ids.length;
    const indegree = new Int32Array(n);
    for (let i = 0; i < n; i++) indegree[i] = this.formulas[i]?.refs.length ?? 0;
    const order = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
    while (head < tail) {
      const i = order[head++]!;
      for (const d of this.dependents[i]!) {
        indegree[d] = indegree[d]! - 1;
        if (indegree[d] === 0) order[tail++] = d;
      }
    }
    if (tail !== n) throw new Error('cyclic formulas in template');
    this.order = order;
    this.position = new Int32Array(n);
    for (let p = 0; p < n; p++) this.position[order[p]!] = p;
  }

  /** Recompute every derived node from the entered ones. */
  evaluateAll(): void {
    this.values = this.evaluate(this.values);
  }

  /** Evaluate into a fresh array, starting from `base` for entered nodes (used for rounded views). */
  evaluate(base: readonly Fen[]): Fen[] {
    const v = base.slice();
    for (const i of this.order) {
      const f = this.formulas[i];
      if (!f) continue;
      let s = f.constant;
      for (let k = 0; k < f.refs.length; k++) s = add(s, f.coefs[k]! * v[f.refs[k]!]!);
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

  /** All current values, indexed like the nodes (read-only view). */
  snapshot(): readonly Fen[] {
    return this.values;
  }

  /**
   * Change one entered node and push the difference through its dependents in
   * topological order. Returns the indices of every node whose value changed.
   */
  setEntered(i: number, value: Fen): number[] {
    if (this.formulas[i] !== null) throw new Error(`${this.ids[i]} is derived`);
    const delta = value - this.values[i]!;
    if (delta === 0) return [];
    const deltas = new Map<number, number>([[i, delta]]);
    const heap = new MinHeap(this.position);
    heap.push(i);
    const changed: number[] = [];
    while (heap.size > 0) {
      const j = heap.pop();
      const d = deltas.get(j)!;
      deltas.delete(j);
      if (d === 0) continue;
      this.values[j] = add(this.values[j]!, d);
      changed.push(j);
      const deps = this.dependents[j]!;
      const coefs = this.dependentCoefs[j]!;
      for (let k = 0; k < deps.length; k++) {
        const t = deps[k]!;
        const prev = deltas.get(t);
        if (prev === undefined) heap.push(t);
        deltas.set(t, add(prev ?? 0, coefs[k]! * d));
      }
    }
    return changed;
  }
}

/** Binary heap of node indices ordered by topological position. */
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
