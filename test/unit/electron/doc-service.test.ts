import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocService } from '../../../electron/worker/doc-service';
import { type WorkerScript, workerScript } from '../../../electron/worker/locate';
import { serveDocument } from '../../../electron/worker/documents';
import { documentMessageText, loadDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { tempDir } from './helpers';

/**
 * The documents thread: main's parsing, validating and writing out of documents (打开, 保存,
 * 自动保存, 恢复, 导出, 打印) happens there, not on main's own thread (the app's UI thread).
 */
const fixture = join(import.meta.dirname, '../../fixtures/003.budget.json');
const text003 = readFileSync(fixture, 'utf8');
const doc003 = (() => {
  const r = loadDocument(text003);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
})();

const services: DocService[] = [];
const service = (opts: ConstructorParameters<typeof DocService>[0] = {}) => {
  const s = new DocService(opts);
  services.push(s);
  return s;
};
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
});

describe('documents thread (electron/worker/documents.ts)', () => {
  it('reads a document file as 打开 needs it: the current-version text main hands the window, and what main words its dialogs with', async () => {
    const r = await serveDocument({ op: 'read', path: fixture });
    if (!r.ok) throw new Error(r.error);
    expect(r.messageText).toBe(documentMessageText(doc003));
    expect(r.summary.department).toBe(doc003.department);
    expect(r.summary.year).toBe(doc003.year);
    expect(r.summary.tables.find((t) => t.no === 2)?.title).toBe('部门收入总体情况表');
    expect(r.summary.tables).toHaveLength(11);
    expect(r.fileBytes).toBeUndefined();
  });

  it('writes out the file of 保存 and the recovery file of 自动保存 as UTF-8 bytes with their SHA-256', async () => {
    const save = await serveDocument({ op: 'check', text: text003, file: true });
    if (!save.ok || !save.fileBytes) throw new Error('no file');
    expect(new TextDecoder().decode(save.fileBytes)).toBe(serializeDocument(doc003));
    expect(save.fileSha256).toBe(createHash('sha256').update(save.fileBytes).digest('hex'));
    expect(save.messageText).toBeUndefined();

    const auto = await serveDocument({ op: 'check', text: text003, recovery: { key: 'k1', savedAt: '2026-01-02T03:04:05.000Z', path: '/a/b.budget' } });
    if (!auto.ok || !auto.fileBytes) throw new Error('no recovery file');
    expect(JSON.parse(new TextDecoder().decode(auto.fileBytes))).toEqual({
      format: 'budget-desk-recovery',
      key: 'k1',
      savedAt: '2026-01-02T03:04:05.000Z',
      path: '/a/b.budget',
      department: doc003.department,
      year: doc003.year,
      docText: text003,
    });
  });

  it('says whether the file could not be read or the document is invalid, with the reason', async () => {
    const dir = await tempDir();
    const missing = await serveDocument({ op: 'read', path: join(dir, '没有.budget') });
    expect(missing).toMatchObject({ ok: false, stage: 'read' });
    expect(!missing.ok && missing.error).toContain('没有.budget');
    const bad = JSON.parse(text003);
    bad.year = 'x';
    const invalid = await serveDocument({ op: 'check', text: JSON.stringify(bad), file: true });
    expect(invalid).toMatchObject({ ok: false, stage: 'load' });
    expect(!invalid.ok && invalid.error).toContain('预算年度');
  });
});

describe('DocService (main side)', () => {
  it('answers from one long-lived thread, requests in any order, the same as in-process', async () => {
    const docs = service();
    const [a, b, c] = await Promise.all([
      docs.request({ op: 'read', path: fixture }),
      docs.request({ op: 'check', text: '{', message: true }),
      docs.request({ op: 'check', text: text003, file: true }),
    ]);
    expect(a.ok && a.messageText).toBe(documentMessageText(doc003));
    expect(b).toMatchObject({ ok: false, stage: 'load' });
    expect(c.ok && c.fileBytes && new TextDecoder().decode(c.fileBytes)).toBe(serializeDocument(doc003));
  });

  it('a document too large for the thread\'s heap is refused with the reason; main and the next request are unharmed', async () => {
    const opts = { heapMb: 16 };
    const docs = service(opts);
    const large = documentMessageText(syntheticDocument(30_000));
    await expect(docs.request({ op: 'check', text: large, file: true })).rejects.toThrow('处理文档所需内存超过 16 MB 的上限，已停止（文件可能过大或格式异常）');
    // The next request gets a new thread. Here it boots from the TypeScript sources through tsx,
    // whose first compile (a fresh clone, no cache) can itself need more than 16 MB: it gets room
    // for that, as the app's built thread has (INPUT_BOUNDS.maxWorkerHeapMb).
    opts.heapMb = 128;
    const next = await docs.request({ op: 'check', text: text003 });
    expect(next.ok && next.summary.year).toBe(doc003.year);
  });

  it('a thread that dies or runs over time refuses its requests with a reason, and the next request gets a new thread', async () => {
    const dir = await tempDir();
    const dies = join(dir, 'dies.mjs');
    await fs.writeFile(dies, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const hangs = join(dir, 'hangs.mjs');
    await fs.writeFile(hangs, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n");
    let script: WorkerScript = { file: dies };
    const opts = { script: () => script, maxMs: 300 };
    const docs = service(opts);
    await expect(docs.request({ op: 'check', text: text003 })).rejects.toThrow('处理文档的线程意外中止（退出码 3）');
    script = { file: hangs };
    await expect(docs.request({ op: 'check', text: text003 })).rejects.toThrow('处理文档超过 0.3 秒仍未完成，已停止');
    // The same service with the real thread now (from source, tsx boots it: time enough for that).
    script = workerScript();
    opts.maxMs = 60_000;
    const real = await docs.request({ op: 'check', text: text003 });
    expect(real.ok && real.summary.department).toBe(doc003.department);
  });
});
