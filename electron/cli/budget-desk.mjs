#!/usr/bin/env node
// The `budget-desk` command. Runs the bundle built by `npm run build` / at install
// (build/build-cli.mjs → dist/cli/budget-desk.mjs): plain JavaScript, no TypeScript compiled at
// start. Without a bundle, or when a bundled source was edited after it was built (a developer at
// work), the TypeScript sources run through tsx instead: the same code, only slower to start.
import { readFile, stat } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bundle = join(root, 'dist', 'cli', 'budget-desk.mjs');

/**
 * The bundle exists and none of the sources it was built from is newer. The ~200 sources are
 * stat'ed by the thread pool while the main thread loads the bundle, so the check costs start-up
 * next to nothing; a source that is missing (a packaged copy without sources) is not a change.
 */
function bundleIsCurrent() {
  return new Promise((done) => {
    stat(bundle, (e, built) => {
      if (e) return done(false);
      readFile(join(root, 'dist', 'cli', 'inputs.json'), 'utf8', (e2, text) => {
        let inputs;
        try {
          if (e2) throw e2;
          inputs = JSON.parse(text);
        } catch {
          return done(false);
        }
        let waiting = inputs.length;
        let current = true;
        if (waiting === 0) return done(true);
        for (const f of inputs) {
          stat(`${root}/${f}`, (e3, s) => {
            if (!e3 && s.mtimeMs > built.mtimeMs) current = false;
            if (--waiting === 0) done(current);
          });
        }
      });
    });
  });
}

const bundled = import(pathToFileURL(bundle).href).catch(() => null);
let main;
if ((await bundleIsCurrent()) && (await bundled)) {
  ({ main } = await bundled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(pathToFileURL(join(here, 'main.ts')).href));
}
process.exitCode = await main(process.argv.slice(2));
