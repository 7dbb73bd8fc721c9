import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { loadXlsx } from '../excel/helpers';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

/** 文件 → 打印当前表… / 导出当前表为 Excel…: the IPC handlers, called as main calls them. */
describe('one table printed or exported on its own', () => {
  it('导出当前表为 Excel: a workbook with only that table, in the full export’s layout, named after it', async () => {
    const { h, answers, asked } = await makeHandlers();
    const dir = await tempDir();
    answers.save = join(dir, '表2');
    const r = await h['export:xlsx']({ docText: sampleDocText('某某市财政局', '3146.54'), table: 2, formulas: true });
    expect(r).toEqual({ ok: true, path: join(dir, '表2.xlsx') });
    expect(asked.save[0]?.defaultPath).toMatch(/某某市财政局\d{4}年表2 部门收入总体情况表\.xlsx$/);
    const wb = await loadXlsx(await fs.readFile(join(dir, '表2.xlsx')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表2 部门收入总体情况表']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('表2');
    expect(ws.getCell('A2').value).toBe('部门收入总体情况表');
    expect(ws.getCell('A3').value).toBe('编制部门：某某市财政局');
    // The total as a formula over the row's columns, its cached result the amount entered.
    expect(ws.getCell('D7').value).toBe('总计');
    const total = ws.getCell('E7').value as { formula: string; result: number };
    expect(total).toEqual({ formula: 'SUM(F7,M7:P7)', result: 3146.54 });
  });

  it('打印当前表: a PDF of that table only, with 表N, its title and unit, the header again and 表N（续） on each later page', async () => {
    const { h, answers } = await makeHandlers();
    const dir = await tempDir();
    answers.save = join(dir, '表2');
    // 300 lines: 表2 runs over several pages.
    const r = await h['packet:pdf']({ docText: serializeDocument(syntheticDocument(300)), table: 2 });
    expect(r).toEqual({ ok: true, path: join(dir, '表2.pdf') });
    const file = join(dir, '表2.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(2);
    const text = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const first = text(1);
    expect(first).toContain('表2部门收入总体情况表');
    expect(first).toContain('单位：万元');
    expect(first).toContain('功能分类科目编码');
    // Nothing else of the packet: no cover, no 目录, no other table.
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(all).not.toContain('目录');
    expect(all).not.toContain('部门收支总体情况表');
    for (let p = 2; p <= pages; p++) {
      const t = text(p);
      expect(t, `page ${p}`).toContain('表2（续）');
      expect(t, `page ${p}`).toContain('功能分类科目编码');
    }
  }, 120_000);

  it('a table the document’s format does not have is refused in Chinese, before any dialog', async () => {
    const { h, asked } = await makeHandlers();
    const docText = sampleDocText('某某市财政局', '1.00');
    expect(await h['packet:pdf']({ docText, table: 12 })).toEqual({ ok: false, error: '无法打印：此文档的表格格式中没有表12' });
    expect(await h['export:xlsx']({ docText, table: 12 })).toEqual({ ok: false, error: '无法导出：此文档的表格格式中没有表12' });
    expect((await h['export:xlsx']({ docText, table: 0 })).ok).toBe(false);
    expect(asked.save).toEqual([]);
  });
});
