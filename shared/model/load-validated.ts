import { type LoadResult, loadDocument, validateDocument } from './load';
import { type BudgetDocument, CURRENT_VERSION } from './schema';

/**
 * A document text the main process has just read, validated and serialised (doc:open, a file
 * opened from the OS, recovery:restore) is parsed in the window without validating it a second
 * time: the second pass was ~60 ms of a 10,000-line 打开. Imports and documents made in the window
 * still use loadDocument; anything that is not main's current-version output (another version, a
 * carried custom format, not JSON) goes the full way here too.
 */
export function loadValidatedDocument(text: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return loadDocument(text);
  }
  const obj = raw as Record<string, unknown> | null;
  if (obj && typeof obj === 'object' && !Array.isArray(obj) && obj.format === 'budget-desk-document' && obj.version === CURRENT_VERSION && obj.customFormat === undefined) {
    return { ok: true, doc: obj as unknown as BudgetDocument, verbatim: true };
  }
  return validateDocument(raw, true);
}
