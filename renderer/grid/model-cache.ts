import type { BudgetSession } from '../../shared/engine/session';
import type { GridModel } from './model';

/**
 * The grid model of each table, kept for the document version it was built for: coming back to a
 * table with no edits in between shows it without rebuilding 10,000 rows. The mounted grid keeps
 * its entry current as it applies cell edits; any other change leaves the entry stale (rebuilt on
 * the next visit).
 */
interface Entry {
  session: BudgetSession;
  version: number;
  model: GridModel;
}

const entries = new Map<number, Entry>();

export function cachedModel(session: BudgetSession, version: number, table: number): GridModel | undefined {
  const e = entries.get(table);
  return e && e.session === session && e.version === version ? e.model : undefined;
}

export function keepModel(session: BudgetSession, version: number, table: number, model: GridModel): void {
  // Another document's models are of no further use.
  for (const [t, e] of entries) if (e.session !== session) entries.delete(t);
  entries.set(table, { session, version, model });
}

/** After a change the mounted grid has applied to `model` in place: its entry is current again. */
export function touchModel(session: BudgetSession, version: number, table: number, model: GridModel): void {
  const e = entries.get(table);
  if (e && e.model === model && e.session === session) e.version = version;
}
