import type { DocService } from '../../electron/worker/doc-service';
import { openParsed } from '../../renderer/app/large-document';
import type { DocStore } from '../../renderer/state/store';
import { loadValidatedDocument } from '../../shared/model';

/**
 * 打开 as the app does it: electron/ipc/handlers.ts `doc:open` (main's documents thread reads,
 * parses and validates the file and answers with the current-version text), then
 * renderer/app/use-commands.ts `openDoc(…, validated)`.
 */
export async function openInApp(file: string, store: DocStore, docs: DocService): Promise<void> {
  const read = await docs.request({ op: 'read', path: file });
  if (!read.ok || read.messageText === undefined) throw new Error(read.ok ? 'no text' : read.error);
  // Electron's IPC copies the answer between the processes with the structured clone algorithm
  // (V8's serializer): ~6 ms at 10,000 items, ~100 ms at 100,000.
  const sent = structuredClone(read.messageText);
  const r = loadValidatedDocument(sent);
  if (!r.ok) throw new Error(r.error);
  await openParsed(store, r.doc, sent, 'bench.budget.json', false, r.verbatim === true);
  store.counts();
}

/** The documents thread started and answering, as the app's is once its window has loaded (main.ts `warm`). */
export async function warmed(docs: DocService): Promise<DocService> {
  await docs.request({ op: 'check', text: '{}' });
  return docs;
}

/** Memory the OS handed the process since `from` (minor page faults × 4 KiB), in MB: pages touched for the first time. */
export const freshMb = (from: number) => ((process.resourceUsage().minorPageFault - from) * 4096) / 2 ** 20;
