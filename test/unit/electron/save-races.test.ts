import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileOps, realFileOps, writeFileAtomic } from '../../../electron/files/atomic-write';
import { cleanStaleTemps } from '../../../electron/files/stale-temps';
import { HOST_TAG, tempPathIn } from '../../../electron/files/temp-names';
import { documentMessageText, loadDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

const ROUNDS = Number(process.env.SAVE_RACE_ROUNDS ?? 200);

/** The text a save writes for this document text (the handler re-serialises what it loads). */
function saved(docText: string): string {
  const r = loadDocument(docText);
  if (!r.ok) throw new Error(r.error);
  return serializeDocument(r.doc);
}

/** Real file operations that count the temp files opened for writing (one per write of a file). */
function countingOps(): { ops: FileOps; writes: string[] } {
  const writes: string[] = [];
  const ops: FileOps = {
    ...realFileOps,
    open: (async (...args: Parameters<typeof fs.open>) => {
      if (args[1] === 'wx') writes.push(String(args[0]));
      return fs.open(...args);
    }) as FileOps['open'],
  };
  return { ops, writes };
}

const names = async (dir: string) => (await fs.readdir(dir)).sort();

describe('saves of one document never interleave', () => {
  it(`${ROUNDS} rounds of two concurrent saves with different content: the file always opens and is the later save`, async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const file = join(dir, '并发.budget');
    h.paths.grant(file, 'write');
    for (let i = 0; i < ROUNDS; i++) {
      const a = sampleDocText(`甲局${i}`, `${i}.01`);
      const b = sampleDocText(`乙局${i}`, `${i}.02`);
      const [ra, rb] = await Promise.all([h['doc:save']({ path: file, docText: a }), h['doc:save']({ path: file, docText: b })]);
      expect(ra.ok && rb.ok, `round ${i}`).toBe(true);
      const opened = await h['doc:open']({ path: file });
      if (!opened.ok) throw new Error(`round ${i}: ${opened.error}`);
      // Queued in arrival order: the second save is the one on disk, whole.
      expect(JSON.parse(opened.docText), `round ${i}`).toEqual(JSON.parse(saved(b)));
      expect(await fs.readFile(file, 'utf8')).toBe(saved(b));
      // The backup is the version before the last write: the first save of this round.
      expect(await fs.readFile(`${file}.bak`, 'utf8'), `round ${i}`).toBe(saved(a));
    }
    expect(await names(dir)).toEqual(['并发.budget', '并发.budget.bak']);
  }, 120_000);

  it('a double save of the same content writes once; a different save in between is kept in order', async () => {
    const { ops, writes } = countingOps();
    const { h } = await makeHandlers({ fileOps: ops });
    const dir = await tempDir();
    const file = join(dir, '双击.budget');
    h.paths.grant(file, 'write');
    // Writes of this document's folder (settings are written elsewhere).
    const docWrites = () => writes.filter((w) => w.startsWith(dir));
    const text = sampleDocText('甲局', '1.00');
    const twice = await Promise.all([h['doc:save']({ path: file, docText: text }), h['doc:save']({ path: file, docText: text })]);
    expect(twice.map((r) => r.ok)).toEqual([true, true]);
    expect(docWrites()).toHaveLength(1);

    writes.length = 0;
    const other = sampleDocText('甲局', '2.00');
    const three = await Promise.all([
      h['doc:save']({ path: file, docText: text }),
      h['doc:save']({ path: file, docText: other }),
      h['doc:save']({ path: file, docText: other }),
    ]);
    expect(three.map((r) => r.ok)).toEqual([true, true, true]);
    // 1.00 then 2.00: the third request joined the second.
    expect(docWrites()).toHaveLength(2);
    expect(await fs.readFile(file, 'utf8')).toBe(saved(other));
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(saved(text));
  });

  it('a save asked for later lands later, even when the earlier one takes longer to check (a larger document)', async () => {
    const { h } = await makeHandlers();
    const file = join(await tempDir(), '先后.budget');
    h.paths.grant(file, 'write');
    // Both are checked in the documents thread, the earlier 20,000-item text for a while; each
    // write's place in the file's queue is taken when its request arrives.
    const large = documentMessageText(syntheticDocument(20_000));
    const small = sampleDocText('甲局', '5.00');
    const [a, b] = await Promise.all([h['doc:save']({ path: file, docText: large }), h['doc:save']({ path: file, docText: small })]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(await fs.readFile(file, 'utf8')).toBe(saved(small));
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(saved(large));
  });

  it('an autosave still being written when the document is saved never outlives the discard of its draft', async () => {
    const { h, userDataDir } = await makeHandlers();
    for (let i = 0; i < 50; i++) {
      // Not awaited: the discard arrives while the draft is being written, as after 保存.
      const autosave = h['doc:autosave']({ key: 'k', docText: sampleDocText('甲局', `${i}.00`) });
      const discard = h['recovery:discard']({ key: 'k' });
      expect((await autosave).ok).toBe(true);
      expect((await discard).ok).toBe(true);
      const list = await h['recovery:list']({});
      expect(list.ok && list.entries, `round ${i}`).toEqual([]);
    }
    expect(await names(join(userDataDir, 'recovery'))).toEqual([]);
  });

  it('temp names are unique within one process (random suffix) and sit beside the target', () => {
    const dir = '/some/folder';
    const made = new Set(Array.from({ length: 10_000 }, () => tempPathIn(dir)));
    expect(made.size).toBe(10_000);
    for (const p of [...made].slice(0, 3)) expect(p).toMatch(new RegExp(`^/some/folder/\\.budget-desk-${HOST_TAG}-${process.pid}-[0-9a-f]{16}\\.tmp$`));
  });

  it('saving through a symlink replaces the file it points to and keeps the link; a folder or device is never written over', async () => {
    const dir = await tempDir();
    const real = join(dir, 'real.budget');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, join(dir, 'link.budget'));
    await writeFileAtomic(join(dir, 'link.budget'), 'new', { backup: true });
    expect((await fs.lstat(join(dir, 'link.budget'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
    expect(await fs.readFile(`${real}.bak`, 'utf8')).toBe('old');

    await fs.mkdir(join(dir, 'folder.budget'));
    await expect(writeFileAtomic(join(dir, 'folder.budget'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
    await fs.symlink('/dev/null', join(dir, 'null.budget'));
    await expect(writeFileAtomic(join(dir, 'null.budget'), 'x')).rejects.toMatchObject({ code: 'ENOTREG' });
    expect(await names(dir)).toEqual(['folder.budget', 'link.budget', 'null.budget', 'real.budget', 'real.budget.bak']);
  });

  it('the backup falls back to copy + fsync + rename where hard links are not supported', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.budget');
    const ops: FileOps = {
      ...realFileOps,
      link: async () => {
        throw Object.assign(new Error('links not supported'), { code: 'EPERM' });
      },
    };
    await writeFileAtomic(file, 'v1', { backup: true, ops });
    await writeFileAtomic(file, 'v2', { backup: true, ops });
    await writeFileAtomic(file, 'v3', { backup: true, ops });
    expect(await fs.readFile(file, 'utf8')).toBe('v3');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('v2');
    // A copy, not a link: the backup is its own file.
    expect((await fs.stat(`${file}.bak`)).ino).not.toBe((await fs.stat(file)).ino);
    expect(await names(dir)).toEqual(['a.budget', 'a.budget.bak']);
  });
});

describe('temps a crashed save left behind', () => {
  /** A pid that surely belongs to no process: one that has just exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number;

  it('are cleaned when a document of that folder is opened: only our own pattern, never a live save', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const file = join(dir, '文档.budget');
    await fs.writeFile(file, sampleDocText());
    const old = new Date(Date.now() - 10 * 60_000);
    const make = async (name: string, aged = false) => {
      await fs.writeFile(join(dir, name), 'partial');
      if (aged) await fs.utimes(join(dir, name), old, old);
      return name;
    };
    const rand = 'a1b2c3d4e5f60718';
    const gone = [
      await make(`.budget-desk-${HOST_TAG}-${deadPid()}-${rand}.tmp`), // crashed process on this machine
      await make(`.budget-desk-${HOST_TAG}-${process.pid}-${rand}.tmp`), // ours, not being written
      await make(`.budget-desk-abcdef-${process.ppid}-${rand}.tmp`, true), // another machine, old
      await make(`.文档.budget.${process.ppid}.1700000000000.tmp`, true), // the earlier pattern, old
    ];
    const kept = [
      await make(`.budget-desk-abcdef-${deadPid()}-${rand}.tmp`), // another machine: maybe still saving
      await make(`.budget-desk-${HOST_TAG}-${process.ppid}-${rand}.tmp`), // a live process of ours (another window)
      await make(`.文档.budget.${process.ppid}.1700000000001.tmp`), // earlier pattern, fresh
      await make('.other-app.tmp', true),
      await make('notes.tmp', true),
      await make(`.budget-desk-${HOST_TAG}-1-short.tmp`, true),
    ];
    h.paths.grant(file, 'write');
    expect((await h['doc:open']({ path: file })).ok).toBe(true);
    const left = await names(dir);
    for (const n of gone) expect(left, n).not.toContain(n);
    for (const n of kept) expect(left, n).toContain(n);
  });

  it('a temp being written by this process is never taken by the sweep', async () => {
    const dir = await tempDir();
    const swept: string[][] = [];
    const ops: FileOps = {
      ...realFileOps,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        // Another document of the folder is opened while this save is writing its temp.
        if (args[1] === 'wx') swept.push(await cleanStaleTemps(dir, Date.now() + 3_600_000));
        return handle;
      }) as FileOps['open'],
    };
    await writeFileAtomic(join(dir, 'a.budget'), 'v1', { ops });
    await writeFileAtomic(join(dir, 'a.budget'), 'v2', { backup: true, ops });
    expect(swept).toEqual([[], []]);
    expect(await fs.readFile(join(dir, 'a.budget'), 'utf8')).toBe('v2');
    expect(await names(dir)).toEqual(['a.budget', 'a.budget.bak']);
  });
});
