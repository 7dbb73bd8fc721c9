import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

describe('doc:open / doc:save', () => {
  it('saves and reopens a document with the same amounts, remembering it in recent files', async () => {
    const { h, answers } = await makeHandlers();
    const dir = await tempDir();
    answers.save = join(dir, '预算草稿'); // no extension: the handler adds .budget
    const saved = await h['doc:save']({ docText: sampleDocText() });
    expect(saved).toEqual({ ok: true, path: join(dir, '预算草稿.budget') });
    const opened = await h['doc:open']({ path: join(dir, '预算草稿.budget') });
    if (!opened.ok) throw new Error(opened.error);
    const doc = loadDocument(opened.docText);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.doc.department).toBe('某某市财政局');
    expect(doc.doc.functionRows[0]?.values['2.3']).toBe('3146.54');
    const s = await h['settings:get']({});
    expect(s.ok && s.settings.recentFiles).toEqual([join(dir, '预算草稿.budget')]);
    expect(s.ok && s.settings.lastFolder).toBe(dir);
  });

  it('keeps the previous version as .bak when saving over a file', async () => {
    const { h } = await makeHandlers();
    const file = join(await tempDir(), 'a.budget');
    h.paths.grant(file, 'write');
    expect((await h['doc:save']({ path: file, docText: sampleDocText('甲局', '1.00') })).ok).toBe(true);
    expect((await h['doc:save']({ path: file, docText: sampleDocText('甲局', '2.00') })).ok).toBe(true);
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toContain('"1.00"');
    expect(await fs.readFile(file, 'utf8')).toContain('"2.00"');
  });

  it('asks for a name on save-as even when the document has a path, and reports cancel', async () => {
    const { h, asked } = await makeHandlers();
    const r = await h['doc:save']({ path: '/tmp/x.budget', saveAs: true, docText: sampleDocText() });
    expect(r).toEqual({ ok: false, error: '已取消', canceled: true });
    expect(asked.save[0]?.defaultPath).toBe('/tmp/x.budget');
    expect(asked.save[0]?.title).toBe('另存为');
  });

  it('refuses to save a document that would not load again, writing nothing', async () => {
    const { h } = await makeHandlers();
    const file = join(await tempDir(), 'bad.budget');
    h.paths.grant(file, 'write');
    const r = await h['doc:save']({ path: file, docText: '{"format":"budget-desk-document","version":1}' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^无法保存：文档内容无效/);
    await expect(fs.stat(file)).rejects.toThrow();
  });

  it('explains in Chinese why a damaged, foreign, binary or missing file cannot be opened', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const good = sampleDocText();
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['truncated.budget', good.slice(0, good.length / 2), /无法打开“truncated.budget”：文件不是有效的预算文档（JSON 格式错误/],
      ['other.json', '{"name":"package","version":"1.0.0"}', /不是本程序的预算文档（缺少文件类型标识 format）/],
      ['image.budget', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /文件含二进制内容/],
      ['wrong-year.budget', good.replace('"year": 2024', '"year": 1800'), /年度|year/],
    ];
    for (const p of [...cases.map(([name]) => join(dir, name)), join(dir, 'nope.budget'), dir]) h.paths.grant(p, 'write');
    for (const [name, content, reason] of cases) {
      await fs.writeFile(join(dir, name), content);
      const r = await h['doc:open']({ path: join(dir, name) });
      expect(r.ok, name).toBe(false);
      expect(!r.ok && r.error, name).toMatch(reason);
    }
    const missing = await h['doc:open']({ path: join(dir, 'nope.budget') });
    expect(!missing.ok && missing.error).toMatch(/打开“nope.budget”失败：文件或文件夹不存在/);
    const folder = await h['doc:open']({ path: dir });
    expect(!folder.ok && folder.error).toMatch(/这是一个文件夹/);
    // Nothing was remembered from failed opens.
    const s = await h['settings:get']({});
    expect(s.ok && s.settings.recentFiles).toEqual([]);
  });

  it('opens through the dialog, starting in the last folder', async () => {
    const { h, answers, asked } = await makeHandlers();
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'b.budget'), sampleDocText());
    await h['settings:set']({ lastFolder: dir });
    answers.open = join(dir, 'b.budget');
    const r = await h['doc:open']({});
    expect(r.ok && r.path).toBe(join(dir, 'b.budget'));
    expect(asked.open[0]?.defaultPath).toBe(dir);
    expect(asked.open[0]?.filters[0]?.extensions).toContain('budget');
  });
});
