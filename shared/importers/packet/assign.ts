import { Heap } from './heap';

/**
 * Which printed number belongs to which column, when the text lost the empty cells
 * (space-separated extractions print `52.00 40.00 40.00 12.00` for a 12-column row).
 *
 * Each row's numbers keep their order, so a row's candidates are the order-preserving
 * placements of its numbers into the columns. A placement must satisfy the row's own sums
 * (总计 = 小计 + …), and a parent row must equal the sum of its children column by column;
 * both within a cent or two, because published tables carry rounding defects. What is
 * still open after that is decided by priors (which sources the department has at all,
 * economic-class conventions, project descriptions), and reported when it stays a guess.
 */
export interface AssignColumn {
  no: string;
  /** A derived column: the sum of these columns on the same row. */
  sum?: readonly string[];
}

export interface AssignRow {
  amounts: number[];
  /** Columns already known for each amount (a tab-separated row), or undefined to infer. */
  known?: Array<string | undefined>;
  /** Index of the parent row (its value is the sum of its children), if any. */
  parent?: number;
}

export interface AssignOptions {
  columns: readonly AssignColumn[];
  rows: readonly AssignRow[];
  /** Columns that may hold money at all (e.g. the sources table 1 says the department has). */
  active?: ReadonlySet<string>;
  /** Higher is likelier: how plausible a column is for a row's amount. */
  prior?: (row: number, col: string, amount: number) => number;
}

export interface AssignResult {
  /** Per row, the column of each amount. */
  cols: string[][];
  /** Rows whose placement is a guess among equally consistent alternatives. */
  uncertain: number[];
  /** Rows whose numbers fit no placement that satisfies their own sums. */
  inconsistent: number[];
}

type Cand = { cols: string[]; dev: number; prior: number };

const ROW_TOL = 2;
const VERTICAL_TOL = 2;
const MAX_CANDIDATES = 2000;
const MAX_NODES = 20_000;
/** All families of one table together: beyond this the priors decide (and the rows are reported). */
const MAX_TOTAL_NODES = 400_000;
/** Placements enumerated for all rows of one table (published packets use under 500); past it each row gets only its first few. */
const MAX_TOTAL_CANDIDATES = 20_000;
const MIN_CANDIDATES = 4;
/** Column vectors built to examine families (published packets use under 2,000; a family of 5,000 rows costs 5,000 per look). */
const MAX_VECTOR_WORK = 100_000;

function rowDeviation(columns: readonly AssignColumn[], place: Map<string, number>): number {
  let dev = 0;
  for (const c of columns) {
    if (!c.sum) continue;
    let s = 0;
    for (const p of c.sum) s += place.get(p) ?? 0;
    dev += Math.abs((place.get(c.no) ?? 0) - s);
  }
  return dev;
}

function candidatesOf(o: AssignOptions, index: number, max: number): { list: Cand[]; inconsistent: boolean } {
  const row = o.rows[index]!;
  const n = row.amounts.length;
  const colNos = o.columns.map((c) => c.no);
  const out: Cand[] = [];
  const chosen: string[] = [];
  // Recursion depth is the row's amount count, never above the column count.
  const walk = (amountAt: number, colFrom: number) => {
    if (out.length >= max) return;
    if (amountAt === n) {
      const place = new Map<string, number>();
      chosen.forEach((c, k) => {
        place.set(c, (place.get(c) ?? 0) + row.amounts[k]!);
      });
      let prior = 0;
      chosen.forEach((c, k) => {
        prior += o.prior ? o.prior(index, c, row.amounts[k]!) : 0;
        if (o.active && !o.active.has(c)) prior -= 1000;
      });
      out.push({ cols: chosen.slice(), dev: rowDeviation(o.columns, place), prior });
      return;
    }
    const known = row.known?.[amountAt];
    for (let c = colFrom; c <= colNos.length - (n - amountAt) && out.length < max; c++) {
      if (known !== undefined && colNos[c] !== known) continue;
      chosen.push(colNos[c]!);
      walk(amountAt + 1, c + 1);
      chosen.pop();
    }
  };
  walk(0, 0);
  if (out.length === 0) return { list: [], inconsistent: true };
  const ok = out.filter((c) => c.dev <= ROW_TOL);
  if (ok.length > 0) {
    const minDev = Math.min(...ok.map((c) => c.dev));
    // Exact placements beat ones that need a rounding excuse.
    return { list: ok.filter((c) => c.dev === minDev || c.dev <= minDev), inconsistent: false };
  }
  const minDev = Math.min(...out.map((c) => c.dev));
  return { list: out.filter((c) => c.dev === minDev), inconsistent: true };
}

function vectorOf(row: AssignRow, cand: Cand): Map<string, number> {
  const m = new Map<string, number>();
  cand.cols.forEach((c, k) => {
    m.set(c, (m.get(c) ?? 0) + row.amounts[k]!);
  });
  return m;
}

