import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';
import { type BudgetDocument, documentEditError, loadDocument, newDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';

const valid = () => JSON.parse(serializeDocument(newDocument('测试部门', 2024))) as Record<string, unknown>;

describe('loadDocument', () => {
  it('round-trips a new document', () => {
    const doc = newDocument('昌吉市商务和工业信息化局', 2024, '元');
    const r = loadDocument(serializeDocument(doc));
    expect(r.ok && r.doc).toEqual(doc);
  });

  it('names the field and the reason for wrong types', () => {
    const d = valid();
    d.year = '2024';
    const r = loadDocument(JSON.stringify(d));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/预算年度（year）.*类型不对/);
  });

  it('refuses a document in a format the program does not know, naming it and the formats it has (the window had nothing to show)', () => {
    const d = valid();
    d.template = 'budget-2099';
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toBe(
      '预算文档的表格格式“budget-2099”不是本程序认识的格式（本程序内置：2024 年部门预算公开格式、上海部门预算公开格式（9 张表）、上海单位预算公开格式（9 张表）、部门决算公开格式（9 张表）；文档也没有随附这种格式），无法打开',
    );
  });

  it('refuses a department name over 200 characters, and words bounds and types in Chinese', () => {
    const long = valid();
    long.department = '某'.repeat(40_000);
    expect(loadDocument(JSON.stringify(long))).toEqual({ ok: false, error: '预算文档内容有误：部门名称（department）：部门名称过长（超过 200 个字）' });
    const late = valid();
    late.year = 2500;
    expect(loadDocument(JSON.stringify(late))).toEqual({ ok: false, error: '预算文档内容有误：预算年度（year）：不能大于 2200' });
    const half = valid();
    half.year = 2024.5;
    expect(loadDocument(JSON.stringify(half))).toEqual({ ok: false, error: '预算文档内容有误：预算年度（year）：类型不对（应为整数，实际为小数）' });
    // A name read from a packet's title that runs on is cut to the length a document allows.
    expect(newDocument('某'.repeat(300), 2024).department).toBe('某'.repeat(200));
  });

  it('refuses rows that are not rows by the first and their count, without the schema describing each (19 million ran it out of memory)', () => {
    const d = valid();
    d.functionRows = [{ code: '2010301', values: {} }, ...new Array(150_000).fill(1)];
    const t0 = performance.now();
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toBe('预算文档内容有误：功能分类科目行（functionRows） → 第 2 项：不是一行（应为对象，实际为数字）；共有 150000 项不是一行');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('refuses more rows than a document may hold before reading any (1 million held the window on 正在打开 for minutes; 1.5 million {} took 20 s)', () => {
    const d = valid();
    d.functionRows = new Array(150_000).fill({});
    d.projectRows = new Array(1_350_000).fill({});
    const t0 = performance.now();
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toBe('预算文档内容有误：文档共有 1,500,000 行（功能分类科目行 150,000 行，项目行 1,350,000 行），超过了一份预算文档的上限 200,000 行');
    expect(performance.now() - t0).toBeLessThan(5_000);
    // At the bound a document opens (valid rows, read by the fast path).
    const at = valid();
    at.functionRows = Array.from({ length: INPUT_BOUNDS.maxDocumentRows }, (_, i) => ({ code: String(2_000_000 + i), values: {} }));
    expect(loadDocument(JSON.stringify(at)).ok).toBe(true);
    (at.functionRows as unknown[]).push({ code: '2999999', values: {} });
    expect(documentEditError(at as unknown as BudgetDocument)).toBe('修改后文档将有 200,001 行（功能分类科目行 200,001 行），超过了一份预算文档的上限 200,000 行');
  });

  it('names a missing field', () => {
    const d = valid();
    delete d.department;
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toMatch(/部门名称（department）：缺少此项/);
  });

  it('names a bad amount deep inside a row', () => {
    const d = valid();
    d.functionRows = [{ code: '2010350', values: { '2.3': '12,3' } }];
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toMatch(/功能分类科目行（functionRows） → 第 1 项 → 金额（values） → 2\.3：应为金额文本/);
  });

  it('refuses an unknown (newer) version and asks to upgrade', () => {
    const d = valid();
    d.version = 99;
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toContain('版本 99');
  });

  it('refuses truncated JSON without throwing', () => {
    const text = serializeDocument(newDocument('测试部门', 2024));
    const r = loadDocument(text.slice(0, text.length / 2));
    expect(!r.ok && r.error).toContain('JSON 格式错误');
  });

  it('refuses foreign JSON', () => {
    expect(loadDocument('[1,2,3]').ok).toBe(false);
    expect(loadDocument('{"hello":1}').ok).toBe(false);
    expect(loadDocument('null').ok).toBe(false);
  });

  it('refuses 50 MB of garbage quickly and cleanly', () => {
    let s = 12345;
    const bytes = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = s & 0xff;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const t0 = performance.now();
    const r = loadDocument(text);
    expect(r.ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('an edit checked by the parts it changed (documentEditError with `changed`)', () => {
  const doc = () => structuredClone(syntheticDocument(300));
  it('a form’s or 绩效目标表 edit: its own amounts still checked against the bound and the schema', () => {
    const d = doc();
    d.profile.functions = '负责本部门职能。';
    expect(documentEditError(d, new Set(['profile']))).toBeNull();
    d.performanceTargets = { projects: [{ name: '单位资金项目', goal: '', indicators: [], total: '1000000000' }] };
    // Ten integer digits of 万元: beyond what one amount may be.
    expect(documentEditError(d, new Set(['performanceTargets']))).toMatch(/金额过大/);
    d.performanceTargets = { projects: [{ name: '单位资金项目', goal: '', indicators: [], total: '十万' }] };
    expect(documentEditError(d, new Set(['performanceTargets']))).toMatch(/绩效目标表/);
    d.performanceTargets = { projects: [{ name: '单位资金项目', goal: '', indicators: [], total: '12.5' }] };
    expect(documentEditError(d, new Set(['performanceTargets']))).toBeNull();
  });
  it('rows changed: their codes, amounts and the document’s total are checked as a whole', () => {
    const d = doc();
    d.functionRows.push({ ...d.functionRows[0]!, values: {} });
    expect(documentEditError(d, new Set(['functionRows']))).toMatch(/功能分类科目编码“\d+”重复/);
    const e = doc();
    // Each amount within the bound, their sum not.
    for (const r of e.functionRows.slice(0, 20)) r.values['2.3'] = '900000000';
    expect(documentEditError(e, new Set(['functionRows']))).toMatch(/金额总量超出/);
    // The unit changed reads every amount anew.
    const y = doc();
    for (const r of y.functionRows.slice(0, 20)) r.values['2.3'] = '900000000';
    expect(documentEditError({ ...y, unit: '元' }, new Set(['unit']))).toBeNull();
  });
});
