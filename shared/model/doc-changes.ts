/**
 * A document change as data: what an undo step keeps instead of two copies of the document.
 *
 * The change between two JSON trees is a list of edits at paths: a key set or removed, or a run of
 * array elements replaced (rows added or deleted). Equal-length arrays are compared element by
 * element, so an edit of one row's value is one small `set`, and deleting one of 10,000 rows is one
 * `splice` holding that row. Values kept in a change are copies: later edits of the document never
 * reach them.
 */

export type JsonPath = ReadonlyArray<string | number>;

export type DocChange =
  /** `before`/`after` undefined: the key is absent on that side. */
  | { op: 'set'; path: JsonPath; before: unknown; after: unknown }
  /** At `path` (an array), `removed` at index `at` became `inserted`. */
  | { op: 'splice'; path: JsonPath; at: number; removed: unknown[]; inserted: unknown[] };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const copy = <T>(v: T): T => (typeof v === 'object' && v !== null ? structuredClone(v) : v);

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !jsonEqual((a as Obj)[k], (b as Obj)[k])) return false;
  }
  return true;
}

/** The changes that turn `before` into `after` (both left as they are). */
export function diffDocument(before: unknown, after: unknown): DocChange[] {
  const out: DocChange[] = [];
  diffAt(before, after, [], out);
  return out;
}

function diffAt(a: unknown, b: unknown, path: Array<string | number>, out: DocChange[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) {
      if (!Object.hasOwn(b, k)) out.push({ op: 'set', path: [...path, k], before: copy(a[k]), after: undefined });
      else diffAt(a[k], b[k], [...path, k], out);
    }
    for (const k of Object.keys(b)) {
      if (!Object.hasOwn(a, k)) out.push({ op: 'set', path: [...path, k], before: undefined, after: copy(b[k]) });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === b.length) {
      for (let i = 0; i < a.length; i++) diffAt(a[i], b[i], [...path, i], out);
      return;
    }
    let head = 0;
    const shorter = Math.min(a.length, b.length);
    while (head < shorter && jsonEqual(a[head], b[head])) head++;
    let tail = 0;
    while (tail < shorter - head && jsonEqual(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
    out.push({
      op: 'splice',
      path: [...path],
      at: head,
      removed: copy(a.slice(head, a.length - tail)),
      inserted: copy(b.slice(head, b.length - tail)),
    });
    return;
  }
  if (jsonEqual(a, b)) return;
  out.push({ op: 'set', path: [...path], before: copy(a), after: copy(b) });
}

/**
 * Apply changes to `doc` in place, forward (before → after) or back (after → before). Values put
 * into the document are fresh copies, so the changes can be applied again (redo, undo again).
 */
export function applyChanges<T>(doc: T, changes: readonly DocChange[], direction: 'forward' | 'back'): T {
  const list = direction === 'forward' ? changes : [...changes].reverse();
  let root: unknown = doc;
  for (const c of list) {
    if (c.op === 'splice') {
      const arr = at(root, c.path) as unknown[];
      const [remove, insert] = direction === 'forward' ? [c.removed, c.inserted] : [c.inserted, c.removed];
      spliceInto(arr, c.at, remove.length, copy(insert));
      continue;
    }
    const value = direction === 'forward' ? c.after : c.before;
    if (c.path.length === 0) {
      root = copy(value);
      continue;
    }
    const parent = at(root, c.path.slice(0, -1)) as Obj;
    const key = c.path[c.path.length - 1]!;
    if (value === undefined) delete parent[key];
    else parent[key] = copy(value);
  }
  return root as T;
}

/** `Array.prototype.splice` without spreading (a paste of 100,000 rows would overflow the call stack). */
function spliceInto(arr: unknown[], start: number, remove: number, insert: readonly unknown[]): void {
  if (insert.length < 1000) {
    arr.splice(start, remove, ...insert);
    return;
  }
  const rest = arr.slice(start + remove);
  arr.length = start;
  for (const v of insert) arr.push(v);
  for (const v of rest) arr.push(v);
}

function at(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const k of path) v = (v as Obj)[k];
  return v;
}

/** Rough size of a change list in bytes (its JSON text), for the undo budget and the benchmark. */
export function changesSize(changes: readonly DocChange[]): number {
  return JSON.stringify(changes).length;
}
