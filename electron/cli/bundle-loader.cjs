'use strict';
// Runs one bundle of the built `budget-desk` (dist/cli/<command>.cjs, build/build-cli.mjs) with
// V8's code cache kept beside it (<bundle>.cache): the functions a run of the command compiled are
// read back instead of parsed and compiled again, which is most of a short command's start-up.
// Plain CommonJS on purpose: the ES module loader alone adds ~12 ms to the start of a command.
const { readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

/** The bundle that runs `argv`: its command's own, else the one that prints the usage (--help, unknown command). */
function bundleFor(dir, argv) {
  const name = argv[0];
  if (name !== undefined && /^[a-z][a-z-]*$/.test(name)) {
    const file = join(dir, `${name}.cjs`);
    if (statSync(file, { throwIfNoEntry: false })) return file;
  }
  return join(dir, 'help.cjs');
}

/**
 * V8 checks a cache against the source's length only, so the cache file starts with the bundle's
 * size and modification time: a cache left from another build of the bundle is never used.
 */
function stampOf(file) {
  const s = statSync(file);
  return `${s.size} ${s.mtimeMs}\n`;
}

function readCache(file, stamp) {
  let bytes;
  try {
    bytes = readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  const head = Buffer.byteLength(stamp);
  return bytes.length > head && bytes.toString('latin1', 0, head) === stamp ? bytes.subarray(head) : undefined;
}

/**
 * Compiles and starts a bundle; returns its exports (`main`) and how to store the code compiled
 * so far. The bundle is a function of `require`, `import()` and its own URL (the build wraps it),
 * since code compiled by node:vm has neither.
 */
function loadBundle(bundle) {
  const file = resolve(bundle);
  const stamp = stampOf(file);
  const cachedData = readCache(file, stamp);
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const factory = script.runInThisContext();
  const exports = factory(createRequire(file), (specifier) => import(specifier), pathToFileURL(file).href);
  return {
    exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    /** Best effort: an installed copy may be read-only, and the command ran either way. */
    saveCache() {
      const tmp = `${file}.cache.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]));
        renameSync(tmp, `${file}.cache`);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}

/**
 * Runs the command in `argv` from its bundle and returns the exit code. The cache is written
 * after the run when asked (the build does, on a sample run of each command) or when it could
 * not be used, e.g. after an update of Node, which V8 rejects; not under extra V8 or Node flags
 * (a profiler), whose cache a plain run would reject in turn.
 */
async function runBundle(file, argv, { writeCache = false } = {}) {
  const bundle = loadBundle(file);
  const code = await bundle.exports.main(argv);
  const plainNode = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
  if (writeCache || (!bundle.cacheUsed && plainNode)) bundle.saveCache();
  return code;
}

module.exports = { bundleFor, loadBundle, runBundle };
