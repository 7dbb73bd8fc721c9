/**
 * One 打开 in a process of its own, as a window's first open after the program starts: the engine's
 * code not yet optimised by V8 and every page of memory fresh from the OS. Run by bench.ts
 * (`open_first_ms`): `node --import tsx test/bench/open-first.ts FILE` prints `{"ms":…,"freshMb":…}`.
 */
import { readFileSync } from 'node:fs';
import { DocStore } from '../../renderer/state/store';
import { sampleDocument } from '../../shared/samples/sample-department';
import { freshMb, openInApp } from './open-in-app';

const file = process.argv[2];
if (!file) throw new Error('open-first: no file');
const text = readFileSync(file, 'utf8');
// The window starts with the sample department open, as the app's does (renderer/app/App.tsx).
const store = new DocStore(sampleDocument());
const faults = process.resourceUsage().minorPageFault;
const t0 = performance.now();
openInApp(text, store);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, freshMb: freshMb(faults) }));
// The store's deferred text pass would run next; the open is over.
process.exit(0);
