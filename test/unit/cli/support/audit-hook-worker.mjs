// An audit worker for tests: the real one (electron/audit/worker.ts), except that a file named
// *oom.txt runs the thread out of memory and *crash.txt ends it, as a hostile input could.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Registered before the real worker's listener, so it sees each file first.
parentPort?.on('message', (m) => {
  if (m.file.endsWith('oom.txt')) {
    const hoard = [];
    for (;;) hoard.push(new Array(100_000).fill(m.id + 0.5));
  }
  if (m.file.endsWith('crash.txt')) process.exit(7);
});
register();
const here = dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(join(here, '../../../../electron/audit/worker.ts')).href);
