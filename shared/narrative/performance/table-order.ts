import { runSteps, type Steps } from '../../engine/steps';
import { type Figures, type MoneyRow, ROWS_PER_STEP } from '../figures';

/** Each Figures' table 7 projects with money (what the blank tables are made for), read once. */
const PROJECT_ROWS = new WeakMap<Figures, readonly MoneyRow[]>();

export function* projectRowsSteps(fig: Figures): Steps<readonly MoneyRow[]> {
  let rows = PROJECT_ROWS.get(fig);
  if (!rows) {
    rows = yield* fig.rowsWithMoneySteps(7, 'leaf', '1');
    PROJECT_ROWS.set(fig, rows);
  }
  return rows;
}

interface RowIndex {
  byId: Map<string, MoneyRow>;
  byName: Map<string, MoneyRow>;
  place: Map<string, number>;
}

/** The table 7 projects by id, by name and their places, once per list (the page orders its draft on every version of the document). */
const ROW_INDEX = new WeakMap<readonly MoneyRow[], RowIndex>();

function rowIndexOf(t7: readonly MoneyRow[]): RowIndex {
  let x = ROW_INDEX.get(t7);
  if (!x) {
    x = { byId: new Map(t7.map((r) => [r.key.slice(2), r])), byName: new Map(t7.map((r) => [r.project ?? r.name, r])), place: new Map(t7.map((r, i) => [r.key, i])) };
    ROW_INDEX.set(t7, x);
  }
  return x;
}

/** A 项目支出绩效目标表 in its place: one filled in (its index in the stored list, and its table 7 project if any) or the blank one of a table 7 project. */
export type TableSlot = { index: number; row: MoneyRow | undefined } | { index?: undefined; row: MoneyRow };

/**
 * The order the page lists and the packet prints the 项目支出绩效目标表 in: the tables filled in, in
 * their own order, each found its table 7 project (by id, else by name); a blank table for each
 * table 7 project without one, at its place in table 7 among them (a table of a project not in
 * table 7 after the blank ones before the next table). So a blank table filled in and stored, or a
 * table added at the end, keeps its place on the page, and a packet's tables keep the order it
 * printed them in.
 */
export function* tableOrder(stored: ReadonlyArray<{ projectId?: string; name: string }>, t7: readonly MoneyRow[]): Steps<TableSlot[]> {
  const { byId, byName, place } = rowIndexOf(t7);
  const filed = new Set<string>();
  const rows: Array<MoneyRow | undefined> = [];
  for (let i = 0; i < stored.length; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    const p = stored[i]!;
    const row = (p.projectId ? byId.get(p.projectId) : undefined) ?? byName.get(p.name);
    if (row) filed.add(row.key);
    rows.push(row);
  }
  const out: TableSlot[] = [];
  let next = 0;
  const blanksBefore = function* (end: number): Steps<void> {
    for (; next < end; next++) {
      if (next > 0 && next % ROWS_PER_STEP === 0) yield;
      const row = t7[next]!;
      if (!filed.has(row.key)) out.push({ row });
    }
  };
  // A table of a project not in table 7 goes just before the next table of one that is (or last).
  const loose: TableSlot[] = [];
  for (let i = 0; i < stored.length; i++) {
    const row = rows[i];
    if (!row) {
      loose.push({ index: i, row });
      continue;
    }
    yield* blanksBefore(place.get(row.key)!);
    out.push(...loose.splice(0), { index: i, row });
  }
  yield* blanksBefore(t7.length);
  out.push(...loose);
  return out;
}

/** The table 7 projects with money `fig` reads: each has a 项目支出绩效目标表, blank until filled in. */
export const projectRowsOf = (fig: Figures): readonly MoneyRow[] => runSteps(projectRowsSteps(fig));

/** The table 7 project of id `id` among `t7`, if there. */
export const tableProject = (t7: readonly MoneyRow[], id: string): MoneyRow | undefined => rowIndexOf(t7).byId.get(id);

/** The slots of tables `stored` with the table 7 projects `fig` read (they change only with table 7). */
export function tableSlots(fig: Figures, stored: ReadonlyArray<{ projectId?: string; name: string }>): TableSlot[] {
  return runSteps(tableOrder(stored, projectRowsOf(fig)));
}
