import { add, type Fen } from '../money';

/** A signed reference to another node by id; ids that never get a node count as zero. */
export interface Ref {
  id: string;
  coef: 1 | -1;
}

/**
 * Every derived cell and every consistency check is a signed sum of other nodes, so the
 * whole workbook is one linear DAG. A full pass evaluates nodes in topological order; an
 * edit pushes its delta only through the nodes that depend on it. Formulas and dependents
 * are kept in flat (CSR) arrays: a 10,000-line department has ~150,000 nodes.
 */
export class CellGraph {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private values: Fen[] = [];
  private readonly derived: boolean[] = [];
  private readonly constants: Fen[] = [];
  // While building: references per node [start, end) into refIds/refNodes/refCoefs; a reference
  // is either an id to look up at seal time or (refIds[k] === null) a node index known already.
  private readonly refStart: number[] = [];
  private readonly refEnd: number[] = [];
  private refIds: (string | null)[] = [];
  private refNodes: number[] = [];
  private refCoefs: number[] = [];
  // After sealing: formula terms and dependents in CSR form.
  private termStart = new Int32Array(0);
  private terms = new Int32Array(0);
  private termCoefs = new Int8Array(0);
  private depStart = new Int32Array(0);
  private deps = new Int32Array(0);
  private depCoefs = new Int8Array(0);
  private order: Int32Array = new Int32Array(0);
  private position: Int32Array = new Int32Array(0);
  private sealed = false;

  get size(): number {
    return this.ids.length;
  }

  private addNode(id: string, derived: boolean, value: Fen): number {
    if (this.sealed) throw new Error('graph is sealed');
    if (this.index.has(id)) throw new Error(`duplicate cell ${id}`);
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.values.push(value);
    this.derived.push(derived);
    this.constants.push(0);
    this.refStart.push(this.refIds.length);
    this.refEnd.push(this.refIds.length);
    return i;
  }

  addEntered(id: string, value: Fen): number {
    return this.addNode(id, false, value);
  }

  addDerived(id: string, refs: Ref[], constant: Fen = 0): number {
    const i = this.addNode(id, true, 0);
    for (const r of refs) {
      this.refIds.push(r.id);
      this.refNodes.push(-1);
      this.refCoefs.push(r.coef);
    }
    this.refEnd[i] = this.refIds.length;
    this.constants[i] = constant;
    return i;
  }

  /**
   * A derived node summing nodes by index (+1 each). The indices may belong to nodes not added
   * yet (a table's cells are laid out in a known order), but must exist by `seal`.
   */
  addDerivedSum(id: string, nodes: readonly number[]): number {
    const i = this.addNode(id, true, 0);
    for (const n of nodes) {
      this.refIds.push(null);
      this.refNodes.push(n);
      this.refCoefs.push(1);
    }
    this.refEnd[i] = this.refIds.length;
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
    return !this.derived[i];
  }

  /** Resolve references, order the nodes, evaluate everything once. */
  seal(): void {
    const n = this.ids.length;
    const termStart = new Int32Array(n + 1);
    const terms: number[] = [];
    const coefs: number[] = [];
    const depCount = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      termStart[i] = terms.length;
      for (let k = this.refStart[i]!; k < this.refEnd[i]!; k++) {
        const id = this.refIds[k];
        const j = id === null ? this.refNodes[k]! : this.index.get(id!);
        if (j === undefined) continue; // a row that does not exist holds zero
        if (j >= n) throw new Error(`${this.ids[i]} refers to a node that was never added`);
        terms.push(j);
        coefs.push(this.refCoefs[k]!);
        depCount[j]!++;
      }
    }
    termStart[n] = terms.length;
    this.termStart = termStart;
    this.terms = Int32Array.from(terms);
    this.termCoefs = Int8Array.from(coefs);
    this.refIds = [];
    this.refNodes = [];
    this.refCoefs = [];
    const depStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) depStart[i + 1] = depStart[i]! + depCount[i]!;
    const deps = new Int32Array(terms.length);
    const depCoefs = new Int8Array(terms.length);
    const fill = depStart.slice(0, n);
    for (let i = 0; i < n; i++) {
      for (let k = termStart[i]!; k < termStart[i + 1]!; k++) {
        const j = this.terms[k]!;
        const at = fill[j]!++;
        deps[at] = i;
        depCoefs[at] = this.termCoefs[k]!;
      }
    }
    this.depStart = depStart;
    this.deps = deps;
    this.depCoefs = depCoefs;
    this.topoSort();
    this.sealed = true;
    this.evaluateAll();
  }

  private topoSort(): void {
    const n = this.ids.length;
    const indegree = new Int32Array(n);
    for (let i = 0; i < n; i++) indegree[i] = this.termStart[i + 1]! - this.termStart[i]!;
    const order = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
    while (head < tail) {
      const i = order[head++]!;
      for (let k = this.depStart[i]!; k < this.depStart[i + 1]!; k++) {
        const d = this.deps[k]!;
        if (--indegree[d]! === 0) order[tail++] = d;
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
      if (!this.derived[i]) continue;
      let s = this.constants[i]!;
      for (let k = this.termStart[i]!; k < this.termStart[i + 1]!; k++) s = add(s, this.termCoefs[k]! * v[this.terms[k]!]!);
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
    if (this.derived[i]) throw new Error(`${this.ids[i]} is derived`);
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
      for (let k = this.depStart[j]!; k < this.depStart[j + 1]!; k++) {
        const t = this.deps[k]!;
        const prev = deltas.get(t);
        if (prev === undefined) heap.push(t);
        deltas.set(t, add(prev ?? 0, this.depCoefs[k]! * d));
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
