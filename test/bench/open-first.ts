/**
 * One 打开 in a process of its own, as a window's first open after the program starts: the engine's
 * code not yet optimised by V8 and every page of memory fresh from the OS (main's documents thread
 * started, as the window's loading starts it, but it has read no document yet). Run by bench.ts
 * (`open_first_ms`): `node --import tsx test/bench/open-first.ts FILE` prints `{"ms":…,"freshMb":…}`.
 */
import { DocService } from '../../electron/worker/doc-service';
import { DocStore } from '../../renderer/state/store';
import { sampleDocument } from '../../shared/samples/sample-department';
import { freshMb, openInApp, warmed } from './open-in-app';

const file = process.argv[2];
if (!file) throw new Error('open-first: no file');
// Main's documents thread is started when the window has loaded (electron/main.ts): up, its code cold.
const docs = await warmed(new DocService());
// The window starts with the sample department open, as the app's does (renderer/app/App.tsx).
const store = new DocStore(sampleDocument());
const faults = process.resourceUsage().minorPageFault;
const t0 = performance.now();
await openInApp(file, store, docs);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, freshMb: freshMb(faults) }));
// The store's deferred text pass would run next; the open is over.
process.exit(0);
