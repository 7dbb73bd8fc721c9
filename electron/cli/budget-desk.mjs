#!/usr/bin/env node
// The `budget-desk` command. Runs the bundle built by `npm run build` / at install
// (build/build-cli.mjs → dist/cli/budget-desk.mjs): plain JavaScript, no TypeScript compiled at
// start. Without a bundle, or when a bundled source was edited after it was built (a developer at
// work), the TypeScript sources run through tsx instead: the same code, only slower to start.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bundle = join(root, 'dist', 'cli', 'budget-desk.mjs');

/**
 * The bundle exists and none of the ~200 sources it was built from is newer. One stat call per
 * source, no exception for a missing one (a packaged copy may ship without sources: the bundle is
 * all there is), no path normalising: a few milliseconds of start-up.
 */
function bundleIsCurrent() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return false;
  }
  for (const f of inputs) {
    const s = statSync(`${root}/${f}`, { throwIfNoEntry: false });
    if (s && s.mtimeMs > built.mtimeMs) return false;
  }
  return true;
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(pathToFileURL(join(here, 'main.ts')).href));
}
process.exitCode = await main(process.argv.slice(2));
