import { type ChildProcess, fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { makeHandlers, tempDir } from './helpers';

/**
 * Kill a saving process at random moments (SIGKILL: no cleanup runs) and check what a crash
 * leaves: the document and its .bak always open and are whole saved versions, and the temp files
 * the killed save left are gone after the next open. 30 rounds in `npm test`; SAVE_FULL=1 runs 200.
 */
const ROUNDS = process.env.SAVE_FULL === '1' ? 200 : Number(process.env.SAVE_KILL_ROUNDS ?? 30);

let child: string;
let base: string;
let basePath: string;

beforeAll(async () => {
  const dir = await tempDir('desk-kill-');
  child = join(dir, 'save-child.cjs');
  await build({ entryPoints: [join(import.meta.dirname, 'support', 'save-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: child, logLevel: 'warning' });
  // A 10,000-line document; the department carries the version number.
  base = serializeDocument({ ...syntheticDocument(1100), department: '版本__V__局' });
  basePath = join(dir, 'base.txt');
  await fs.writeFile(basePath, base);
}, 60_000);

const versionText = (v: number) => base.replace('__V__', String(v));

/** The version a file holds, checked to be exactly that saved version's text. */
async function versionOf(path: string): Promise<number> {
  const text = await fs.readFile(path, 'utf8');
  const r = loadDocument(text);
  if (!r.ok) throw new Error(`${path} does not open: ${r.error}`);
  const v = Number(/^版本(\d+)局$/.exec(r.doc.department)?.[1]);
  expect(text, `${path} is a whole saved version`).toBe(versionText(v));
  return v;
}

function start(target: string, first: number): Promise<ChildProcess> {
  // execArgv []: plain node on the bundled script, without the test runner's loaders (fast start).
  const p = fork(child, [target, basePath, String(first)], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return new Promise((resolve, reject) => {
    p.once('message', () => resolve(p));
    p.once('exit', (code) => reject(new Error(`save child exited early (${code})`)));
  });
}

describe('a save killed at any moment', () => {
  it(`${ROUNDS} SIGKILLs during saves of a 10,000-line document: file and .bak open, no temp left after the next open`, async () => {
    expect(base.split('\n').length).toBeGreaterThanOrEqual(10_000);
    const { h } = await makeHandlers();
    const dir = await tempDir('desk-killed-');
    const target = join(dir, '部门预算.budget');
    await fs.writeFile(target, versionText(0));
    h.paths.grant(target, 'write');
    let midSave = 0;
    let highest = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const first = (round + 1) * 100_000;
      const p = await start(target, first);
      // Let it save a few times (each save takes a few ms), then kill it wherever it is.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 60));
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGKILL');
      await exited;

      const left = await fs.readdir(dir);
      if (left.some((n) => n.endsWith('.tmp'))) midSave++;
      const v = await versionOf(target);
      // Either the file from before this child (no save completed yet) or one this child wrote.
      expect(v === highest || (v >= first && v < first + 100_000), `round ${round}: version ${v}`).toBe(true);
      if (left.includes('部门预算.budget.bak')) {
        // The version before the file's, or the same one when the kill came between the backup and the rename.
        expect(await versionOf(`${target}.bak`), `round ${round}: the backup is not newer than the file`).toBeLessThanOrEqual(v);
      }
      highest = v;

      // The next open cleans what the killed save left.
      const opened = await h['doc:open']({ path: target });
      expect(opened.ok, `round ${round}`).toBe(true);
      expect((await fs.readdir(dir)).sort(), `round ${round}`).toEqual(['部门预算.budget', '部门预算.budget.bak'].slice(0, left.includes('部门预算.budget.bak') ? 2 : 1));
    }
    console.log(`[save-kill] ${ROUNDS} SIGKILLs, ${midSave} landed while a temp file was on disk; file and .bak opened every time`);
    // The kills must have hit saves in progress, or the test proves nothing (about a quarter do).
    expect(midSave).toBeGreaterThan(0);
  }, 600_000);
});
