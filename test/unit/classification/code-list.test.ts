import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCodeLists as readCodeListFile } from '../../../electron/classification/read-code-list';
import { codeListFromRows, parseCsv } from '../../../shared/classification/import-list';
import { BUILTIN_LIST } from '../../../shared/classification/names';
import { addEconomicItem, addFunctionItem, addProject } from '../../../renderer/state/row-ops';
import { DocStore } from '../../../renderer/state/store';
import { BudgetSession } from '../../../shared/engine/session';
import { checkFindings } from '../../../shared/rules/all-findings';
import { smallDocument } from '../engine/helpers';
import { readParts, writeParts } from '../excel/zip-parts';

const dir = mkdtempSync(join(tmpdir(), 'code-list-'));

describe('code lists', () => {
  it('parses CSV with quotes, BOM and codes written with spaces', () => {
    const rows = parseCsv('\uFEFF序号,科目编码,科目名称\r\n1,201,一般公共服务支出\r\n2,201 03,"政府办公厅（室）及相关机构事务"\r\n3,2010350,事业运行\r\n4,30217,公务接待费\r\n,,\r\n');
    const r = codeListFromRows(rows);
    expect(r).toEqual({
      ok: true,
      function: [
        { code: '201', name: '一般公共服务支出' },
        { code: '20103', name: '政府办公厅（室）及相关机构事务' },
        { code: '2010350', name: '事业运行' },
      ],
      economic: [{ code: '30217', name: '公务接待费' }],
      skipped: 0,
    });
  });

  it('refuses a file without code and name columns, in Chinese', () => {
    const r = codeListFromRows(parseCsv('姓名,年龄\n张三,30\n'));
    expect(!r.ok && r.error).toContain('科目编码');
  });

  it('reads an XLSX list and a GB18030 CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('科目');
    ws.addRow(['功能分类科目表']);
    ws.addRow(['编码', '名称']);
    ws.addRow(['2010350', '事业运行']);
    ws.addRow([2080505, '机关事业单位基本养老保险缴费支出']);
    const xlsx = join(dir, 'list.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const r = await readCodeListFile(xlsx);
    expect(r.ok && r.function.map((e) => e.code)).toEqual(['2010350', '2080505']);
    expect((await readCodeListFile(join(dir, 'missing.csv'))).ok).toBe(false);
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    const e = await readCodeListFile(empty);
    expect(!e.ok && e.error).toContain('空');
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    expect((await readCodeListFile(bad)).ok).toBe(false);
  });

  it('an XLSX list with a whole-sheet merge and validation is read within the workbook bounds, not hung', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('科目');
    ws.addRow(['编码', '名称']);
    ws.addRow(['2010350', '事业运行']);
    const parts = readParts(new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheet = 'xl/worksheets/sheet1.xml';
    parts.set(
      sheet,
      parts
        .get(sheet)!
        .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations>'),
    );
    const path = join(dir, 'merged.xlsx');
    writeFileSync(path, writeParts(parts));
    const t0 = performance.now();
    const r = await readCodeListFile(path);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.ok && r.function).toEqual([{ code: '2010350', name: '事业运行' }]);
  });

  it('warns on codes outside an imported list only at the levels the list covers, and on names that differ', () => {
    const d = smallDocument();
    d.classification = {
      function: [
        { code: '2010302', name: '一般行政管理事务' },
        { code: '2010350', name: '事业运行（改）' },
      ],
      economic: [],
    };
    d.names['2010350'] = '事业运行'; // as the department printed it
    const f = BudgetSession.open(d).findings();
    const unknown = f.filter((x) => x.rule === 'code.unknown');
    // 2080505 is a 项 and the list covers 项 codes; 类/款 codes are not covered, so no warning for them.
    expect(unknown.map((x) => x.rowKey)).toEqual(['2080505']);
    expect(unknown.every((x) => x.severity === 'warning')).toBe(true);
    expect(f.find((x) => x.rule === 'code.name')).toMatchObject({ severity: 'warning', expected: '事业运行（改）', actual: '事业运行' });
  });

  it('with the built-in list, a code typed in with its name is accepted and is one 提示 “编码不在科目表中” at its row', () => {
    const d = smallDocument();
    expect(addFunctionItem(d, '2050101')).toEqual({ ok: false, reason: '科目 2050101 不在科目表中，请同时填写科目名称' });
    expect(addFunctionItem(d, '2050101', '学前教育')).toEqual({ ok: true });
    expect(addProject(d, { code: '2050101', project: '幼儿园运行补助' })).toMatchObject({ ok: true });
    expect(addEconomicItem(d, '30250', '自定义商品服务款')).toEqual({ ok: true });
    const session = BudgetSession.open(d);
    // One per code (表2 carries the 项; 表3/表5/表7 repeat it), none for its 款 20501 and 类 205.
    const unknown = session.findings().filter((x) => x.rule === 'code.unknown');
    expect(unknown.map((x) => [x.severity, x.table, x.rowKey, x.actual])).toEqual([
      ['warning', 2, '2050101', '2050101'],
      ['warning', 6, '30250', '30250'],
    ]);
    expect(unknown[0]!.message).toBe('表2科目 2050101“学前教育”：编码不在科目表中（内置支出功能分类科目表只收录已公开文件中印有的科目）；如编码无误，可用“文件 → 导入科目表…”导入完整科目表');
    expect(unknown[1]!.message).toContain('表6科目 30250“自定义商品服务款”：编码不在科目表中');
    // The one findings source (status bar, 检查结果, check) lists them.
    expect(checkFindings(session).filter((x) => x.rule === 'code.unknown').map((x) => x.rowKey)).toEqual(['2050101', '30250']);
    // An imported list that holds the code: no 提示 for it.
    d.classification = { function: ['2010302', '2010350', '2080505', '2050101'].map((code) => ({ code, name: d.names[code] ?? BUILTIN_LIST.function.get(code) ?? '学前教育' })), economic: [] };
    expect(BudgetSession.open(d).findings().filter((x) => x.rule === 'code.unknown').map((x) => x.rowKey)).toEqual(['30250']);
  });

  it('a code added in the window gets its 提示 at once, and loses it on 撤销', () => {
    const store = new DocStore(smallDocument());
    const before = store.findings().length;
    expect(store.updateDocument('添加', (d) => addFunctionItem(d, '2050101', '学前教育'))).toEqual({ ok: true });
    expect(store.findings().filter((x) => x.rule === 'code.unknown').map((x) => [x.table, x.rowKey])).toEqual([[2, '2050101']]);
    store.undo();
    expect(store.findings().filter((x) => x.rule === 'code.unknown')).toEqual([]);
    expect(store.findings().length).toBe(before);
  });

});
