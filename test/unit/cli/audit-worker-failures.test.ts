import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditInWorkers } from '../../../electron/audit/pool';
import { run } from './support/run-cli';
import { serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { packetText } from '../rules/packet-audit-support';

const HOOK = join(__dirname, 'support/audit-hook-worker.mjs');


interface Row {
  file: string;
  ok: boolean;
  department?: string;
  errors: number;
  warnings: number;
  unreadable: string[];
  findings: unknown[];
  error?: string;
}

describe('budget-desk audit: a file that kills or stalls its worker fails alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-fail-'));
  writeFileSync(join(dir, 'b-003.txt'), packetText('003'));
  // A saved document of 100,000 line items (the benchmark's largest, within every bound): checking
  // it takes 5–20 s. (Documents with more rows than a document may hold are refused at once.)
  writeFileSync(join(dir, 'a-flood.budget'), serializeDocument(syntheticDocument(100_000)));
  const saved = process.env.BUDGET_DESK_AUDIT_FILE_MS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BUDGET_DESK_AUDIT_FILE_MS;
    else process.env.BUDGET_DESK_AUDIT_FILE_MS = saved;
  });

  it('over the per-file time limit: that file is reported 处理超时, the worker restarts and 003 still has its real result', async () => {
    process.env.BUDGET_DESK_AUDIT_FILE_MS = '3000';
    const r = await run('audit', dir, '--json', '--jobs', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/审核 1\/2：a-flood\.budget 无法读取/);
    expect(r.err).toMatch(/审核完成：2 份/);
    const report = JSON.parse(r.out) as { totals: Record<string, number>; packets: Row[] };
    const [bad, good] = report.packets;
    // The shape an unreadable file already has.
    expect(bad).toEqual({
      file: join(dir, 'a-flood.budget'),
      ok: false,
      error: '处理超时：审核“a-flood.budget”超过 3 秒仍未完成，已停止（文件可能过大或格式异常）',
      errors: 0,
      warnings: 0,
      unreadable: [],
      findings: [],
      ms: expect.any(Number),
    });
    // As in audit.test.ts: 003 has 8 errors and 1 提示.
    expect([good!.file, good!.ok, good!.department, good!.errors, good!.warnings]).toEqual([join(dir, 'b-003.txt'), true, '昌吉回族自治州人民政府驻北京联络处', 8, 1]);
    expect(report.totals).toEqual({ packets: 2, unreadable: 1, withErrors: 1, errors: 8, warnings: 1 });
  }, 120_000);

  it('a worker out of memory or ended: each such file fails with its reason, the others are audited (two threads)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'audit-hook-'));
    const names = ['a-oom.txt', 'b-003.txt', 'c-crash.txt', 'd-003.txt'];
    for (const n of names) writeFileSync(join(d, n), packetText('003'));
    const seen: string[] = [];
    const results = await auditInWorkers(
      names.map((n) => join(d, n)),
      2,
      (r) => seen.push(r.file),
      { boot: HOOK, heapMb: 256 },
    );
    expect(seen.sort()).toEqual(names.map((n) => join(d, n)));
    expect(results.map((p) => [p.ok, p.ok ? p.errors : p.error])).toEqual([
      [false, '内存不足：审核“a-oom.txt”所需内存超过 256 MB 的上限，已停止（文件可能过大或格式异常）'],
      [true, 8],
      [false, '审核“c-crash.txt”时处理线程意外中止（退出码 7）'],
      [true, 8],
    ]);
  }, 120_000);
});
