import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { BudgetSession } from '../../../shared/engine/session';
import { BUILTIN_FORMATS } from '../../../shared/formats/registry';
import { parseFormat } from '../../../shared/formats/validate';
import { xinjiangBudget2024 } from '../../../shared/formats/xinjiang-budget-2024';
import { loadDocument, serializeDocument } from '../../../shared/model';
import { newDocument } from '../../../shared/model/new-document';
import type { FixedTableTemplate, FormatTemplate, HierTableTemplate } from '../../../shared/templates/types';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

/** The Xinjiang format with one more column in table 3: 其他支出, entered, part of 合计. */
function variantWithExtraColumn(): FormatTemplate {
  const f = JSON.parse(JSON.stringify(xinjiangBudget2024)) as FormatTemplate;
  f.id = 'xinjiang-variant-t3-other';
  f.name = '新疆格式（表3 增列“其他支出”）';
  const t3 = f.tables.find((t) => t.no === 3) as HierTableTemplate;
  t3.columns[0]!.sum = ['2', '3', '4'];
  t3.columns.push({ no: '4', name: '其他支出', group: ['支出预算'], role: 'entered' });
  return f;
}

describe('formats as data', () => {
  it('every built-in format is its own JSON form: written out and read back it is the same object', () => {
    for (const f of Object.values(BUILTIN_FORMATS)) {
      const r = parseFormat(JSON.stringify(f));
      expect(r.ok ? r.format : r.error).toEqual(f);
    }
  });

  it('refuses a broken format file naming the field in Chinese', () => {
    const f = variantWithExtraColumn() as unknown as { tables: Array<{ columns: Array<Record<string, unknown>> }> };
    f.tables[2]!.columns[3]!.role = 'computed';
    const r = parseFormat(JSON.stringify(f));
    expect(!r.ok && r.error).toBe('格式文件内容有误：表（tables） → 第 3 项 → 栏（columns） → 第 4 项 → 栏的性质（role）：只能是 entered、derived');

    const g = variantWithExtraColumn();
    (g.tables[2] as HierTableTemplate).columns[0]!.sum = ['2', '3', '9'];
    const r2 = parseFormat(JSON.stringify(g));
    expect(!r2.ok && r2.error).toBe('格式文件内容有误：表3 第1栏的求和来源：表3 没有第9栏');

    const h = variantWithExtraColumn();
    h.checks.push({ rule: 'no.such.rule', kind: 'cells', at: { table: 3, row: 'total', col: '4' }, expected: [] });
    const r3 = parseFormat(JSON.stringify(h));
    expect(!r3.ok && r3.error).toMatch(/表间核对第 21 项：规则“no\.such\.rule”本程序不认识/);

    expect(parseFormat('{"id": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^格式文件不是有效的 JSON/) });
  });

  it('refuses fixed-table cells that compute from each other in a loop, in a format file and in a document carrying it', () => {
    const f = variantWithExtraColumn();
    const t1 = f.tables.find((t) => t.no === 1) as FixedTableTemplate;
    // 本年收入 sums 一般公共预算 …; make 一般公共预算 depend on 本年收入 again.
    const gb = t1.rows.find((r) => r.key === 'in.gb')!;
    gb.cells['1'] = { terms: [{ row: 'in.current', col: '1' }] };
    const r = parseFormat(JSON.stringify(f));
    expect(!r.ok && r.error).toBe('格式文件内容有误：表1 行“in.current”第1栏：计算来源循环引用（经由表1 行“in.gb”第1栏）');

    // A crafted document carrying that format is refused on open with the reason, not a crash.
    const doc = JSON.parse(serializeDocument(BudgetSession.open(newDocument('测试局', 2025, '万元', variantWithExtraColumn().id, variantWithExtraColumn())).document));
    doc.customFormat = f;
    const loaded = loadDocument(JSON.stringify(doc));
    expect(!loaded.ok && loaded.error).toBe('预算文档随附的表格格式有误：表1 行“in.current”第1栏：计算来源循环引用（经由表1 行“in.gb”第1栏）');
    // The same document with the sound format opens.
    doc.customFormat = variantWithExtraColumn();
    expect(loadDocument(JSON.stringify(doc)).ok).toBe(true);
  });

  it('a Xinjiang variant with one extra column loaded from a JSON file: new, edit, check, tables, export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'format-file-'));
    const formatFile = join(dir, 'variant.json');
    writeFileSync(formatFile, JSON.stringify(variantWithExtraColumn(), null, 1));
    const docFile = join(dir, 'doc.json');

    const created = await run(['new', '--dept', '测试局', '--year', '2025', '--format', formatFile, '-o', docFile]);
    expect(created.code).toBe(0);
    expect(created.out).toContain('格式：新疆格式（表3 增列“其他支出”）');

    // The format travels with the document: opened without --format it has table 3's fourth column.
    const loaded = loadDocument(readFileSync(docFile, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.doc.template).toBe('xinjiang-variant-t3-other');
    // 100 万元 of 单位资金 (so tables 4 and 5 stay empty), split in table 3 as 60 基本 + 40 其他.
    loaded.doc.functionRows.push({ code: '2010101', values: { '2.10': '100.00' } });
    loaded.doc.fixed['1'] = { 'in.unit.other': { '1': '100.00' } };
    const session = BudgetSession.open(loaded.doc);
    expect(session.setCell(3, '2010101', '2', '60')).toMatchObject({ ok: true });
    expect(session.setCell(3, '2010101', '4', '40')).toMatchObject({ ok: true });
    expect(session.setCell(3, 'total', '1', '1')).toMatchObject({ ok: false });
    expect(session.value(3, 'total', '1')).toBe(100_000_000); // 100.00 万元 in 分
    writeFileSync(docFile, serializeDocument(session.document));

    const check = await run(['check', docFile, '--json']);
    expect(JSON.parse(check.out).filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(check.code).toBe(0);

    const tables = JSON.parse((await run(['tables', docFile, '--json'])).out) as Array<{
      table: number;
      columns: Array<{ no: string; name: string }>;
      rows: Array<{ code?: string; values: Record<string, string> }>;
    }>;
    const t3 = tables.find((t) => t.table === 3)!;
    expect(t3.columns.map((c) => c.name)).toEqual(['合计', '基本支出', '项目支出', '其他支出']);
    expect(t3.rows.find((r) => r.code === '2010101')?.values).toEqual({ '1': '100.00', '2': '60.00', '4': '40.00' });

    const xlsx = join(dir, 'out.xlsx');
    const exported = await run(['export', docFile, '--xlsx', xlsx]);
    expect(exported.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells: string[] = [];
    wb.worksheets.find((s) => s.name.includes('表3') || s.name.includes('3'))!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('其他支出');
    expect(cells).toContain('40');

    // Read back in the same format, the extra column's amount comes back.
    const back = await readWorkbookBuffer(readFileSync(xlsx), 2025, variantWithExtraColumn());
    if (!back.ok) throw new Error(back.error);
    expect(back.doc.functionRows.find((r) => r.code === '2010101')?.values).toMatchObject({ '3.2': '60.00', '3.4': '40.00' });

    // Break the identity through the extra column: check now fails and says where.
    session.setCell(3, '2010101', '4', '50');
    writeFileSync(docFile, serializeDocument(session.document));
    const broken = await run(['check', docFile, '--json']);
    expect(broken.code).toBe(1);
    // Findings of one cause are merged; the extra column's row is one of the places named.
    const places = (JSON.parse(broken.out) as Array<{ places?: unknown[] }>).flatMap((f) => [f, ...(f.places ?? [])]);
    expect(places).toContainEqual(expect.objectContaining({ rule: 't3.t2', table: 3, row: '2010101', column: '1', expected: '100.00', actual: '110.00' }));
  });

  it('--format may name a built-in format: a new Shanghai document is entered in 元 and has its 9 tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'format-file-'));
    const docFile = join(dir, 'sh.json');
    expect((await run(['new', '--dept', '测试局', '--year', '2026', '--format', 'shanghai-budget', '-o', docFile])).code).toBe(0);
    const r = loadDocument(readFileSync(docFile, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc).toMatchObject({ template: 'shanghai-budget', unit: '元' });
    expect(r.doc.customFormat).toBeUndefined();
    const tables = JSON.parse((await run(['tables', docFile, '--json'])).out) as Array<{ title: string }>;
    expect(tables.map((t) => t.title)).toHaveLength(9);
    expect(tables[0]!.title).toBe('部门财务收支预算总表');
  });

  it('--format on a command refuses a bad format file with the reason, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'format-file-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x y', name: '坏格式', tables: [], checks: [] }));
    const r = await run(['new', '--dept', '测试局', '--year', '2025', '--format', bad, '-o', join(dir, 'd.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('格式标识（id）：格式标识只能由小写字母、数字和连字符组成');
  });
});
