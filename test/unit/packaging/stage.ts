import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mirror a folder with hard links (fast, no data copied), recreating symlinks as they are. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (e.isDirectory()) linkTree(src, dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

/** The fuse sentinel of @electron/fuses: the wire (version, length, one byte per fuse) follows it in the binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's fuse wire as it ships (V1, eight fuses, '1' on / '0' off): RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off, only-from-ASAR off,
 * browser V8 snapshot off, file:// extra privileges on.
 */
export const STAND_IN_FUSE_WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);

/** The eight fuse states ('0'/'1') written in an executable. */
export function fuseWire(executable: Buffer): string {
  const at = executable.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse wire in the executable');
  const start = at + FUSE_SENTINEL.length;
  return executable.subarray(start + 2, start + 2 + (executable[start + 1] ?? 0)).toString('latin1');
}

/**
 * A stand-in for Electron's unpacked Linux distribution: the files electron-builder copies and
 * renames (the `electron` executable, with Electron's fuse wire so the fuses can be flipped,
 * resources/, locales/, licence, version). No Chromium inside.
 */
export function fakeElectronDist(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in electron"\nexit 0\n# '), STAND_IN_FUSE_WIRE, Buffer.from('\n')]), { mode: 0o755 });
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'MIT');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<html></html>');
  writeFileSync(join(dir, 'locales', 'zh-CN.pak'), '');
}

/**
 * A copy of the project as a user's checkout after `npm run build`: package files, build/
 * configuration, hard-linked node_modules (dev dependencies included, as on a developer machine),
 * the freshly built dist/, and bait files the package must leave out (sources, tests, maps).
 */
export async function stageProject(root: string, stage: string): Promise<void> {
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(root, f), join(stage, f));
  cpSync(join(root, 'build'), join(stage, 'build'), { recursive: true });
  linkTree(join(root, 'node_modules'), join(stage, 'node_modules'));
  execFileSync(process.execPath, [join(root, 'build', 'build-electron.mjs'), join(stage, 'dist', 'electron')], { stdio: 'pipe' });
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'error', build: { outDir: join(stage, 'dist', 'renderer'), emptyOutDir: true } });
  // Bait: what a sloppy `files` selection would sweep in.
  const bait: Array<[string, string]> = [
    ['dist/electron/main.cjs.map', '{}'],
    ['dist/renderer/assets/bait.js.map', '{}'],
    ['electron/main.ts', 'export {};'],
    ['shared/model/index.ts', 'export {};'],
    ['renderer/main.tsx', 'export {};'],
    ['test/fixtures/003.budget.json', '{}'],
    ['test/unit/helpers.ts', 'export {};'],
    ['README.md', '# readme'],
    ['tsconfig.json', '{}'],
  ];
  for (const [p, text] of bait) {
    mkdirSync(join(stage, p, '..'), { recursive: true });
    writeFileSync(join(stage, p), text);
  }
}
