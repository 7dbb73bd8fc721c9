import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/ipc/handlers';
import { loadDocument } from '../../../shared/model';
import { makeHandlers, sampleDocText } from './helpers';

describe('autosave and recovery after a crash', () => {
  it('offers the draft of an unsaved document at the next start, restores it exactly, and forgets it when discarded', async () => {
    const { h, deps, userDataDir } = await makeHandlers();
    const draft = sampleDocText('乙局', '12.34');
    h.paths.grant('/home/kj/乙局.budget', 'write'); // the document had been opened or saved there
    const a = await h['doc:autosave']({ key: 'session-1', path: '/home/kj/乙局.budget', docText: draft });
    expect(a).toEqual({ ok: true, savedAt: '2026-01-02T03:04:05.000Z' });
    expect((await h['doc:autosave']({ key: 'untitled-2', docText: sampleDocText('丙局', '5.00') })).ok).toBe(true);

    // The process dies here; a new one starts with the same user-data folder.
    const next = createHandlers({ ...deps, now: () => new Date('2026-01-02T04:00:00.000Z') });
    const list = await next['recovery:list']({});
    if (!list.ok) throw new Error(list.error);
    expect(list.entries.map((e) => [e.key, e.department, e.year, e.path])).toEqual(
      expect.arrayContaining([
        ['session-1', '乙局', 2024, '/home/kj/乙局.budget'],
        ['untitled-2', '丙局', 2024, undefined],
      ]),
    );
    const restored = await next['recovery:restore']({ key: 'session-1' });
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.path).toBe('/home/kj/乙局.budget');
    // The restored document may be saved where it was, in the new session too.
    expect(next.paths.mayWrite('/home/kj/乙局.budget')).toBe(true);
    const doc = loadDocument(restored.docText);
    expect(doc.ok && doc.doc.functionRows[0]?.values['2.3']).toBe('12.34');

    expect((await next['recovery:discard']({ key: 'session-1' })).ok).toBe(true);
    const after = await next['recovery:list']({});
    expect(after.ok && after.entries.map((e) => e.key)).toEqual(['untitled-2']);
    expect((await fs.readdir(join(userDataDir, 'recovery'))).length).toBe(1);
    const gone = await next['recovery:restore']({ key: 'session-1' });
    expect(!gone.ok && gone.error).toBe('找不到这份恢复副本（可能已被删除或损坏）');
  });

  it('keeps the newer draft on each autosave, and never lists damaged or foreign files', async () => {
    const { h, userDataDir } = await makeHandlers();
    await h['doc:autosave']({ key: 'k', docText: sampleDocText('丁局', '1.00') });
    await h['doc:autosave']({ key: 'k', docText: sampleDocText('丁局', '2.00') });
    const dir = join(userDataDir, 'recovery');
    const [only] = await fs.readdir(dir);
    // A crash in the middle of writing an older format / a stray file.
    await fs.writeFile(join(dir, `${'a'.repeat(32)}.json`), '{"format":"budget-desk-recovery","key":"x","docText":"{');
    await fs.writeFile(join(dir, 'notes.txt'), 'hello');
    const list = await h['recovery:list']({});
    expect(list.ok && list.entries.map((e) => e.key)).toEqual(['k']);
    const r = await h['recovery:restore']({ key: 'k' });
    expect(r.ok && loadDocument(r.docText).ok && r.docText).toContain('"2.00"');
    expect(only).toMatch(/^[0-9a-f]{32}\.json$/);
  });

  it('refuses to autosave text that is not a document, and a key cannot escape the recovery folder', async () => {
    const { h, userDataDir } = await makeHandlers();
    const bad = await h['doc:autosave']({ key: 'k', docText: 'not json' });
    expect(!bad.ok && bad.error).toMatch(/^无法自动保存：文档内容无效/);
    expect((await h['doc:autosave']({ key: '../../etc/passwd', docText: sampleDocText() })).ok).toBe(true);
    const files = await fs.readdir(join(userDataDir, 'recovery'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.json$/);
  });

  it('an empty recovery folder (normal start) lists nothing', async () => {
    const { h } = await makeHandlers();
    expect(await h['recovery:list']({})).toEqual({ ok: true, entries: [] });
  });
});
