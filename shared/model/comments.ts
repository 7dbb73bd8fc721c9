import { cellId, parseCellId } from '../engine/cell-id';
import { type BudgetDocument, COMMENT_MAX_CHARS } from './schema';

/**
 * 批注 (cell comments) as changes of the document: set, edit, remove, and the ones a deleted
 * row takes with it. Mutators work on a draft (the store's updateDocument), so each is one undo step.
 */

export type CommentOutcome = { ok: true } | { ok: false; reason: string };

/** The comment on a table cell, if any. */
export function commentAt(doc: BudgetDocument, table: number, row: string, col: string): string | undefined {
  return doc.comments?.[cellId(table, row, col)];
}

/** Set (or, with blank text, remove) the comment of a cell; the text is kept as typed, ends trimmed. */
export function setComment(doc: BudgetDocument, table: number, row: string, col: string, text: string): CommentOutcome {
  const t = text.trim();
  if (t.length > COMMENT_MAX_CHARS) return { ok: false, reason: `批注有 ${t.length} 个字，最多 ${COMMENT_MAX_CHARS} 个字，未保存` };
  const key = cellId(table, row, col);
  const all = { ...(doc.comments ?? {}) };
  if (t) all[key] = t;
  else delete all[key];
  if (Object.keys(all).length > 0) doc.comments = all;
  else delete doc.comments;
  return { ok: true };
}

/** Remove the comments on a deleted row's cells, in every table it showed in; returns how many went. */
export function dropRowComments(doc: BudgetDocument, rowKey: string): number {
  if (!doc.comments) return 0;
  const kept: Record<string, string> = {};
  let dropped = 0;
  for (const [k, v] of Object.entries(doc.comments)) {
    if (parseCellId(k)?.row === rowKey) dropped++;
    else kept[k] = v;
  }
  if (dropped === 0) return 0;
  if (Object.keys(kept).length > 0) doc.comments = kept;
  else delete doc.comments;
  return dropped;
}
