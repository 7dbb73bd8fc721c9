import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asar } from './asar';
import { fakeElectronDist, fuseWire, STAND_IN_FUSE_WIRE, stageProject } from './stage';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const config = require(join(root, 'build', 'electron-builder.config.cjs')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder configuration', () => {
  it('names the product, associates .budget files and targets Windows NSIS x64 and Linux deb/AppImage x64+arm64', () => {
    expect(config.productName).toBe('部门预算公开编制台');
    expect(config.appId).toMatch(/^[a-z][\w.-]+\.[\w.-]+$/);
    expect(config.version).toBeUndefined(); // taken from package.json
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'budget', description: '部门预算文档' })]);
    expect((config.win as { target: unknown }).target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect((config.linux as { target: unknown }).target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    for (const icon of ['build/icon.ico', 'build/icons/256x256.png', 'build/icons/512x512.png']) expect(statSync(join(root, icon)).size).toBeGreaterThan(100);
    const ico = readFileSync(join(root, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // ICO type
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // several sizes, 256 included
  });

  it('sets the Electron fuses that close run-as-Node, NODE_OPTIONS, --inspect and loading outside the ASAR', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

/**
 * Packs the app with electron-builder's `--dir` target against a stand-in Electron folder
 * (the real binaries cannot be downloaded here) and checks what the package holds.
 */
describe('packed application (electron-builder --dir, linux x64, stand-in Electron)', () => {
  // Inside the checkout (git-ignored), so node_modules can be hard-linked: same file system.
  mkdirSync(join(root, 'test', 'artifacts', 'tmp'), { recursive: true });
  const work = mkdtempSync(join(root, 'test', 'artifacts', 'tmp', 'pack-'));
  const stage = join(work, 'app');
  const out = join(work, 'out');
  let asar: Asar;
  let files: string[];

  beforeAll(async () => {
    await stageProject(root, stage);
    fakeElectronDist(join(work, 'electron-dist'), require(join(root, 'node_modules/electron/package.json')).version);
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--x64',
        '--projectDir',
        stage,
        '--config',
        'build/electron-builder.config.cjs',
        `-c.electronDist=${join(work, 'electron-dist')}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: stage, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${r.stdout}\n${r.stderr}`.slice(-4000));
    asar = new Asar(join(out, 'linux-unpacked/resources/app.asar'));
    files = asar.list();
  }, 170_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has the renamed executable beside resources/app.asar', () => {
    expect(statSync(join(out, 'linux-unpacked/budget-desk')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(out, 'linux-unpacked/electron'))).toBe(false);
  });

  it('flipped the fuses in the packaged executable (the stand-in carries Electron’s fuse wire)', () => {
    expect(fuseWire(STAND_IN_FUSE_WIRE)).toBe('10110001');
    // RunAsNode 0, cookie encryption 1, NODE_OPTIONS 0, --inspect 0, ASAR integrity 1, only ASAR 1; the last two as shipped.
    expect(fuseWire(readFileSync(join(out, 'linux-unpacked/budget-desk')))).toBe('01001101');
  });

  it('contains the built main, preload and renderer, and package.json pointing at the main bundle', () => {
    expect(files).toContain('dist/electron/main.cjs');
    expect(files).toContain('dist/electron/preload.cjs');
    // The worker thread of import/export/print jobs, found beside main.cjs.
    expect(files).toContain('dist/electron/worker.cjs');
    expect(files).toContain('dist/renderer/index.html');
    expect(files.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    const packed = JSON.parse(asar.read('package.json')) as typeof pkg;
    expect(packed.main).toBe('dist/electron/main.cjs');
    expect(packed.version).toBe(pkg.version);
    expect(packed.devDependencies).toBeUndefined();
    expect((packed as unknown as { desktopName: string }).desktopName).toBe('budget-desk.desktop');
    expect(asar.read('dist/renderer/index.html')).toContain('<script');
    // Licence notices include the libraries Vite bundled into the renderer.
    const notices = JSON.parse(asar.read('dist/electron/licenses.json')) as Array<{ name: string; license: string }>;
    expect(notices.map((n) => n.name)).toEqual(Object.keys(pkg.dependencies).sort());
    expect(notices.find((n) => n.name === 'react')?.license).toBe('MIT');
    expect(notices.find((n) => n.name === 'ag-grid-community')?.license).toBe('MIT');
  });

  it('leaves out sources, tests, fixtures, source maps and development dependencies', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => !f.startsWith('node_modules/') && /\.(ts|tsx|md)$/.test(f))).toEqual([]);
    const top = new Set(files.filter((f) => !f.startsWith('node_modules/')).map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['dist', 'package.json']);
    const modules = new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.startsWith('node_modules/@') ? 3 : 2).join('/')));
    for (const dev of Object.keys(pkg.devDependencies)) expect(modules.has(dev), dev).toBe(false);
    for (const dev of ['vitest', 'vite', 'electron', 'electron-builder', 'typescript', 'playwright-core', '@biomejs/biome', 'esbuild']) expect(modules.has(dev), dev).toBe(false);
  });

  it('ships every package the main and worker bundles require (and the preload requires only electron)', () => {
    const requires = (file: string) => [...asar.read(file).matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
    const bundles = ['dist/electron/main.cjs', 'dist/electron/worker.cjs'];
    const needed = [...new Set(bundles.flatMap(requires))].filter((m) => !builtins.has(m));
    expect(needed).toContain('zod');
    expect(needed).toContain('exceljs');
    // tsx only runs the worker from source (tests, development); the package never needs it.
    expect(needed).not.toContain('tsx');
    for (const m of needed) {
      const name = m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : (m.split('/')[0] as string);
      expect(files, `node_modules/${name}`).toContain(`node_modules/${name}/package.json`);
    }
    expect(new Set(requires('dist/electron/preload.cjs'))).toEqual(new Set(['electron']));
    // Lazily imported ESM packages (pdfjs-dist) must be there too; playwright-core is only used
    // outside Electron (CLI/tests print through Debian's Chromium) and is deliberately absent.
    const imports = bundles.flatMap((b) => [...asar.read(b).matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1] as string));
    expect(imports.some((i) => i.startsWith('pdfjs-dist/'))).toBe(true);
    for (const m of imports.filter((i) => !builtins.has(i) && i !== 'playwright-core')) {
      const name = m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : (m.split('/')[0] as string);
      expect(files, `node_modules/${name} (import)`).toContain(`node_modules/${name}/package.json`);
      expect(files, m).toContain(`node_modules/${m}`);
    }
    expect(files).not.toContain('node_modules/playwright-core/package.json');
  });
});
