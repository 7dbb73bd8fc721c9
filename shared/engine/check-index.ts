import { type CheckFamily, type CheckSpec, familyKey, familyOf, specOf } from '../rules/checks';

/**
 * A consistency check in the graph: node `node` holds actual − expected. Its references are
 * its family's, made into a spec only when asked for (to word a finding), unless the check
 * carries its own (a packet's printed figures count as constants: build.ts `asShown`).
 */
export class BuiltCheck {
  private own: CheckSpec | undefined;

  constructor(
    readonly node: number,
    readonly family: CheckFamily,
    readonly row: string,
    private readonly rows: readonly string[] | undefined,
    spec?: CheckSpec,
  ) {
    this.own = spec;
  }

  /** A check whose references are all its own. */
  static of(node: number, spec: CheckSpec): BuiltCheck {
    return new BuiltCheck(node, familyOf(spec.rule, spec.table, spec.col, spec.op, spec.title, { table: spec.table, cols: [] }, spec), spec.row, undefined, spec);
  }

  /** `rule|table|row|col`, as findings are named. */
  get id(): string {
    const f = this.family;
    return `${f.rule}|${f.table}|${this.row}|${f.col}`;
  }

  get spec(): CheckSpec {
    return this.own ?? specOf(this.family, this.row, this.rows);
  }

  set spec(spec: CheckSpec) {
    this.own = spec;
  }

  /** The spec the check carries itself, if any (a new object whenever it is replaced). */
  get ownSpec(): CheckSpec | undefined {
    return this.own;
  }

  /** Whether the value `actual − expected` breaks the check. */
  broken(v: number): boolean {
    const op = this.family.op;
    return op === 'eq' ? v !== 0 : op === 'ge' ? v < 0 : v > 0;
  }
}

/** The checks of a session, by id (one per id: a repeated declaration is built once) and by node. */
export class CheckIndex {
  /** `rule|table|col` → row → check: ids without building a string per check. */
  private readonly byKey = new Map<string, Map<string, BuiltCheck>>();
  /**
   * By node, as an array from the first check's node: nodes only grow, and checks come after the
   * cells (a Map of 12,000 entries cost 3% of an open; an edit asks it for every node it changes).
   */
  private readonly byNode: Array<BuiltCheck | undefined> = [];
  private base = -1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Adds a check unless one of its id is there already; false then. `absent`: the caller has just
   * asked `hasAt` (a look-up fewer per check: 120,000 of them open a 100,000-item department).
   */
  add(c: BuiltCheck, absent = false): boolean {
    let rows = this.byKey.get(c.family.key);
    if (!rows) {
      rows = new Map();
      this.byKey.set(c.family.key, rows);
    } else if (!absent && rows.has(c.row)) return false;
    if (this.base < 0) this.base = c.node;
    if (c.node < this.base) throw new Error(`check node ${c.node} before the first check`);
    rows.set(c.row, c);
    const at = c.node - this.base;
    while (this.byNode.length < at) this.byNode.push(undefined);
    this.byNode[at] = c;
    this.count++;
    return true;
  }

  /** Whether a check of this family and row is there. */
  hasAt(family: CheckFamily, row: string): boolean {
    return this.byKey.get(family.key)?.has(row) ?? false;
  }

  get(rule: string, table: number, row: string, col: string): BuiltCheck | undefined {
    return this.byKey.get(familyKey(rule, table, col))?.get(row);
  }

  /** Whether this very check is still in the index. */
  holds(c: BuiltCheck): boolean {
    return this.atNode(c.node) === c;
  }

  atNode(node: number): BuiltCheck | undefined {
    return node >= this.base ? this.byNode[node - this.base] : undefined;
  }

  delete(c: BuiltCheck): void {
    if (!this.holds(c)) return;
    const rows = this.byKey.get(c.family.key);
    if (rows?.get(c.row) === c) rows.delete(c.row);
    this.byNode[c.node - this.base] = undefined;
    this.count--;
  }

  /** The checks in the order they were added. */
  *values(): IterableIterator<BuiltCheck> {
    for (const c of this.byNode) if (c) yield c;
  }
}
