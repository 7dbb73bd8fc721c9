// From source (tests, development): the worker's TypeScript entry through tsx. The built app
// runs dist/electron/worker.cjs instead and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
