import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../electron/files/regular-file';
import { ChosenPaths } from '../../../electron/security/chosen-paths';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const packet003 = join(fixtures, '003_d8581a66e967af08.txt');

/** A page that names files itself (a compromised renderer) gets nothing the user did not choose. */
describe('main reads and writes only the files the user chose', () => {
  it('refuses reads of a path the user did not choose, before touching it or asking anything', async () => {
    const { h, asked } = await makeHandlers();
    const dir = await tempDir();
    const doc = join(dir, '别人的.budget');
    await fs.writeFile(doc, sampleDocText());
    const csv = join(dir, 'codes.csv');
    await fs.writeFile(csv, '科目编码,科目名称\n201,一般公共服务支出\n');
    const open = await h['doc:open']({ path: doc });
    expect(open).toEqual({ ok: false, error: '无法打开“别人的.budget”：只能打开您在本次运行中选择或打开的文件（请用“打开”或“另存为”选择文件）' });
    expect(await h['import:file']({ path: packet003 })).toMatchObject({ ok: false, error: expect.stringMatching(/^无法导入“003_d8581a66e967af08.txt”：只能导入您在本次运行中选择/) });
    expect(await h['import:codeList']({ path: csv })).toMatchObject({ ok: false, error: expect.stringMatching(/^无法导入“codes.csv”：只能导入您/) });
    for (const path of ['/etc/passwd', '/etc/shadow', 'relative.budget', join(dir, '..', dir.split('/').pop() as string, '别人的.budget')]) {
      const r = await h['doc:open']({ path });
      expect(r.ok, path).toBe(false);
    }
    expect(asked.open).toEqual([]);
    // Nothing was remembered from refused requests.
    const s = await h['settings:get']({});
    expect(s.ok && s.settings.recentFiles).toEqual([]);
  });

  it('refuses writes to a path the user did not choose, leaving the folder untouched', async () => {
    const { h, asked } = await makeHandlers();
    const dir = await tempDir();
    const victim = join(dir, '重要.budget');
    await fs.writeFile(victim, 'the user’s own file');
    const save = await h['doc:save']({ path: victim, docText: sampleDocText() });
    expect(save).toEqual({ ok: false, error: '无法保存到“重要.budget”：只能保存到您在本次运行中选择或打开的文件（请用“打开”或“另存为”选择文件）' });
    expect((await h['export:xlsx']({ path: join(dir, 'x.xlsx'), docText: sampleDocText() })).ok).toBe(false);
    expect((await h['packet:pdf']({ path: join(dir, 'x.pdf'), html: '<p>x</p>' })).ok).toBe(false);
    expect(await fs.readFile(victim, 'utf8')).toBe('the user’s own file');
    expect((await fs.readdir(dir)).sort()).toEqual(['重要.budget']);
    expect(asked.save).toEqual([]);
  });

  it('a file chosen in a dialog may be written again; a file chosen to import is only read', async () => {
    const { h, answers } = await makeHandlers();
    const dir = await tempDir();
    answers.save = join(dir, '新文档');
    const first = await h['doc:save']({ docText: sampleDocText('甲局', '1.00') });
    expect(first).toEqual({ ok: true, path: join(dir, '新文档.budget') });
    // Later 保存 of the same document goes straight to the chosen file.
    expect((await h['doc:save']({ path: join(dir, '新文档.budget'), docText: sampleDocText('甲局', '2.00') })).ok).toBe(true);
    expect(await fs.readFile(join(dir, '新文档.budget'), 'utf8')).toContain('"2.00"');

    answers.open = packet003;
    expect((await h['import:file']({})).ok).toBe(true);
    // Imported again by path: allowed (read) …
    expect((await h['import:file']({ path: packet003 })).ok).toBe(true);
    // … but never written: saving over the packet is refused.
    const over = await h['doc:save']({ path: packet003, docText: sampleDocText() });
    expect(!over.ok && over.error).toMatch(/^无法保存到“003_d8581a66e967af08.txt”：只能保存到/);
  });

  it('an autosave keeps only a chosen path with its draft, so a restore cannot smuggle one in', async () => {
    const { h, deps } = await makeHandlers();
    const chosen = join(await tempDir(), '已选.budget');
    h.paths.grant(chosen, 'write');
    expect((await h['doc:autosave']({ key: 'a', path: chosen, docText: sampleDocText() })).ok).toBe(true);
    expect((await h['doc:autosave']({ key: 'b', path: '/etc/cron.d/x', docText: sampleDocText() })).ok).toBe(true);
    const { createHandlers } = await import('../../../electron/ipc/handlers');
    const next = createHandlers({ ...deps, chosenPaths: new ChosenPaths() });
    const a = await next['recovery:restore']({ key: 'a' });
    const b = await next['recovery:restore']({ key: 'b' });
    expect(a.ok && a.path).toBe(chosen);
    expect(b.ok && b.path).toBeUndefined();
    expect(next.paths.mayWrite(chosen)).toBe(true);
    expect(next.paths.mayWrite('/etc/cron.d/x')).toBe(false);
  });

  it('keeps grants exact: absolute paths only, read does not imply write', () => {
    const p = new ChosenPaths();
    p.grant('relative/a.budget', 'write');
    expect(p.mayRead('relative/a.budget')).toBe(false);
    p.grant('/data/a.txt', 'read');
    expect([p.mayRead('/data/a.txt'), p.mayWrite('/data/a.txt')]).toEqual([true, false]);
    p.grant('/data/a.txt', 'write');
    p.grant('/data/a.txt', 'read'); // a later read grant does not take write away
    expect(p.mayWrite('/data/a.txt')).toBe(true);
    expect(p.mayRead('/data/./x/../a.txt')).toBe(true);
    expect(p.mayRead('/data/b.txt')).toBe(false);
  });
});

