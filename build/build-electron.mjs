// Bundles the main process, its job worker and the preload into dist/electron (CommonJS: the sandboxed preload
// must be a single CommonJS file; main requires its production dependencies from node_modules).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Optional argument: another output folder (the packaging test builds into a staging copy).
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'electron');
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron'],
  absWorkingDir: root,
};

// `import.meta.url` in a CommonJS bundle: the bundle's own file (electron/worker/locate.ts finds
// worker.cjs beside main.cjs with it).
const metaUrl = {
  banner: { js: 'const __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundle_url' },
};

await Promise.all([
  // Production dependencies stay in node_modules (packaged by electron-builder), so ESM-only ones
  // such as pdfjs-dist keep loading through import().
  build({ ...common, ...metaUrl, entryPoints: ['electron/main.ts'], outfile: join(outdir, 'main.cjs'), packages: 'external' }),
  // The worker thread of import/export/print jobs (electron/worker/runner.ts starts it).
  build({ ...common, ...metaUrl, entryPoints: ['electron/worker/entry.ts'], outfile: join(outdir, 'worker.cjs'), packages: 'external' }),
  // The preload runs sandboxed: only `electron` may be required, so everything else is inlined.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: join(outdir, 'preload.cjs'), platform: 'browser', target: 'chrome140' }),
]);

// Licence notices for 帮助 → 关于, taken now while every production dependency is installed
// (React and AG Grid are bundled into the renderer and are not in the package's node_modules).
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));
const pkg = readJson(join(root, 'package.json'));
const notices = Object.keys(pkg.dependencies ?? {})
  .sort()
  .map((name) => {
    const dep = readJson(join(root, 'node_modules', name, 'package.json'));
    const license = typeof dep.license === 'string' ? dep.license : (dep.license?.type ?? '未注明');
    return { name, version: dep.version ?? '', license };
  });
writeFileSync(join(outdir, 'licenses.json'), `${JSON.stringify(notices, null, 1)}\n`);
console.log(`${join(outdir, 'main.cjs')}, ${join(outdir, 'worker.cjs')}, ${join(outdir, 'preload.cjs')}, ${join(outdir, 'licenses.json')}`);
