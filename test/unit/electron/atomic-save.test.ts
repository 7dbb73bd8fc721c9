import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileOps, realFileOps } from '../../../electron/files/atomic-write';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

type Stage = 'write' | 'fsync' | 'rename' | 'backup';

/** Real file operations that fail at one stage of the atomic save, as a full disk or a crash would. */
function failingOps(stage: Stage, armed: { on: boolean }): FileOps {
  const boom = (what: string) => Object.assign(new Error(`injected ${what} failure`), { code: stage === 'write' ? 'ENOSPC' : 'EIO' });
  return {
    ...realFileOps,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const h = await fs.open(...args);
      if (!armed.on) return h;
      return new Proxy(h, {
        get(target, prop, receiver) {
          if (prop === 'writeFile' && stage === 'write')
            return async (data: string) => {
              // A partial write reaches the temporary file before the disk fills up.
              await target.writeFile(data.slice(0, 10));
              throw boom('write');
            };
          if (prop === 'sync' && stage === 'fsync') return async () => Promise.reject(boom('fsync'));
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      }) as FileHandle;
    }) as FileOps['open'],
    rename: async (a, b) => {
      // The rename over the document fails (the backup's own rename went through).
      if (armed.on && stage === 'rename' && !String(b).endsWith('.bak')) throw boom('rename');
      return realFileOps.rename(a, b);
    },
    // The backup is a hard link, or a copy where links are not supported: both fail here.
    link: async (a, b) => {
      if (armed.on && stage === 'backup') throw boom('backup link');
      return realFileOps.link(a, b);
    },
    copyFile: async (a, b, m) => {
      if (armed.on && stage === 'backup') throw boom('backup');
      return realFileOps.copyFile(a, b, m);
    },
  };
}

describe('atomic save under injected failures', () => {
  for (const stage of ['write', 'fsync', 'backup', 'rename'] as const) {
    it(`failing at ${stage}: the saved file is intact, the backup kept, no temporary file left, the error is in Chinese`, async () => {
      const armed = { on: false };
      const { h } = await makeHandlers({ fileOps: failingOps(stage, armed) });
      const dir = await tempDir();
      const file = join(dir, '预算.budget');
      h.paths.grant(file, 'write');
      expect((await h['doc:save']({ path: file, docText: sampleDocText('甲局', '1.00') })).ok).toBe(true);
      expect((await h['doc:save']({ path: file, docText: sampleDocText('甲局', '2.00') })).ok).toBe(true);
      const before = await fs.readFile(file, 'utf8');
      const backupBefore = await fs.readFile(`${file}.bak`, 'utf8');
      expect(backupBefore).toContain('"1.00"');

      armed.on = true;
      const r = await h['doc:save']({ path: file, docText: sampleDocText('甲局', '3.00') });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/^保存“预算.budget”失败：.+。原文件未被改动。$/);
      if (stage === 'write') expect(!r.ok && r.error).toContain('磁盘空间不足');

      expect(await fs.readFile(file, 'utf8')).toBe(before);
      const backup = await fs.readFile(`${file}.bak`, 'utf8');
      // The backup is the previous version: from the earlier save, or just refreshed before the failed rename.
      expect(backup).toContain(stage === 'rename' ? '"2.00"' : '"1.00"');
      expect((await fs.readdir(dir)).sort()).toEqual(['预算.budget', '预算.budget.bak']);

      armed.on = false;
      expect((await h['doc:save']({ path: file, docText: sampleDocText('甲局', '3.00') })).ok).toBe(true);
      expect(await fs.readFile(file, 'utf8')).toContain('"3.00"');
    });
  }

  it('names a read-only target in Chinese', async () => {
    const { h } = await makeHandlers();
    h.paths.grant('/proc/version.budget', 'write');
    const r = await h['doc:save']({ path: '/proc/version.budget', docText: sampleDocText() });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^保存“version.budget”失败：/);
  });
});
