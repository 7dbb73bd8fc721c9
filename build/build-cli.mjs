// Bundles the `budget-desk` command (electron/cli) into dist/cli/: one CommonJS bundle per command
// (<command>.cjs, its modules and the pure-JavaScript packages it uses in one file) and help.cjs
// (the usage, for --help and unknown commands), so a command starts as plain JavaScript instead of
// compiling TypeScript through tsx at every run, and reads one file instead of ~35 chunks. Each
// bundle is then run once on a sample command line and the code V8 compiled for it is stored
// beside it (<bundle>.cache, read back by electron/cli/bundle-loader.cjs). Runs at
// `npm run build` and at install (`prepare`); offline, in a few seconds. exceljs, pdfjs-dist and
// playwright-core stay in node_modules, loaded only by the commands and files that need them.
// The lists of bundled sources, per bundle, are written last (inputs.json): electron/cli/budget-desk.cjs
// runs the sources through tsx instead whenever one of the command's is newer (a developer editing them).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Optional argument: another output folder (the test builds into a temporary one).
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // An install without esbuild (it comes with tsx and vite): the command then runs through tsx.
  console.log('budget-desk: esbuild 不可用，命令行将直接运行 TypeScript 源码（tsx）');
  process.exit(0);
}

/** Packages small and pure enough to be bundled (and code-cached) with the commands. */
const BUNDLED_PACKAGES = new Set(['zod', 'decimal.js']);
const COMMANDS = readdirSync(join(root, 'electron/cli/commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'));

/** Packages other than BUNDLED_PACKAGES stay in node_modules. */
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (a) => {
      const pkg = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
      return BUNDLED_PACKAGES.has(pkg) ? undefined : { path: a.path, external: true };
    });
  },
};

/**
 * Left out of a command's bundle: the registry's other commands (the launcher never asks it for
 * them). Left out of the usage bundle: every command, and what runs one (the runner, the input readers).
 */
const onlyCommand = (name) => ({
  name: 'only-command',
  setup(build) {
    const runsCommands = name === 'help' ? /^\.\/(commands\/|run$)|\/register-input$/ : /^\.\/commands\//;
    build.onResolve({ filter: runsCommands }, (a) =>
      /electron[\\/]cli[\\/](registry|main)\.ts$/.test(a.importer) && a.path !== `./commands/${name}` ? { path: a.path, namespace: 'left-out' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (a) => ({
      contents: `throw new Error(${JSON.stringify(`budget-desk：${a.path} 不在这个构建包中`)});`,
      loader: 'js',
    }));
  },
});

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  // No comments or indentation: fewer bytes to read at every start. Names are kept for stack traces.
  minifyWhitespace: true,
  legalComments: 'none',
};

/**
 * A command's bundle, wrapped as a function of `require`, `import()` and its own URL: code compiled
 * by node:vm (for its code cache) has none of them. Dynamic imports of packages left outside are
 * routed to the loader's import(); pdfjs-dist, for one, is an ES module only.
 */
async function buildCommand(name) {
  const outfile = join(outdir, `${name}.cjs`);
  const result = await esbuild.build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile,
    format: 'cjs',
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: '(function (require, __import, __bundleUrl) {\nvar module = { exports: {} }, exports = module.exports;' },
    footer: { js: 'return module.exports;\n})' },
    plugins: [packagesOutside, onlyCommand(name)],
  });
  const code = readFileSync(outfile, 'utf8');
  const dynamic = Object.values(result.metafile.outputs)[0].imports.filter((i) => i.kind === 'dynamic-import' && i.external);
  const routed = code.replace(/\bimport\((?=["'])/g, '__import(');
  const calls = (routed.match(/\b__import\(["']/g) ?? []).length;
  if (dynamic.some((i) => !/^[^./]/.test(i.path)) || calls !== dynamic.length || /\bimport\(/.test(routed)) {
    throw new Error(`${outfile}：动态 import() 未能全部改写（${calls}/${dynamic.length}）`);
  }
  writeFileSync(outfile, routed);
  return result.metafile;
}

/** The audit's worker threads start worker-boot.mjs beside the bundle (electron/audit/pool.ts). */
async function buildWorker() {
  const result = await esbuild.build({
    ...common,
    entryPoints: ['electron/audit/worker.ts'],
    outfile: join(outdir, 'worker-boot.mjs'),
    format: 'esm',
    plugins: [packagesOutside],
    // Bundled ESM has no `require`: a CommonJS dependency loaded with require() inside still works.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  return result.metafile;
}

/**
 * What each bundle is run on to fill its code cache: a published packet (fixture 004) imported,
 * checked, tabled …; the usage for the rest (packet needs Chromium, audit its workers). Without
 * the fixture (a copy without tests) every bundle prints its usage and caches what that compiled.
 */
function sampleRuns(tmp) {
  const packet = join(root, 'test/fixtures/004_b7e4b340c6b3bf95.txt');
  const runs = { help: ['--help'] };
  for (const name of COMMANDS) runs[name] = ['--help'];
  if (!existsSync(packet)) return runs;
  const out = (f) => join(tmp, f);
  Object.assign(runs, {
    new: ['new', '--dept', '示例局', '--year', '2025', '-o', out('new.budget')],
    import: ['import', packet, '-o', out('import.budget')],
    tables: ['tables', packet, '--json'],
    check: ['check', packet, '--json'],
    narrative: ['narrative', packet],
    'next-year': ['next-year', packet, '-o', out('next.budget')],
    'new-final-accounts': ['new-final-accounts', packet, '-o', out('final.budget')],
    export: ['export', packet, '--xlsx', out('export.xlsx')],
  });
  for (const name of Object.keys(runs)) if (name !== 'help' && !COMMANDS.includes(name)) delete runs[name];
  return runs;
}

function runSample(name, argv) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'build/cli-sample-run.cjs'), join(outdir, `${name}.cjs`), JSON.stringify(argv)], { cwd: root, stdio: 'ignore' });
    child.on('exit', () => done(existsSync(join(outdir, `${name}.cjs.cache`))));
    child.on('error', () => done(false));
  });
}

/** Sample runs a few at a time; a bundle whose run failed just starts without a cache (the loader then writes one). */
async function fillCodeCaches() {
  const tmp = mkdtempSync(join(tmpdir(), 'budget-desk-build-'));
  try {
    const queue = Object.entries(sampleRuns(tmp));
    const missing = [];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) if (!(await runSample(...next))) missing.push(next[0]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
    if (missing.length) console.log(`budget-desk: ${missing.join(', ')} 未能生成代码缓存（首次运行时生成）`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const bundles = [...COMMANDS, 'help'];
const [worker, ...metafiles] = await Promise.all([buildWorker(), ...bundles.map(buildCommand)]);
await fillCodeCaches();
/** Each bundle's own sources (audit's include its worker's): the launcher checks only those of the command it runs. */
const sources = (...metas) => [...new Set(metas.flatMap((m) => Object.keys(m.inputs)))].filter((f) => !f.includes('node_modules') && !f.startsWith('left-out:')).sort();
const inputs = Object.fromEntries(bundles.map((b, i) => [`${b}.cjs`, b === 'audit' ? sources(metafiles[i], worker) : sources(metafiles[i])]));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.log(`${outdir}: ${COMMANDS.length} commands (${sources(worker, ...metafiles).length} sources)`);
