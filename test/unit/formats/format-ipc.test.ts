import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { withFormat } from '../../../shared/formats/apply';
import { xinjiangBudget2024 } from '../../../shared/formats/xinjiang-budget-2024';
import { newDocument } from '../../../shared/model';
import type { FormatTemplate } from '../../../shared/templates/types';
import { makeHandlers, tempDir } from '../electron/helpers';

/** The built-in format under another id, with table 10 dropped. */
function tenTables(): FormatTemplate {
  const f = structuredClone(xinjiangBudget2024);
  f.id = 'xinjiang-ten-tables';
  f.name = '十张表格式';
  f.tables = f.tables.filter((t) => t.no !== 10);
  f.checks = f.checks.filter((c) => !c.rule.startsWith('t10'));
  return f;
}

describe('文件 → 导入格式… (format:open)', () => {
  it('reads a chosen format file; the session follows the document into it and back', async () => {
    const dir = await tempDir();
    const file = join(dir, 'ten.json');
    writeFileSync(file, JSON.stringify(tenTables()));
    const { h, answers, asked } = await makeHandlers();
    answers.open = file;
    const r = await h['format:open']({});
    if (!r.ok) throw new Error(r.error);
    expect(asked.open[0]?.title).toBe('导入表格格式');
    expect(r.format.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);

    const doc = newDocument('测试局', 2025);
    const s = BudgetSession.open(doc);
    s.replaceDocument(withFormat(s.document, r.format));
    expect(s.template.id).toBe('xinjiang-ten-tables');
    expect(s.layouts.map((l) => l.no)).not.toContain(10);
    s.replaceDocument(doc); // 撤销
    expect(s.template.id).toBe('xinjiang-budget-2024');
    expect(s.layouts).toHaveLength(11);
  });

  it('a broken format file is refused with the field named; an unchosen path is refused', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bad.json');
    const bad = tenTables() as unknown as { tables: Array<{ title: string }> };
    bad.tables[1]!.title = '';
    writeFileSync(file, JSON.stringify(bad));
    const { h, answers } = await makeHandlers();
    answers.open = file;
    const r = await h['format:open']({});
    expect(r).toEqual({ ok: false, error: '无法导入格式“bad.json”：格式文件内容有误：表（tables） → 第 2 项 → 标题（title）：不能为空' });
    const other = await h['format:open']({ path: join(dir, 'other.json') });
    expect(!other.ok && other.error).toMatch(/只能导入您在本次运行中选择或打开的文件/);
  });
});
