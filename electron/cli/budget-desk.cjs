#!/usr/bin/env node
'use strict';
// The `budget-desk` command. Runs the bundles built by `npm run build` / at install
// (build/build-cli.mjs → dist/cli/<command>.cjs, one per command and one for the usage): plain
// JavaScript with its V8 code cache, no TypeScript compiled at start. Without a build, or when a
// bundled source was edited after it (a developer at work), the TypeScript sources run through
// tsx instead: the same code, only slower to start. CommonJS, like the loader it starts: an ES
// module entry would start the ES module loader, ~12 ms of every command.
const { readFileSync, statSync } = require('node:fs');
const { basename, join } = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = join(__dirname, '..', '..', 'dist', 'cli');

/**
 * A build exists and none of the sources the bundle was built from is newer. inputs.json, the
 * sources of each bundle, is written last, so its time is the build's. One stat call per source
 * (~100 for a command, ~10 for the usage), no exception for a missing one (a packaged copy may ship
 * without sources: the bundles are all there is), no path normalising: a millisecond or two.
 */
function buildIsCurrent(bundle) {
  const list = join(dist, 'inputs.json');
  const built = statSync(list, { throwIfNoEntry: false });
  if (!built) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(list, 'utf8'))[basename(bundle)];
  } catch {
    return false;
  }
  if (!Array.isArray(inputs)) return false;
  const root = join(__dirname, '..', '..');
  for (const f of inputs) {
    const s = statSync(`${root}/${f}`, { throwIfNoEntry: false });
    if (s && s.mtimeMs > built.mtimeMs) return false;
  }
  return true;
}

async function run(argv) {
  const { bundleFor, runBundle } = require('./bundle-loader.cjs');
  const bundle = bundleFor(dist, argv);
  // A build of an older layout (no such bundle) counts as none.
  if (statSync(bundle, { throwIfNoEntry: false }) && buildIsCurrent(bundle)) return runBundle(bundle, argv);
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(pathToFileURL(join(__dirname, 'main.ts')).href);
  return main(argv);
}

// A reader that stops early (`budget-desk check F | head`) closes the pipe: the command's output is
// no longer wanted, which is no error of ours (a shell pipeline ends the same way for `cat`).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // The bundle itself failed to load (main reports every failure of a command itself).
    process.stderr.write(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
