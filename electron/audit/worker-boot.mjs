// Entry of an audit worker thread: TypeScript runs through tsx here as in budget-desk.cjs
// (a loader registered in the main thread does not reach worker threads).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(join(here, 'worker.ts')).href);
