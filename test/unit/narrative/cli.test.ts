import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const packet004 = fileURLToPath(new URL('../../fixtures/004_b7e4b340c6b3bf95.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'budget-desk-packet-'));

describe('budget-desk narrative / packet', () => {
  it('narrative prints 第三部分 as plain text, straight from a published packet', async () => {
    const r = await run('narrative', packet004);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('第三部分 2024年部门预算情况说明');
    expect(lines).toContain('十二、其他重要事项的情况说明');
    expect(r.out).toContain('上级一般公共预算安排的转移支付资金2,487.00万元，占79.04%，比上年预算减少323.00万元，下降11.49%');
  });

  it('narrative --json gives every number with its source', async () => {
    const r = await run('narrative', packet004, '--json');
    expect(r.code).toBe(0);
    const n = JSON.parse(r.out) as { sections: Array<{ id: string; paragraphs: Array<{ id: string; runs: unknown[] }> }> };
    const p = n.sections[1]!.paragraphs.find((x) => x.id === 's2.income.gbTransfer')!;
    expect(p.runs[1]).toEqual({ kind: 'amount', text: '2,487.00', value: 2_487_000_000, source: { kind: 'cell', cell: '2|total|4' }, label: '上级一般公共预算安排的转移支付资金（表2 总计行第4栏）' });
  });

  it('narrative --missing lists what the text still needs instead of inventing it', async () => {
    const file = join(dir, 'new.budget');
    expect((await run('new', '--dept', '测试局', '--year', '2025', '-o', file)).code).toBe(0);
    const r = await run('narrative', file, '--missing');
    expect(r.code).toBe(0);
    expect(r.out).toContain('测试局2025年所有收入和支出均纳入部门预算管理。收支总预算0.00万元。');
    expect(r.err).toContain('缺少：机关运行经费的上年预算数（priorYear.runningCosts）');
  });

  it('packet writes the whole packet (here as HTML; the PDF path is tested once in packet-pdf.test.ts)', async () => {
    const html = join(dir, 'p.html');
    const r = await run('packet', packet004, '--html', html, '--date', '2024年2月7日');
    expect(r.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text.match(/<table class="budget t\d+">/g)).toHaveLength(11);
    expect(text.match(/<thead>/g)?.length).toBeGreaterThanOrEqual(11);
    for (const part of ['第一部分 2024年昌吉市商务和工业信息化局部门概况', '第二部分 2024年部门预算公开表', '第三部分 2024年部门预算情况说明', '第四部分 名词解释']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('2,417.00');
    expect(r.err).toMatch(/公开前检查仍有 \d+ 个错误/u);
  });

  it('refuses without an output and says what is needed', async () => {
    const r = await run('packet', packet004);
    expect(r.code).toBe(2);
    expect(r.err).toContain('需要 --pdf OUT.pdf');
  });
});