describe('only regular files are read, bounded on the opened handle', () => {
  /** Refused within this time: nothing is read and nothing waits for a writer. */
  const QUICK_MS = 2_000;

  it('a symlink to /dev/zero, a FIFO and a folder are refused quickly for open and import', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    // Each kind under the name of a document, a packet and a code list: every reading channel.
    const open = { '.budget': 'doc:open', '.txt': 'import:file', '.csv': 'import:codeList' } as const;
    for (const [ext, channel] of Object.entries(open)) {
      const zero = join(dir, `zero${ext}`);
      const fifo = join(dir, `pipe${ext}`);
      const folder = join(dir, `folder${ext}`);
      await fs.symlink('/dev/zero', zero);
      execFileSync('mkfifo', [fifo]);
      await fs.mkdir(folder);
      for (const path of [zero, fifo, folder]) {
        h.paths.grant(path, 'write');
        const t0 = Date.now();
        const r = await h[channel]({ path });
        expect(Date.now() - t0, path).toBeLessThan(QUICK_MS);
        expect(r.ok, path).toBe(false);
        expect(!r.ok && r.error, path).toMatch(path === folder ? /这是一个文件夹，不是文件/ : /这不是普通文件（是设备、管道或其他特殊文件）/);
      }
    }
  });

  it('FIFOs never block the thread pool: a save right after four FIFO opens finishes at once', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const fifos = Array.from({ length: 4 }, (_, i) => join(dir, `p${i}.budget`));
    for (const f of fifos) {
      execFileSync('mkfifo', [f]);
      h.paths.grant(f, 'write');
    }
    const file = join(dir, 'ok.budget');
    h.paths.grant(file, 'write');
    const t0 = Date.now();
    const opens = await Promise.all(fifos.map((path) => h['doc:open']({ path })));
    expect(opens.every((r) => !r.ok)).toBe(true);
    expect((await h['doc:save']({ path: file, docText: sampleDocText() })).ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(QUICK_MS);
  });

  it('a file over the size bound is refused from fstat, without reading it', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const huge = join(dir, 'huge.budget');
    // Sparse: the size is past the bound but nothing is stored, so a read would be slow to no end.
    await fs.writeFile(huge, '');
    await fs.truncate(huge, INPUT_BOUNDS.maxFileBytes + 1);
    h.paths.grant(huge, 'write');
    const t0 = Date.now();
    const r = await h['doc:open']({ path: huge });
    expect(Date.now() - t0).toBeLessThan(QUICK_MS);
    expect(!r.ok && r.error).toBe('打开“huge.budget”失败：文件过大（61 MB，上限 60 MB）');
    await expect(readRegularFile(huge, 10)).rejects.toMatchObject({ code: 'EFBIG' });
    const small = join(dir, 'small.txt');
    await fs.writeFile(small, 'abc');
    expect((await readRegularFile(small, 3)).toString()).toBe('abc');
    // Several megabytes (read into one buffer of the size fstat gave): every byte, none more.
    const big = join(dir, 'big.bin');
    const bytes = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 7 }, (_, i) => (i * 7919) % 251));
    await fs.writeFile(big, bytes);
    expect((await readRegularFile(big)).equals(bytes)).toBe(true);
    await expect(readRegularFile(big, bytes.length - 1)).rejects.toMatchObject({ code: 'EFBIG' });
    expect((await readRegularFile(big, bytes.length)).length).toBe(bytes.length);
  });

  it('messages never quote what the file holds', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const secrets = {
      'a.budget': 'SECRET-PAYROLL-9876{',
      'b.budget': '{"format":"budget-desk-document","version":1,"department":"SECRET-PAYROLL-9876',
      'c.budget': '["SECRET-PAYROLL-9876"]',
    };
    for (const [name, text] of Object.entries(secrets)) {
      await fs.writeFile(join(dir, name), text);
      h.paths.grant(join(dir, name), 'write');
      const r = await h['doc:open']({ path: join(dir, name) });
      expect(r.ok, name).toBe(false);
      expect(!r.ok && r.error, name).not.toContain('SECRET');
      expect(!r.ok && r.error, name).not.toContain('9876');
    }
    // Where it broke, instead: the end of the 78-character text (an unterminated string).
    const b = await h['doc:open']({ path: join(dir, 'b.budget') });
    expect(!b.ok && b.error).toBe('无法打开“b.budget”：文件不是有效的预算文档（JSON 格式错误，可能已损坏或不完整：第 1 行第 79 列）');
  });
});
