import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { loadDocument } from '../../../shared/model';

const FIXTURES = join(__dirname, '../../fixtures');
const dir = mkdtempSync(join(tmpdir(), 'packet-cli-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('budget-desk import / check / next-year on published packets', () => {
  it('import prints one summary line and writes a valid document', async () => {
    const doc = join(dir, '004.budget');
    const r = await run('import', join(FIXTURES, '004_b7e4b340c6b3bf95.txt'), '-o', doc);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已导入 昌吉市商务和工业信息化局 2024 年：找到 11 张表，152 行，0 条警告（\d+ ms）→ .*004\.budget\n$/);
    expect(loadDocument(readFileSync(doc, 'utf8')).ok).toBe(true);
  });

  it('import refuses what is not a packet with exit 2, a Chinese reason, and no file', async () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, '会议纪要\n今天天气很好。\n');
    const out = join(dir, 'junk.budget');
    const r = await run('import', junk, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：文件中没有找到部门预算公开表/);
    expect(existsSync(out)).toBe(false);
  });

  it('check takes a packet directly: its real defects, exit 1, --json stays one array', async () => {
    const r = await run('check', join(FIXTURES, '004_b7e4b340c6b3bf95.txt'), '--json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as Array<{ table: number; row: string; severity: string; places?: Array<{ table: number }> }>;
    // The 201 03 款 of tables 2, 3 and 5 is one finding; 303 another; the rest are the text's.
    const errors = findings.filter((f) => f.severity === 'error' && f.table > 0);
    expect(errors.map((f) => `${f.table} ${f.row.split(' ')[0]}`)).toEqual(['2 20103', '6 303']);
    expect(new Set(errors[0]!.places?.map((p) => p.table))).toEqual(new Set([0, 2, 3, 5]));
    const text = await run('check', join(FIXTURES, '000_76f4246f7dc2bf91.txt'));
    expect(text.out).toContain('[提示] 第三部分五 事业运行增减率');
    expect(text.err).toContain('导入提示：绩效目标表');
  });

  it('next-year starts 2025 from the packet', async () => {
    const out = join(dir, '2025.budget');
    const r = await run('next-year', join(FIXTURES, '003_d8581a66e967af08.txt'), '-o', out);
    expect(r.code).toBe(0);
    const doc = loadDocument(readFileSync(out, 'utf8'));
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.doc.year).toBe(2025);
    expect(doc.doc.priorYear.basic).toBe('160.31');
    const check = await run('check', out, '--json');
    expect(check.code).toBe(0);
  });
});
