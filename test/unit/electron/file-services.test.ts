import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { loadDocument } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const packet003 = join(fixtures, '003_d8581a66e967af08.txt');

describe('import, export and code lists through the handlers', () => {
  it('imports a published packet into a new document with a Chinese summary', async () => {
    const { h } = await makeHandlers();
    h.paths.grant(packet003, 'read'); // chosen by the user (command line, 最近打开)
    const r = await h['import:file']({ path: packet003 });
    if (!r.ok) throw new Error(r.error);
    expect(r.summary).toBe('已从“003_d8581a66e967af08.txt”识别出 11 张表、107 行，0 条提示；情况说明中读入 77 个填写项（上年数、原因、用途等）');
    const doc = loadDocument(r.docText);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.doc.department).toBe('昌吉回族自治州人民政府驻北京联络处');
    expect(doc.doc.year).toBe(2024);
    expect(doc.doc.functionRows.find((row) => row.code === '2010302')?.values['2.10']).toBe('110.00');
    // An import is not a saved document: it does not become a recent file.
    const s = await h['settings:get']({});
    expect(s.ok && s.settings.recentFiles).toEqual([]);
  });

  it('refuses to import a document, a foreign text, or a missing file, in Chinese', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    for (const name of ['a.budget', '会议纪要.txt', 'nope.xlsx']) h.paths.grant(join(dir, name), 'read');
    const doc = await h['import:file']({ path: join(dir, 'a.budget') });
    expect(!doc.ok && doc.error).toBe('无法导入“a.budget”：只能导入公开文件（.txt、.pdf、.docx）或 Excel 工作簿（.xlsx）；预算文档请用“打开”');
    await fs.writeFile(join(dir, '会议纪要.txt'), '关于召开年度工作会议的通知\n各处室：……');
    const foreign = await h['import:file']({ path: join(dir, '会议纪要.txt') });
    expect(!foreign.ok && foreign.error).toMatch(/^无法导入“会议纪要.txt”：文件中没有找到部门预算公开表/);
    const missing = await h['import:file']({ path: join(dir, 'nope.xlsx') });
    expect(!missing.ok && missing.error).toMatch(/^导入“nope.xlsx”失败：文件或文件夹不存在/);
  });

  it('exports the workbook of a document and imports it back with the same totals', async () => {
    const { h, answers, asked } = await makeHandlers();
    h.paths.grant(packet003, 'read');
    const imported = await h['import:file']({ path: packet003 });
    if (!imported.ok) throw new Error(imported.error);
    const dir = await tempDir();
    answers.save = join(dir, '公开表');
    const x = await h['export:xlsx']({ docText: imported.docText });
    expect(x).toEqual({ ok: true, path: join(dir, '公开表.xlsx') });
    expect(asked.save[0]?.defaultPath).toBe(join(fixtures, '昌吉回族自治州人民政府驻北京联络处2024年部门预算公开表.xlsx'));
    const back = await h['import:file']({ path: join(dir, '公开表.xlsx') });
    if (!back.ok) throw new Error(back.error);
    const tables = (text: string) => {
      const d = loadDocument(text);
      if (!d.ok) throw new Error(d.error);
      return tablesJson(BudgetSession.open(d.doc));
    };
    const before = tables(imported.docText);
    const after = tables(back.docText);
    expect(after).toEqual(before);
    expect(JSON.stringify(before)).toContain('110.00');

    // The window's export leaves the 检查结果 sheet out unless asked for (findingsSheet).
    answers.save = join(dir, '留存');
    expect(await h['export:xlsx']({ docText: imported.docText, findingsSheet: true })).toMatchObject({ ok: true });
    answers.save = join(dir, '报送');
    expect(await h['export:xlsx']({ docText: imported.docText, findingsSheet: false })).toMatchObject({ ok: true });
    const names = async (file: string) => {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      return [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    };
    expect(await names(join(dir, '留存.xlsx'))).toContain('检查结果');
    expect(await names(join(dir, '报送.xlsx'))).toHaveLength(11);
  });

  it('export to a folder that does not exist says so', async () => {
    const { h } = await makeHandlers();
    h.paths.grant('/nonexistent-folder/x.xlsx', 'write');
    const r = await h['export:xlsx']({ path: '/nonexistent-folder/x.xlsx', docText: sampleDocText() });
    expect(!r.ok && r.error).toMatch(/^导出“x.xlsx”失败：文件或文件夹不存在/);
  });

  it('reads code lists from UTF-8 CSV, GBK CSV (Excel on Chinese Windows) and XLSX', async () => {
    const { h } = await makeHandlers();
    const dir = await tempDir();
    const csv = '科目编码,科目名称\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n';
    await fs.writeFile(join(dir, 'utf8.csv'), `\uFEFF${csv}`);
    // 科目编码,科目名称 / 301,工资福利支出 / 30101,基本工资 — as WPS saves CSV on Chinese Windows (GBK).
    await fs.writeFile(join(dir, 'gbk.csv'), Buffer.from('bfc6c4bfb1e0c2eb2cbfc6c4bfc3fbb3c60a3330312cb9a4d7cab8a3c0fbd6a7b3f60a33303130312cbbf9b1beb9a4d7ca0a', 'hex'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('科目');
    ws.addRow(['2025年功能分类科目表']);
    ws.addRow(['序号', '编码', '名称']);
    ws.addRow([1, '208', '社会保障和就业支出']);
    ws.addRow([2, '208 05', '行政事业单位养老支出']);
    await wb.xlsx.writeFile(join(dir, 'list.xlsx'));
    for (const name of ['utf8.csv', 'gbk.csv', 'list.xlsx', 'broken.xlsx', 'x.txt']) h.paths.grant(join(dir, name), 'read');
    const r1 = await h['import:codeList']({ path: join(dir, 'utf8.csv') });
    expect(r1).toEqual({
      ok: true,
      path: join(dir, 'utf8.csv'),
      kind: 'function',
      entries: [
        { code: '201', name: '一般公共服务支出' },
        { code: '20101', name: '人大事务' },
        { code: '2010101', name: '行政运行' },
      ],
    });
    expect(await h['import:codeList']({ path: join(dir, 'gbk.csv') })).toEqual({
      ok: true,
      path: join(dir, 'gbk.csv'),
      kind: 'economic',
      entries: [
        { code: '301', name: '工资福利支出' },
        { code: '30101', name: '基本工资' },
      ],
    });
    const x = await h['import:codeList']({ path: join(dir, 'list.xlsx') });
    expect(x.ok && x.entries).toEqual([
      { code: '208', name: '社会保障和就业支出' },
      { code: '20805', name: '行政事业单位养老支出' },
    ]);
    await fs.writeFile(join(dir, 'broken.xlsx'), 'not a zip');
    const broken = await h['import:codeList']({ path: join(dir, 'broken.xlsx') });
    expect(!broken.ok && broken.error).toMatch(/^无法导入“broken.xlsx”：科目表无法读取：工作簿已损坏，无法读取（找不到 ZIP 目录/);
    const bad = await h['import:codeList']({ path: join(dir, 'x.txt') });
    expect(!bad.ok && bad.error).toBe('无法导入“x.txt”：代码表须是 .csv 或 .xlsx 文件');
    // Kept per machine too (the last list of each kind), so new documents start with them.
    const s = await h['settings:get']({});
    expect(s.ok && s.settings.codeLists).toEqual({
      function: [
        { code: '208', name: '社会保障和就业支出' },
        { code: '20805', name: '行政事业单位养老支出' },
      ],
      economic: [
        { code: '301', name: '工资福利支出' },
        { code: '30101', name: '基本工资' },
      ],
    });
  });

  it('prints the packet of a document to a PDF file (laid out in the worker, Chromium outside Electron), asking where to save', async () => {
    const stages: string[] = [];
    const { h, answers } = await makeHandlers({ onJobProgress: (p) => stages.push(p.stage) });
    const dir = await tempDir();
    answers.save = join(dir, '公开文件');
    const r = await h['packet:pdf']({ docText: sampleDocText('某某市财政局', '3146.54') });
    expect(r).toEqual({ ok: true, path: join(dir, '公开文件.pdf') });
    const pdf = await fs.readFile(join(dir, '公开文件.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', join(dir, '公开文件.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('某某市财政局');
    expect(text).toContain('3,146.54');
    // Layout in the worker, then printing in main, under one progress panel.
    expect([...new Set(stages)]).toEqual(['layout', 'print']);
    const bad = await h['packet:pdf']({ docText: '{"format":"budget-desk-document"' });
    expect(bad.ok).toBe(false);
  });
});
