import type { DocStore } from '../../renderer/state/store';
import { documentMessageText, loadDocument, loadValidatedDocument } from '../../shared/model';

/** 打开 as the app does it: electron/ipc/handlers.ts `doc:open`, then renderer/app/use-commands.ts `openDoc(…, validated)`. */
export function openInApp(text: string, store: DocStore): void {
  const read = loadDocument(text);
  if (!read.ok) throw new Error(read.error);
  // Electron's IPC copies the answer between the processes with the structured clone algorithm
  // (V8's serializer): ~6 ms at 10,000 items, ~100 ms at 100,000.
  const sent = structuredClone(documentMessageText(read.doc));
  const r = loadValidatedDocument(sent);
  if (!r.ok) throw new Error(r.error);
  store.replace(r.doc, 'bench.budget.json', false);
  store.counts();
}

/** Memory the OS handed the process since `from` (minor page faults × 4 KiB), in MB: pages touched for the first time. */
export const freshMb = (from: number) => ((process.resourceUsage().minorPageFault - from) * 4096) / 2 ** 20;
