import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main as sourceMain } from '../../../electron/cli/main';

type Main = typeof sourceMain;
interface BundleLoader {
  bundleFor(dir: string, argv: string[]): string;
  loadBundle(file: string): { exports: { main: Main }; cacheUsed: boolean };
}
// Node's own require: the loader runs as the launcher runs it, not through vitest's transform.
const loader = createRequire(import.meta.url)('../../../electron/cli/bundle-loader.cjs') as BundleLoader;

async function run(main: Main, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  // The import reports its own duration; that is the one part allowed to differ.
  return { code, out: out.replace(/（\d+ ms）/, '（… ms）'), err };
}

describe('budget-desk as built JavaScript', () => {
  it('the bundle does what the TypeScript sources do: help, usage errors, an import of packet 004', async () => {
    // Built inside the project (dist/ is ignored by git), so the bundle finds node_modules as it does when installed.
    mkdirSync('dist', { recursive: true });
    const dir = mkdtempSync(join('dist', 'cli-test-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const cli = resolve(dir, 'cli');
    execFileSync(process.execPath, ['build/build-cli.mjs', cli], { encoding: 'utf8' });
    // Each bundle's sources are listed, so the launcher can tell when one was edited after the build.
    const inputs = JSON.parse(readFileSync(join(cli, 'inputs.json'), 'utf8')) as Record<string, string[]>;
    expect(inputs['help.cjs']).toContain('electron/cli/main.ts');
    expect(inputs['help.cjs']).not.toContain('electron/cli/commands/import.ts');
    expect(inputs['import.cjs']).toContain('electron/cli/commands/import.ts');
    expect(inputs['import.cjs']).not.toContain('electron/cli/commands/export.ts');
    expect(inputs['audit.cjs']).toContain('electron/audit/worker.ts');
    // One bundle per command, the one the launcher picks for a command line, each with its code cache.
    const bundled = { main: (async (argv, io) => loader.loadBundle(loader.bundleFor(cli, argv)).exports.main(argv, io)) as Main };
    expect(loader.bundleFor(cli, ['import', 'x.txt'])).toBe(join(cli, 'import.cjs'));
    expect(loader.bundleFor(cli, ['--help'])).toBe(join(cli, 'help.cjs'));
    expect(loader.bundleFor(cli, ['../import'])).toBe(join(cli, 'help.cjs'));
    for (const f of ['help', 'import', 'check', 'audit', 'packet']) expect(existsSync(join(cli, `${f}.cjs.cache`)), f).toBe(true);
    // A plain `node` (as the launcher runs) accepts the cache the build stored; one of another build is never used.
    const cacheUsed = (file: string) =>
      execFileSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(resolve('electron/cli/bundle-loader.cjs'))}).loadBundle(${JSON.stringify(file)}).cacheUsed))`], { encoding: 'utf8' });
    expect(cacheUsed(join(cli, 'import.cjs'))).toBe('true');
    // Same length, same source, so V8 alone would take it: the stamp (size, time) of the bundle tells.
    utimesSync(join(cli, 'import.cjs'), new Date(), new Date(Date.now() + 5000));
    expect(cacheUsed(join(cli, 'import.cjs'))).toBe('false');

    for (const argv of [['--help'], [], ['nosuch'], ['import'], ['check', join(dir, 'missing.budget')]]) {
      expect(await run(bundled.main, ...argv)).toEqual(await run(sourceMain, ...argv));
    }
    const packet = 'test/fixtures/004_b7e4b340c6b3bf95.txt';
    const a = await run(bundled.main, 'import', packet, '-o', join(dir, 'a.budget'));
    const b = await run(sourceMain, 'import', packet, '-o', join(dir, 'b.budget'));
    expect(a.code).toBe(0);
    expect(a).toEqual({ ...b, out: b.out.replace('b.budget', 'a.budget') });
    expect(readFileSync(join(dir, 'a.budget'), 'utf8')).toBe(readFileSync(join(dir, 'b.budget'), 'utf8'));
    // The audit's worker threads run the bundled worker beside the bundle.
    const audit = await run(bundled.main, 'audit', packet, '--json', '--jobs', '1');
    expect(audit.err).toContain('审核完成：1 份');
    expect(audit.code).toBe(1);
    // Each packet's report says how long it took (`"ms"`): everything else must be the same.
    const noMs = (json: string) => json.replace(/"ms":\s*\d+/g, '"ms":0');
    expect(JSON.parse(noMs(audit.out))).toEqual(JSON.parse(noMs((await run(sourceMain, 'audit', packet, '--json', '--jobs', '1')).out)));
  }, 60_000);
});
