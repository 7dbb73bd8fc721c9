import type { BudgetDocument } from '../../shared/model';
import { ROW_KEYS } from '../../shared/model/fast-rows';
import { nextTask } from '../app/next-task';

/**
 * The document as the window writes it for main (the IPC contract's `docText`: 保存, 自动保存,
 * 导出, 打印): the JSON of `documentMessageText`, written in parts. Chromium's JSON.stringify
 * leaves its fast path for the whole value once any object in it has integer-like keys, as
 * `names` (by code) and `fixed` (by table number) have: a 100,000-item document held the window
 * ~340 ms in one call, ~100 ms with those two written apart (10,000 items: ~30 → ~9 ms).
 * Their keys come last; the value is the same document.
 */
export function documentText(doc: BudgetDocument): string {
  const { names, fixed, ...rest } = doc;
  const parts: string[] = [];
  const body = JSON.stringify(rest).slice(1, -1);
  if (body) parts.push(body);
  if (fixed !== undefined) parts.push(`"fixed":${JSON.stringify(fixed)}`);
  if (names !== undefined) parts.push(`"names":${JSON.stringify(names)}`);
  return `{${parts.join(',')}}`;
}

/** Rows written per task: ~2–5 ms of JSON at any size. */
const SLICE_ROWS = 2000;

/**
 * `documentText` written a slice of rows per task, for 自动保存: at 100,000 items writing the whole
 * document held the window 100–340 ms at every autosave after a change, while the user typed.
 * Edits change rows in place, so the text is only good if the document did not change before it
 * was done: `current` is asked after every slice, and null is the answer once it says no (the
 * next autosave writes it again). The same JSON value as `documentText`.
 */
export async function documentTextInSlices(doc: BudgetDocument, current: () => boolean, pause: () => Promise<void> = nextTask): Promise<string | null> {
  // Pieces joined with + (V8 keeps them as a rope): copied once, when the text is sent, not once per join.
  let out = '';
  // The row arrays: all but a few KB of a large document.
  for (const key of ROW_KEYS) {
    const rows: readonly unknown[] | undefined = doc[key];
    if (rows === undefined) continue;
    let list = '';
    for (let i = 0; i < rows.length; i += SLICE_ROWS) {
      const json = JSON.stringify(rows.slice(i, i + SLICE_ROWS));
      if (json.length > 2) list = list ? `${list},${json.slice(1, -1)}` : json.slice(1, -1);
      await pause();
      if (!current()) return null;
    }
    out = `${out ? `${out},` : ''}${JSON.stringify(key)}:[${list}]`;
  }
  // The rest taken apart, not deleted from a copy: an object with properties deleted is a
  // dictionary, and JSON.stringify leaves its fast path for all of it.
  const { functionRows: _f, economicRows: _e, projectRows: _p, carryoverRows: _c, ...rest } = doc;
  const others = documentText(rest as BudgetDocument).slice(1, -1);
  if (others) out = out ? `${out},${others}` : others;
  return current() ? `{${out}}` : null;
}
