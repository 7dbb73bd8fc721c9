import type { BudgetDocument } from '../../shared/model';
import type { DocStore } from '../state/store';
import { nextTask } from './next-task';

/**
 * Documents larger than this (characters of JSON, some 2,000 lines) take long enough to open to
 * show the busy indicator, and are built in slices of steps (DocStore.replaceInSteps) with the
 * window inert meanwhile.
 */
export const LARGE_DOC = 400_000;

/**
 * `doc`, parsed from `docText`, opened in the store as 打开 does (the window, and the benchmark's
 * `open_ms`): a large document built in slices with the window's tasks between them. `verbatim`:
 * `docText` is the document as it is, kept for the text worker.
 */
export async function openParsed(store: DocStore, doc: BudgetDocument, docText: string, path: string | undefined, dirty: boolean, verbatim: boolean): Promise<void> {
  const text = verbatim ? docText : undefined;
  if (docText.length > LARGE_DOC) await store.replaceInSteps(doc, path, dirty, text, nextTask);
  else store.replace(doc, path, dirty, text);
}
