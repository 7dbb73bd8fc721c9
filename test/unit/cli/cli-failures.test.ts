import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { COMMANDS } from '../../../electron/cli/registry';
import { serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { smallDocument } from '../engine/helpers';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A failure the user caused: exit 2 and exactly one Chinese line on stderr, no stack trace. */
function expectOneLine(r: { code: number; err: string }, reason: RegExp) {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^错误：[^\n]*\p{Script=Han}[^\n]*\n$/u);
  expect(r.err).not.toContain('内部错误');
  expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
  expect(r.err).toMatch(reason);
}

const root = join(import.meta.dirname, '..', '..', '..');
const packet003 = join(root, 'test', 'fixtures', '003_d8581a66e967af08.txt');
const dir = mkdtempSync(join(tmpdir(), 'budget-desk-cli-fail-'));
const doc = join(dir, 'doc.budget');
writeFileSync(doc, serializeDocument(smallDocument()));
const folder = join(dir, '文件夹');
mkdirSync(folder);
/** Somewhere even root cannot create a file (sysfs), or a read-only folder for other users. */
function unwritableFolder(): string {
  if (process.getuid?.() === 0) return '/sys';
  const ro = join(dir, 'ro');
  mkdirSync(ro, { recursive: true });
  chmodSync(ro, 0o555);
  return ro;
}

describe('CLI: what the user can fix is one Chinese line and exit 2', () => {
  it('a missing, unreadable or special input', async () => {
    expectOneLine(await run('tables', join(dir, '没有.budget')), /^错误：找不到文件：.*没有\.budget/);
    expectOneLine(await run('check', folder), /读取“文件夹”失败：这是一个文件夹，不是文件/);
    const fifo = join(dir, 'pipe.budget');
    execFileSync('mkfifo', [fifo, join(dir, 'pipe.txt')]);
    const zero = join(dir, 'zero.xlsx');
    symlinkSync('/dev/zero', zero);
    const t0 = Date.now();
    expectOneLine(await run('tables', fifo), /读取“pipe.budget”失败：这不是普通文件/);
    expectOneLine(await run('tables', zero), /读取“zero.xlsx”失败：这不是普通文件/);
    expectOneLine(await run('import', join(dir, 'pipe.txt'), '-o', join(dir, 'x.budget')), /读取“pipe.txt”失败：这不是普通文件/);
    expectOneLine(await run('import', join(dir, '没有.pdf'), '-o', join(dir, 'x.budget')), /^错误：找不到文件：.*没有\.pdf/);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const damaged = join(dir, 'damaged.budget');
    writeFileSync(damaged, '{"format": "budget-desk-document", "department": "机密内容');
    const d = await run('check', damaged);
    expectOneLine(d, /JSON 格式错误/);
    expect(d.err).not.toContain('机密内容');
  });

  it('an output folder that does not exist, an output that is a folder, or a path that cannot be written', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['new', '--dept', '甲局', '--year', '2025', '-o', join(dir, '没有的文件夹', 'a.budget')], /^错误：无法写入“a.budget”：文件夹不存在（.*没有的文件夹）/],
      [['new', '--dept', '甲局', '--year', '2025', '-o', folder], /^错误：无法写入“文件夹”：这是一个文件夹，请给出输出文件名/],
      [['new', '--dept', '甲局', '--year', '2025', '-o', join(doc, 'a.budget')], /^错误：无法写入“a.budget”：“.*doc.budget”不是文件夹/],
      [['new', '--dept', '甲局', '--year', '2025', '-o', join(unwritableFolder(), 'a.budget')], /^错误：(无法写入“a.budget”：没有权限写入文件夹|写入“a.budget”失败：没有权限)/],
      [['export', doc, '--xlsx', join(dir, '没有的文件夹', 'a.xlsx')], /^错误：无法写入“a.xlsx”：文件夹不存在/],
      [['export', doc, '--xlsx', join(dir, '文件夹.xlsx')], /^错误：无法写入“文件夹.xlsx”：这是一个文件夹/],
      [['import', packet003, '-o', join(dir, '没有的文件夹', 'a.budget')], /^错误：无法写入“a.budget”：文件夹不存在/],
      [['import', packet003, '-o', folder], /^错误：无法写入“文件夹”：这是一个文件夹/],
      [['next-year', doc, '-o', join(unwritableFolder(), 'b.budget')], /没有权限/],
      [['packet', doc, '--html', join(dir, '没有的文件夹', 'a.html')], /^错误：无法写入“a.html”：文件夹不存在/],
      [['packet', doc, '--pdf', '/dev/null'], /^错误：无法写入“null”：这不是普通文件/],
    ];
    mkdirSync(join(dir, '文件夹.xlsx'));
    for (const [argv, reason] of cases) expectOneLine(await run(...argv), reason);
    // Nothing was written anywhere.
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(dir, '没有的文件夹'))).toBe(false);
  });

  it('packet without Chromium says what to install', async () => {
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = join(dir, 'no-chromium');
    try {
      const r = await run('packet', doc, '--pdf', join(dir, 'a.pdf'));
      expectOneLine(r, /^错误：找不到 Chromium（.*no-chromium），无法打印 PDF。请安装 chromium 或设置环境变量 CHROME_PATH\n$/);
      expect(existsSync(join(dir, 'a.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });

  it('the installed command exits 2 with the one line (output folder missing)', () => {
    const r = spawnSync(process.execPath, [join(root, 'electron/cli/budget-desk.cjs'), 'new', '--dept', '甲局', '--year', '2025', '-o', join(dir, '无', 'a.budget')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`错误：无法写入“a.budget”：文件夹不存在（${join(dir, '无')}）\n`);
    expect(r.stdout).toBe('');
  });
});

describe('CLI: a bug of ours is 内部错误 with the stack', () => {
  afterEach(() => {
    delete COMMANDS.boom;
  });

  it('an unexpected exception is reported as an internal error with its stack, exit 2', async () => {
    COMMANDS.boom = {
      usage: 'boom',
      load: async () => ({
        async run() {
          const o = undefined as unknown as { x: number };
          return o.x;
        },
      }),
    };
    const r = await run('boom');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^内部错误：TypeError: Cannot read properties of undefined/);
    expect(r.err).toMatch(/\n\s+at /);
  });
});

describe('CLI: a reader that stops early', () => {
  it('`tables BIG --json | head -c 10`: the closed pipe ends the command quietly, no EPIPE stack', () => {
    // Output well past a pipe's buffer, so the command is still writing when head has gone.
    const big = join(dir, 'big.budget');
    writeFileSync(big, serializeDocument(syntheticDocument(3000)));
    const cli = join(root, 'electron/cli/budget-desk.cjs');
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${cli}" tables "${big}" --json | head -c 10`], { encoding: 'utf8' });
    expect(r.stdout).toBe('[\n {\n  "ta');
    expect(r.stderr).toBe('');
  });
});
