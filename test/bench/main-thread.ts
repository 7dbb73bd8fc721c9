import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../electron/ipc/handlers';
import type { DocService } from '../../electron/worker/doc-service';
import { type BudgetDocument, documentMessageText, serializeDocument } from '../../shared/model';

/** The longest stretch main's event loop went without a turn while `run` was under way (ms). */
export async function longestHold(run: () => Promise<unknown>): Promise<{ ms: number; result: unknown }> {
  let last = performance.now();
  let ms = 0;
  const tick = setInterval(() => {
    const t = performance.now();
    ms = Math.max(ms, t - last);
    last = t;
  }, 1);
  try {
    const result = await run();
    ms = Math.max(ms, performance.now() - last);
    return { ms, result };
  } finally {
    clearInterval(tick);
  }
}

/**
 * How long main's own thread (the app's UI thread: its window, menus and IPC wait while it is
 * busy) is held by 打开, 保存 and 自动保存 of `doc`, through the app's IPC handlers: the longest
 * hold of each, `runs` times.
 */
export async function mainHolds(doc: BudgetDocument, docs: DocService, runs: number): Promise<{ open: number[]; save: number[]; autosave: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-main-'));
  try {
    const file = join(dir, 'bench.budget');
    await fs.writeFile(file, serializeDocument(doc));
    const docText = documentMessageText(doc);
    const h = createHandlers({
      userDataDir: join(dir, 'user'),
      appVersion: 'bench',
      dialogs: { open: async () => file, save: async () => file },
      confirmExternal: async () => false,
      openExternal: async () => {},
      setWindowState: () => {},
      docs,
    });
    h.paths.grant(file, 'write');
    const out = { open: [] as number[], save: [] as number[], autosave: [] as number[] };
    const held = async (into: number[], run: () => Promise<{ ok: boolean }>) => {
      const r = await longestHold(run);
      if (!(r.result as { ok: boolean }).ok) throw new Error(`main-thread: ${JSON.stringify(r.result).slice(0, 300)}`);
      into.push(r.ms);
    };
    for (let i = 0; i < runs; i++) {
      await held(out.open, () => h['doc:open']({}));
      await held(out.save, () => h['doc:save']({ path: file, docText }));
      await held(out.autosave, () => h['doc:autosave']({ key: 'bench', docText }));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
