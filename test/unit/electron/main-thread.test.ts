import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentMessageText, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { longestHold } from '../../bench/main-thread';
import { makeHandlers, tempDir } from './helpers';

/**
 * Main's own thread is the app's UI thread: while it runs JavaScript the window, its menus and
 * every IPC answer wait. Parsing, validating and writing out a 100,000-item document held it
 * 0.5–0.9 s for each 打开, 保存 and 自动保存 (every 30 s of editing), and listing or restoring its
 * draft at start ~0.15 s each; now the documents thread
 * does that and main only hands text over.
 */

describe("main's thread stays free for a large document", () => {
  it('打开, 保存, 自动保存 and restoring the draft of 100,000 items hold it a fraction of what the work takes', async () => {
    const doc = syntheticDocument(100_000);
    const docText = documentMessageText(doc);
    const file = join(await tempDir(), '大部门.budget');
    await fs.writeFile(file, serializeDocument(doc));
    const { h, answers, userDataDir } = await makeHandlers();
    h.paths.grant(file, 'write');
    answers.open = file;
    // The thread's start (from source: tsx) is not what is measured.
    await h['doc:autosave']({ key: 'warm', docText: '{}' });

    // Each twice; the shorter hold of the two, so one stretch of a busy machine does not decide.
    const held: Record<string, number> = {};
    for (const [name, run] of [
      ['打开', () => h['doc:open']({})],
      ['保存', () => h['doc:save']({ path: file, docText })],
      ['自动保存', () => h['doc:autosave']({ key: 'k', docText })],
      // At start the drafts autosave kept are listed; one is read back to be restored.
      ['恢复副本列表', () => h['recovery:list']({})],
      ['恢复', () => h['recovery:restore']({ key: 'k' })],
    ] as const) {
      const runs = [await longestHold(run), await longestHold(run)];
      for (const r of runs) expect((r.result as { ok: boolean }).ok, name).toBe(true);
      held[name] = Math.min(...runs.map((r) => r.ms));
    }
    // What they wrote is the document.
    expect(await fs.readFile(file, 'utf8')).toBe(serializeDocument(doc));
    const draft = (await fs.readdir(join(userDataDir, 'recovery'))).filter((n) => n.endsWith('.json'));
    expect(draft).toHaveLength(1);
    const restored = await h['recovery:restore']({ key: 'k' });
    expect(restored.ok && restored.docText).toBe(docText);
    const listed = await h['recovery:list']({});
    expect(listed.ok && listed.entries.map((e) => [e.key, e.department, e.year])).toEqual([['k', doc.department, doc.year]]);
    // On main's thread before: 640–800 ms (打开), 780–880 (保存), 470–700 (自动保存), ~150 each
    // (恢复副本列表, 恢复) on this machine. Now 打开 and 恢复 hold it while the answer's text
    // arrives from the thread (60–100 ms at this size), the others hardly at all (5–20 ms).
    const bound: Record<string, number> = { 打开: 300, 恢复: 300, 保存: 100, 自动保存: 100, 恢复副本列表: 100 };
    for (const [name, ms] of Object.entries(held)) expect(ms, `${name}: main held ${ms.toFixed(0)} ms`).toBeLessThan(bound[name]!);
  }, 120_000);
});
