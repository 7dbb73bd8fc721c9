// Bundles the `budget-desk` command (electron/cli) into dist/cli/budget-desk.mjs, so it starts as
// plain JavaScript instead of compiling TypeScript through tsx at every run. Runs at `npm run build`
// and at install (`prepare`); offline and in about a second. Dependencies stay in node_modules.
// The list of bundled sources is written beside it: electron/cli/budget-desk.mjs runs the sources
// through tsx instead whenever one of them is newer than the bundle (a developer editing them).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Optional argument: another output folder (the test builds into a temporary one).
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // An install without dev dependencies has no esbuild: the command then runs through tsx.
  console.log('budget-desk: esbuild 不可用，命令行将直接运行 TypeScript 源码（tsx）');
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  // The audit's worker threads start worker-boot.mjs beside the module that starts them
  // (electron/audit/pool.ts): in the bundle that is this built worker.
  entryPoints: { 'budget-desk': 'electron/cli/main.ts', 'worker-boot': 'electron/audit/worker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  // Modules imported with import() (exceljs readers and writers, PDF) become chunks loaded on demand.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
  // Bundled ESM has no `require`: a CommonJS dependency loaded with require() inside still works.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.log(`${join(outdir, 'budget-desk.mjs')} (${inputs.length} sources)`);
