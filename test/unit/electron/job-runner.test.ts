import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobFailed, JobRunner, JobStopped } from '../../../electron/worker/runner';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';
import type { JobProgress } from '../../../shared/ipc/contract';
import { serializeDocument } from '../../../shared/model';
import { largePacketText } from '../../e2e/support/large-packet';
import { makeHandlers, tempDir } from './helpers';

/**
 * Import, export and print layout run in a worker thread (from source through tsx here; the
 * built worker.cjs is exercised by main-bundle.test.ts): progress, 取消, time and heap budgets.
 */
const packet003 = join(import.meta.dirname, '../../fixtures/003_d8581a66e967af08.txt');

/** 100,000 extra rows: several seconds of recognising even on a fast machine. */
async function largePacketFile(): Promise<string> {
  const file = join(await tempDir('desk-large-'), '大文件.txt');
  await fs.writeFile(file, largePacketText(100_000));
  return file;
}

describe('job runner (worker_threads)', () => {
  it('imports a packet in a worker with its stages in order, giving the same document as in-process', async () => {
    const events: JobProgress[] = [];
    const jobs = new JobRunner({ onProgress: (p) => events.push(p) });
    const out = await jobs.run({ kind: 'import', path: packet003 }, '导入“003”');
    const direct = importPacketText(readFileSync(packet003, 'utf8'));
    if (!direct.ok) throw new Error(direct.error);
    expect(out.docText).toBe(serializeDocument(direct.doc));
    expect(out.summary).toBe('已从“003_d8581a66e967af08.txt”识别出 11 张表、107 行，0 条提示；情况说明中读入 77 个填写项（上年数、原因、用途等）');
    // The printed text of 003, audited as `check` does: a rate its rounded figures cannot give,
    // a change sum off by the printed total's cent, staff numbers that disagree, doubled words.
    expect(out.audit).toEqual([
      '文字核对（提示）：第三部分五“基本支出增减率”写为 23.15%，按印制的金额算得 23.14%（只有按元计算才可能得出 23.15%，请核对）',
      '文字核对（错误）：第三部分五（三）各项比上年的增减额之和为 30.14 万元，五（一）基本支出与项目支出的增减额合计为 30.13 万元（相差 0.01）；各项本年预算数之和 232.32 与拨款合计 232.31 相差同样的数，差额来自印制的合计；相差 0.01 万元，可能是各数分别四舍五入造成的尾差，但印制数仍应与其组成部分相符',
      '文字核对（错误）：第三部分二、第三部分五的原因中写退休人员增加 2 人，第一部分写退休增加 3 人',
      '文字核对（错误）：“预算预算”重复了词语：第三部分二“…安排国有资本经营预算预算支出。上级国有资…”',
      '文字核对（错误）：“是是”重复了词语：第三部分十二“…96%。主要原因是是调标增资，工会经…”',
    ]);
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual(['read', 'recognize', 'audit']);
    expect(new Set(events.map((e) => e.jobId)).size).toBe(1);
    expect(events.map((e) => e.title)).toEqual(events.map(() => '导入“003”'));
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ done: true, fraction: 1 });
    expect(events.filter((e) => e.done)).toHaveLength(1);
    expect(jobs.activeJobs).toBe(0);
  });

  it('取消 ends the worker at once while it recognises a large packet', async () => {
    const file = await largePacketFile();
    const events: JobProgress[] = [];
    let started = 0;
    const jobs = new JobRunner({
      onProgress: (p) => {
        events.push(p);
        if (p.stage === 'recognize' && !started) {
          started = performance.now();
          expect(jobs.cancel(p.jobId)).toBe(true);
        }
      },
    });
    const r = jobs.run({ kind: 'import', path: file }, '导入“大文件.txt”');
    await expect(r).rejects.toBeInstanceOf(JobStopped);
    await expect(r).rejects.toMatchObject({ why: 'canceled', message: '已取消' });
    // Terminated, not waited for: the 100,000 rows would take seconds.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(events.at(-1)).toMatchObject({ done: true });
    expect(jobs.activeJobs).toBe(0);
    expect(jobs.cancel(events[0]?.jobId ?? '')).toBe(false);
  });

  it('a job over its time budget is stopped with a Chinese reason', async () => {
    const file = await largePacketFile();
    // 0.3 s: far less than starting the worker and reading 100,000 rows take on any machine.
    const jobs = new JobRunner({ maxJobMs: 300 });
    const t0 = performance.now();
    const r = jobs.run({ kind: 'import', path: file }, '导入');
    await expect(r).rejects.toMatchObject({ why: 'timeout', message: '处理超过 0.3 秒仍未完成，已停止（文件可能过大或格式异常）' });
    // Stopped when the budget ran out, not when the job would have ended.
    expect(performance.now() - t0).toBeLessThan(300 + 1500);
    // The app's budget is stated once, in seconds the user reads.
    expect(INPUT_BOUNDS.maxJobMs).toBe(120_000);
  });

  it('a job that needs more than its heap dies alone, with a reason', async () => {
    const file = await largePacketFile();
    const stages = new Set<string>();
    const jobs = new JobRunner({ heapMb: 32, onProgress: (p) => stages.add(p.stage) });
    const r = jobs.run({ kind: 'import', path: file }, '导入');
    await expect(r).rejects.toBeInstanceOf(JobFailed);
    await expect(r).rejects.toThrow('处理时所需内存超过 32 MB 的上限，已停止（文件可能过大或格式异常）');
    // It died recognising the 100,000 rows, not while starting.
    expect(stages.has('recognize')).toBe(true);
  });

  it('export and print layout run in the worker too', async () => {
    const doc = importPacketText(readFileSync(packet003, 'utf8'));
    if (!doc.ok) throw new Error(doc.error);
    const docText = serializeDocument(doc.doc);
    const events: JobProgress[] = [];
    const jobs = new JobRunner({ onProgress: (p) => events.push(p) });
    const { bytes } = await jobs.run({ kind: 'exportXlsx', docText }, '导出');
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    expect([...new Set(events.map((e) => e.stage))]).toEqual(['layout', 'export']);
    const { html } = await jobs.run({ kind: 'packetHtml', docText }, '打印');
    expect(html).toContain('昌吉回族自治州人民政府驻北京联络处');
    expect(html).toContain('342.31');
    await expect(jobs.run({ kind: 'exportXlsx', docText: '{"format":1}' }, '导出')).rejects.toThrow(/^文档内容无效/);
  });
});

