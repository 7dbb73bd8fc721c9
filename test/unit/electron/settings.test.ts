import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/ipc/handlers';
import { sanitizeSettings } from '../../../electron/settings/store';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

describe('settings in the user-data folder', () => {
  it('start from defaults, persist the default unit and last folder across restarts', async () => {
    const { h, deps, userDataDir } = await makeHandlers();
    expect(await h['settings:get']({})).toEqual({ ok: true, settings: { recentFiles: [], defaultUnit: '万元' } });
    const s = await h['settings:set']({ defaultUnit: '元', lastFolder: '/home/kj/预算' });
    expect(s.ok && s.settings).toEqual({ recentFiles: [], defaultUnit: '元', lastFolder: '/home/kj/预算' });
    const again = createHandlers(deps);
    expect(await again['settings:get']({})).toEqual({ ok: true, settings: { recentFiles: [], defaultUnit: '元', lastFolder: '/home/kj/预算' } });
    expect(JSON.parse(await fs.readFile(join(userDataDir, 'settings.json'), 'utf8')).defaultUnit).toBe('元');
  });

  it('tolerate a damaged settings file: defaults, the damaged copy kept aside, and the next change rewrites it', async () => {
    const { h, userDataDir } = await makeHandlers();
    await fs.writeFile(join(userDataDir, 'settings.json'), '{"recentFiles":["/a.budget"],"defaultUnit":"万');
    expect(await h['settings:get']({})).toEqual({ ok: true, settings: { recentFiles: [], defaultUnit: '万元' } });
    expect(await fs.readFile(join(userDataDir, 'settings.json.damaged'), 'utf8')).toContain('"recentFiles"');
    expect((await h['settings:set']({ defaultUnit: '元' })).ok).toBe(true);
    expect(JSON.parse(await fs.readFile(join(userDataDir, 'settings.json'), 'utf8'))).toEqual({ recentFiles: [], defaultUnit: '元' });
  });

  it('keep the sound fields of a hand-edited file and drop the rest', () => {
    expect(
      sanitizeSettings({
        recentFiles: ['/a.budget', 7, '', '/a.budget', '/b.budget'],
        defaultUnit: '千元',
        lastFolder: 42,
        windowBounds: { width: 1200, height: 'tall' },
      }),
    ).toEqual({ recentFiles: ['/a.budget', '/b.budget'], defaultUnit: '万元' });
    expect(sanitizeSettings({ windowBounds: { width: 1280.4, height: 800, x: 10, y: 20 } }).windowBounds).toEqual({ width: 1280, height: 800, x: 10, y: 20 });
    expect(sanitizeSettings({ windowBounds: { width: 50, height: 800 } }).windowBounds).toBeUndefined();
    expect(sanitizeSettings([1, 2])).toEqual({ recentFiles: [], defaultUnit: '万元' });
    expect(sanitizeSettings(null)).toEqual({ recentFiles: [], defaultUnit: '万元' });
  });

  it('recent files: newest first, no duplicates, at most 10', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const files = Array.from({ length: 12 }, (_, i) => join(dir, `f${i}.budget`));
    for (const f of files) {
      h.paths.grant(f, 'write');
      await h['doc:save']({ path: f, docText: sampleDocText() });
    }
    await h['doc:open']({ path: files[3] as string });
    const s = await h['settings:get']({});
    expect(s.ok && s.settings.recentFiles).toEqual([files[3], files[11], files[10], files[9], files[8], files[7], files[6], files[5], files[4], files[2]]);
  });

  it('a settings folder that cannot be written does not fail opening a document', async () => {
    const userDataDir = join(await tempDir(), 'file-not-folder');
    await fs.writeFile(userDataDir, 'x'); // user-data path is a file: every settings write fails
    const { h } = await makeHandlers({ userDataDir });
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'a.budget'), sampleDocText());
    h.paths.grant(join(dir, 'a.budget'), 'write');
    expect((await h['doc:open']({ path: join(dir, 'a.budget') })).ok).toBe(true);
    const s = await h['settings:set']({ defaultUnit: '元' });
    expect(!s.ok && s.error).toMatch(/^保存设置“settings.json”失败：/);
  });
});

describe('code lists kept per machine', () => {
  it('keeps sound lists and drops damaged ones', () => {
    const s = sanitizeSettings({
      codeLists: { function: [{ code: '2010350', name: '事业运行' }], economic: [{ code: 'x', name: 1 }] },
    });
    expect(s.codeLists).toEqual({ function: [{ code: '2010350', name: '事业运行' }] });
    expect(sanitizeSettings({ codeLists: 'nonsense' }).codeLists).toBeUndefined();
  });
});
