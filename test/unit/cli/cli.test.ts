import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { serializeDocument } from '../../../shared/model';
import { smallDocument } from '../engine/helpers';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'budget-desk-cli-'));

describe('budget-desk CLI', () => {
  it('new writes an empty, valid document', async () => {
    const file = join(dir, 'new.budget');
    const r = await run('new', '--dept', '测试部门', '--year', '2025', '-o', file);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ department: '测试部门', year: 2025, unit: '万元', functionRows: [] });
    const check = await run('check', file, '--json');
    expect(check.code).toBe(0);
    // No error; what the explanation text and the 绩效目标表 still need, as reminders (as the app lists them).
    const found = JSON.parse(check.out) as Array<{ rule: string; severity: string; message: string }>;
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(['narrative.input.missing']));
    expect(found.map((f) => f.message)).toContain('部门整体绩效目标表尚未填写绩效指标');
  });

  it('tables --json prints the 11 tables with amounts as 2-decimal strings', async () => {
    const file = join(dir, 'small.budget');
    writeFileSync(file, serializeDocument(smallDocument()));
    const r = await run('tables', file, '--json');
    expect(r.code).toBe(0);
    const tables = JSON.parse(r.out);
    expect(tables.map((t: { table: number }) => t.table)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(tables[0].title).toBe('部门收支总体情况表');
    expect(tables[1].rows[0]).toEqual({ name: '总计', values: { '1': '314.03', '2': '204.03', '3': '204.03', '10': '110.00' } });
    expect(tables[1].rows).toContainEqual({ code: '2010350', name: '事业运行', values: { '1': '116.75', '2': '116.75', '3': '116.75' } });
    expect(tables[6].rows).toContainEqual({ code: '2010302', name: '一般行政管理事务', project: '机构运行补助经费', values: { '1': '72.00', '3': '72.00' } });
    // Table 1 lines keep their names, no code.
    expect(tables[0].rows).toContainEqual({ name: '201 一般公共服务支出', values: { '2': '298.75' } });
    expect(tables[7].rows).toEqual([]);
  });

  it('check exits 1 with findings as JSON when there are errors', async () => {
    const d = smallDocument();
    d.printed['6|total|1'] = '132.02';
    const file = join(dir, 'bad.budget');
    writeFileSync(file, serializeDocument(d));
    const r = await run('check', file, '--json');
    expect(r.code).toBe(1);
    // The reminders of the explanation text aside (the document has no reasons written).
    const all = JSON.parse(r.out) as Array<{ rule: string; severity: string }>;
    expect(all.filter((f) => f.severity === 'warning').every((f) => f.rule === 'narrative.input.missing')).toBe(true);
    const findings = all.filter((f) => f.severity === 'error');
    // One wrong printed cell breaks three identities: one finding, its three places.
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(['sum.columns']);
    expect(findings).toEqual([
      {
        rule: 'sum.columns',
        severity: 'error',
        table: 6,
        row: '总计',
        column: '1',
        expected: '132.03',
        actual: '132.02',
        message: expect.stringContaining('表6“总计”'),
        places: ['sum.columns', 'sum.rows', 't6.t5'].map((rule) => ({ rule, table: 6, row: '总计', column: '1', expected: '132.03', actual: '132.02' })),
      },
    ]);
    const text = await run('check', file);
    expect(text.out).toContain('共 1 个错误');
  });

  it('exit 2 with the reason when the input cannot be read', async () => {
    const missing = await run('check', join(dir, 'nope.budget'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const garbage = join(dir, 'garbage.budget');
    writeFileSync(garbage, '{"format": "budget-desk-document", "version": 1, "department": ');
    const g = await run('check', garbage);
    expect(g.code).toBe(2);
    expect(g.err).toContain('JSON 格式错误');
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('runs as the package bin', () => {
    const file = join(dir, 'bin.budget');
    writeFileSync(file, serializeDocument(smallDocument()));
    const out = execFileSync(process.execPath, ['electron/cli/budget-desk.cjs', 'check', file, '--json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as Array<{ severity: string }>).filter((f) => f.severity === 'error')).toEqual([]);
    const bad = spawnSync(process.execPath, ['electron/cli/budget-desk.cjs', 'check', join(dir, 'missing')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