describe('jobs through the IPC handlers', () => {
  it('a file over the size bound is refused in main before any job starts, in Chinese', async () => {
    const events: JobProgress[] = [];
    const { h } = await makeHandlers({ onJobProgress: (p) => events.push(p) });
    const big = join(await tempDir(), 'big.txt');
    await fs.writeFile(big, '');
    await fs.truncate(big, 61 * 1024 * 1024);
    h.paths.grant(big, 'read');
    const r = await h['import:file']({ path: big });
    expect(r).toEqual({ ok: false, error: '导入“big.txt”失败：文件过大（61 MB，上限 60 MB）' });
    expect(events).toEqual([]);
  });

  it('job:cancel stops an import; the import answers 已取消 (canceled)', async () => {
    const file = await largePacketFile();
    let cancel: Promise<unknown> | undefined;
    const { h } = await makeHandlers({
      onJobProgress: (p) => {
        if (p.stage === 'recognize' && !cancel) cancel = h['job:cancel']({ jobId: p.jobId });
      },
    });
    h.paths.grant(file, 'read');
    const r = await h['import:file']({ path: file });
    expect(r).toEqual({ ok: false, error: '已取消', canceled: true });
    expect(await cancel).toEqual({ ok: true, canceled: true });
    expect(await h['job:cancel']({ jobId: 'no-such-job' })).toEqual({ ok: true, canceled: false });
  });
});
