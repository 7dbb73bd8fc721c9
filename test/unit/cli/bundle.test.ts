import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main as sourceMain } from '../../../electron/cli/main';

type Main = typeof sourceMain;

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
    execFileSync(process.execPath, ['build/build-cli.mjs', join(dir, 'cli')], { encoding: 'utf8' });
    const bundled = (await import(pathToFileURL(resolve(dir, 'cli', 'budget-desk.mjs')).href)) as { main: Main };
    // The bundled sources are listed, so the launcher can tell when one was edited after the build.
    const inputs = JSON.parse(readFileSync(join(dir, 'cli', 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('electron/cli/main.ts');

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
