import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The script a job's worker thread runs, and (from source) the TypeScript entry it loads. */
export interface WorkerScript {
  file: string;
  entry?: string;
}

/**
 * Built (main.cjs): the worker bundle beside it, dist/electron/worker.cjs. From source (vitest,
 * tsx): a small boot script that loads electron/worker/entry.ts through tsx, so tests always
 * run the current code rather than a stale bundle.
 */
export function workerScript(): WorkerScript {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) return { file: join(dirname(here), 'worker.cjs') };
  return { file: join(dirname(here), 'dev-boot.mjs'), entry: pathToFileURL(join(dirname(here), 'entry.ts')).href };
}
