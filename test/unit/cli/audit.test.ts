import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from './support/run-cli';
import { corrected003, edit, packetText } from '../rules/packet-audit-support';


interface Row {
  file: string;
  ok: boolean;
  department?: string;
  year?: number;
  format?: string;
  tables?: number;
  errors: number;
  warnings: number;
  unreadable: string[];
  error?: string;
  findings: Array<{ rule: string; places?: unknown[] }>;
}

describe('budget-desk audit: a folder of packets in worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  for (const n of ['000', '003', '004'] as const) writeFileSync(join(dir, `${n}.txt`), packetText(n));
  writeFileSync(join(dir, '003-corrected.txt'), corrected003());
  // A mutated copy: one amount of 七's 资金分配 changed.
  writeFileSync(join(dir, '003-mutated.txt'), edit(corrected003(), '劳务费 22.4 万元', '劳务费 24.2 万元'));
  writeFileSync(join(dir, 'minutes.txt'), '会议纪要\n今天讨论了办公室搬迁。\n');

  it('reports each packet (department, year, format, tables, errors, 提示, unreadable parts), writes xlsx and html, exits 2 for the non-packet', async () => {
    const xlsx = join(dir, 'report.xlsx');
    const html = join(dir, 'report.html');
    const r = await run('audit', dir, '--json', '--xlsx', xlsx, '--html', html, '--jobs', '2');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/审核 6\/6：/);
    expect(r.err).toMatch(/审核完成：6 份/);
    const report = JSON.parse(r.out) as { totals: Record<string, number>; packets: Row[] };
    const brief = report.packets.map((p) => [p.file.split('/').pop(), p.ok, p.department, p.year, p.format, p.tables, p.errors, p.warnings, p.unreadable.length]);
    expect(brief).toEqual([
      ['000.txt', true, '昌吉回族自治州工商业联合会', 2024, 'xinjiang-budget-2024', 11, 3, 3, 1],
      ['003-corrected.txt', true, '昌吉回族自治州人民政府驻北京联络处', 2024, 'xinjiang-budget-2024', 11, 0, 0, 0],
      ['003-mutated.txt', true, '昌吉回族自治州人民政府驻北京联络处', 2024, 'xinjiang-budget-2024', 11, 1, 0, 0],
      // With the 绩效目标表 weights that add to 90 (three in 003, one in 004).
      ['003.txt', true, '昌吉回族自治州人民政府驻北京联络处', 2024, 'xinjiang-budget-2024', 11, 8, 1, 0],
      ['004.txt', true, '昌吉市商务和工业信息化局', 2024, 'xinjiang-budget-2024', 11, 5, 2, 0],
      ['minutes.txt', false, undefined, undefined, undefined, undefined, 0, 0, 0],
    ]);
    expect(report.packets[5]!.error).toMatch(/^文件中没有找到部门预算公开表/);
    expect(report.packets[2]!.findings.map((f) => f.rule)).toEqual(['packet.narrative.allocation']);
    // The same findings as `check` gives for one packet.
    const single = await run('check', join(dir, '004.txt'), '--json');
    expect(report.packets[4]!.findings).toEqual(JSON.parse(single.out));
    expect(report.totals).toEqual({ packets: 6, unreadable: 1, withErrors: 4, errors: 17, warnings: 6 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '1 昌吉回族自治州工商业联合会', '2 昌吉回族自治州人民政府驻北京联络处', '3 昌吉回族自治州人民政府驻北京联络处', '4 昌吉回族自治州人民政府驻北京联络处', '5 昌吉市商务和工业信息化局', '6 minutes.txt']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(3).values).toEqual([undefined, 1, expect.objectContaining({ text: '000.txt' }), '昌吉回族自治州工商业联合会', 2024, 'xinjiang-budget-2024', 11, 3, 3, 1, '有错误']);
    expect(String(summary.getRow(8).getCell(10).value)).toMatch(/^无法读取：文件中没有找到部门预算公开表/);
    const s003 = wb.getWorksheet('4 昌吉回族自治州人民政府驻北京联络处')!;
    expect(s003.getRow(4).values).toEqual([undefined, 1, '错误', '表3 总计 第2栏', expect.stringContaining('印制为 160.31'), expect.stringContaining('表1 支出总计 第2栏')]);

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('共 6 份：4 份有错误，1 份无法读取；错误 17 个，提示 6 个。');
    expect(page).toContain('<h2 id="p5">5. 昌吉市商务和工业信息化局 2024 年</h2>');
    expect(page).toContain('无法读取：文件中没有找到部门预算公开表');
  }, 120_000);

  it('exit 1 when every input reads and some has errors; 0 when none; 2 for bad usage', async () => {
    expect((await run('audit', join(dir, '003.txt'), join(dir, '003-corrected.txt'), '--jobs', '1')).code).toBe(1);
    const clean = await run('audit', join(dir, '003-corrected.txt'), '--jobs', '1');
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('共 1 份：0 份有错误，0 份无法读取；错误 0 个，提示 0 个');
    const bad = await run('audit', dir, '--jobs', 'x');
    expect([bad.code, bad.err]).toEqual([2, '错误：--jobs 应为 1 到 256 的整数，而不是“x”\n']);
    const none = await run('audit', join(dir, 'nowhere'));
    expect([none.code, none.err]).toEqual([2, `错误：找不到文件或文件夹：${join(dir, 'nowhere')}\n`]);
  }, 120_000);

  it('other formats: the tables of their own format that hold amounts (Putuo 决算: 7 of 9, 表8/表9 empty; Putuo budget: 7 of 9, 表6/表7 empty)', async () => {
    const shanghai = join(__dirname, '../../fixtures/shanghai');
    const r = await run('audit', join(shanghai, 'putuo-finance-2024-final-accounts.pdf'), join(shanghai, 'putuo-govoffice-2025-budget-dept.pdf'), '--json', '--jobs', '2');
    const report = JSON.parse(r.out) as { packets: Row[] };
    expect(report.packets.map((p) => [p.file.split('/').pop(), p.format, p.tables])).toEqual([
      ['putuo-finance-2024-final-accounts.pdf', 'final-accounts', 7],
      ['putuo-govoffice-2025-budget-dept.pdf', 'shanghai-budget', 7],
    ]);
  }, 120_000);
});