export function assignColumns(o: AssignOptions): AssignResult {
  const cands: Cand[][] = [];
  const inconsistent: number[] = [];
  let candidateBudget = MAX_TOTAL_CANDIDATES;
  o.rows.forEach((_, i) => {
    const r = candidatesOf(o, i, Math.max(MIN_CANDIDATES, Math.min(MAX_CANDIDATES, candidateBudget)));
    candidateBudget -= r.list.length;
    // Columns the department has no money in are out, unless nothing else fits.
    const inActive = o.active ? r.list.filter((c) => c.cols.every((col) => o.active!.has(col))) : r.list;
    cands.push(inActive.length > 0 ? inActive : r.list);
    if (r.inconsistent) inconsistent.push(i);
  });
  const children = new Map<number, number[]>();
  o.rows.forEach((r, i) => {
    if (r.parent === undefined) return;
    const list = children.get(r.parent) ?? [];
    list.push(i);
    children.set(r.parent, list);
  });
  const colNos = o.columns.map((c) => c.no);

  // Keep, in each family, the placements that take part in a least-deviation combination.
  // Work list of families to (re)examine; a family is re-examined when one of its rows lost candidates.
  const queue = new Set<number>(children.keys());
  const touch = (row: number) => {
    if (children.has(row)) queue.add(row);
    const p = o.rows[row]!.parent;
    if (p !== undefined && children.has(p)) queue.add(p);
  };
  // Rows whose candidates changed since their margin was last ranked.
  const dirty = new Set<number>(cands.keys());
  const setCands = (row: number, list: Cand[]) => {
    cands[row] = list;
    dirty.add(row);
  };
  let budget = MAX_TOTAL_NODES;
  let vectorWork = MAX_VECTOR_WORK;
  const propagate = () => {
    let guard = 0;
    while (queue.size > 0 && budget > 0 && vectorWork > 0 && guard++ < 10_000) {
      const parent = queue.values().next().value as number;
      queue.delete(parent);
      const kids = children.get(parent)!;
      const pc = cands[parent]!;
      vectorWork -= kids.length;
      if (pc.length === 0 || kids.some((k) => cands[k]!.length === 0)) continue;
      const open = pc.length > 1 || kids.some((k) => cands[k]!.length > 1);
      if (!open) continue;
      vectorWork -= pc.length + kids.reduce((n, k) => n + cands[k]!.length, 0);
      if (vectorWork <= 0) break;
      const vecs = kids.map((k) => cands[k]!.map((c) => vectorOf(o.rows[k]!, c)));
      const pvecs = pc.map((c) => vectorOf(o.rows[parent]!, c));
      let best = Number.POSITIVE_INFINITY;
      let support: Array<Set<number>> = [];
      let nodes = 0;
      const pick: number[] = [];
      const sums = new Map<string, number>();
      let aborted = false;
      const evaluate = () => {
        for (let p = 0; p < pvecs.length; p++) {
          let dev = 0;
          for (const c of colNos) {
            const d = Math.abs((pvecs[p]!.get(c) ?? 0) - (sums.get(c) ?? 0));
            if (d > VERTICAL_TOL) {
              dev = Number.POSITIVE_INFINITY;
              break;
            }
            dev += d;
          }
          if (dev < best) {
            best = dev;
            support = [new Set([p]), ...pick.map((x) => new Set([x]))];
          } else if (dev === best && Number.isFinite(dev)) {
            support[0]!.add(p);
            pick.forEach((x, k) => {
              support[k + 1]!.add(x);
            });
          }
        }
      };
      // Depth-first over the children's placements, iteratively: a family may have thousands of rows.
      const add = (v: Map<string, number>, sign: number) => {
        for (const [c, a] of v) sums.set(c, (sums.get(c) ?? 0) + sign * a);
      };
      const visit = () => ++nodes > MAX_NODES || --budget <= 0;
      if (visit()) aborted = true;
      let k = 0;
      while (!aborted && k >= 0) {
        if (k === kids.length) {
          evaluate();
          k--;
          continue;
        }
        const prev = pick[k];
        if (prev !== undefined) add(vecs[k]![prev]!, -1);
        const next = prev === undefined ? 0 : prev + 1;
        if (next >= vecs[k]!.length) {
          pick.length = k;
          k--;
          continue;
        }
        if (visit()) {
          aborted = true;
          break;
        }
        pick[k] = next;
        add(vecs[k]![next]!, 1);
        k++;
      }
      if (aborted || !Number.isFinite(best)) continue;
      const keep = (list: Cand[], s: Set<number>) => list.filter((_, j) => s.has(j));
      const np = keep(pc, support[0]!);
      if (np.length !== pc.length) {
        setCands(parent, np);
        touch(parent);
      }
      kids.forEach((k, idx) => {
        const nk = keep(cands[k]!, support[idx + 1]!);
        if (nk.length !== cands[k]!.length) {
          setCands(k, nk);
          touch(k);
        }
      });
    }
  };
  propagate();

  // Fix the row whose best placement is clearest first, then let the sums carry that to its family.
  const uncertain: number[] = [];
  const rank = (list: Cand[]) => list.slice().sort((a, b) => a.dev - b.dev || b.prior - a.prior);
  // Margins only change when a row's candidates do: a heap of (margin, row), stale entries skipped,
  // instead of ranking every row again after each pick. Largest margin first, then the first row.
  type Entry = { m: number; row: number; stamp: number };
  const stamp = new Array<number>(cands.length).fill(0);
  const heap = new Heap<Entry>((a, b) => a.m > b.m || (a.m === b.m && a.row < b.row));
  const refresh = () => {
    for (const i of dirty) {
      stamp[i]!++;
      const list = cands[i]!;
      if (list.length < 2) continue;
      const r = rank(list);
      // Rows without children carry the most specific evidence (a project's own description).
      const m = (r[0]!.dev === r[1]!.dev ? r[0]!.prior - r[1]!.prior : 1e6) + (children.has(i) ? 0 : 0.5);
      heap.push({ m, row: i, stamp: stamp[i]! });
    }
    dirty.clear();
  };
  for (let guard = 0; guard < cands.length; guard++) {
    refresh();
    let top = heap.pop();
    while (top && top.stamp !== stamp[top.row]) top = heap.pop();
    if (!top) break;
    const pick = top.row;
    if (top.m < 1) uncertain.push(pick);
    setCands(pick, [rank(cands[pick]!)[0]!]);
    touch(pick);
    propagate();
  }
  const cols: string[][] = cands.map((list) => (list.length === 0 ? [] : rank(list)[0]!.cols));
  return { cols, uncertain, inconsistent };
}
