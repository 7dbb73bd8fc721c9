import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { warningText } from '../../../shared/importers/packet/warnings';
import type { BudgetDocument } from '../../../shared/model';
import { type TablesJsonTable, tablesJson } from '../../../shared/views/tables-json';

const FIXTURES = new URL('../../fixtures/shanghai/', import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;
/** Every printed number of the 9 tables, typed from the Putuo 2024 部门决算 PDF. */
const EXPECTED = readFileSync(fixture('putuo-finance-2024-final-accounts.expected.txt'), 'utf8');

/**
 * The tables as printed, one line per row with an amount: code (表6: code and name; fixed lines:
 * their label) and the row's columns in order, `_` for a blank cell, amounts with separators.
 */
function printedForm(tables: TablesJsonTable[], doc: BudgetDocument): string {
  const session = BudgetSession.open(doc);
  const sep = (v: string) => {
    const [i = '0', f = ''] = v.split('.');
    return `${Number(i).toLocaleString('en-US')}.${f}`;
  };
  const lines: string[] = [];
  for (const t of tables) {
    lines.push(`表${t.table} ${t.title}`);
    const tpl = session.template.tables.find((x) => x.no === t.table)!;
    for (const r of t.rows) {
      // A fixed line's own columns (both sides print 总计: the one with this line's amounts).
      const line = tpl.kind === 'fixed' ? tpl.rows.filter((x) => x.label === r.name).find((x) => Object.keys(r.values).every((c) => x.cells[c])) : undefined;
      const own = tpl.kind === 'fixed' ? Object.keys(line?.cells ?? {}) : undefined;
      const cols = t.columns.filter((c) => !own || own.includes(c.no) || r.values[c.no]);
      const cells = cols.map((c) => (r.values[c.no] ? sep(r.values[c.no]!) : '_'));
      while (cells.at(-1) === '_') cells.pop();
      if (!cells.length) continue;
      const id = tpl.kind === 'hier' ? (r.code ?? r.name) : r.code ? `${r.code} ${r.name}` : r.name;
      lines.push(`${id} ${cells.join(' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The defects the packet prints, found by hand: each 合计 rounded from 元 on its own. */
const PRINTED_DEFECTS = [
  'sum.lines 表1 out.208 col2 expected 326.72 printed 326.71',
  'sum.rows 表2 total col1 expected 2946.26 printed 2946.25',
  'sum.rows 表2 total col2 expected 2940.06 printed 2940.05',
  'sum.rows 表3 total col1 expected 2940.06 printed 2940.05',
  'sum.rows 表3 total col2 expected 2336.92 printed 2336.91',
  'sum.lines 表4 out.208 col3 expected 326.72 printed 326.71',
  'sum.rows 表5 total col1 expected 2940.06 printed 2940.05',
  'sum.rows 表5 total col2 expected 2336.92 printed 2336.91',
  'sum.lines 表6 e.301 col1 expected 2082.86 printed 2082.85',
  'sum.lines 表6 e.302 col2 expected 171.09 printed 171.07',
];

function findingsOf(doc: BudgetDocument): string[] {
  return BudgetSession.open(doc)
    .findings()
    .flatMap((f) => f.places ?? [f])
    .map((f) => `${f.rule} 表${f.table} ${f.rowKey} col${/第(\d+)栏/.exec(f.column)?.[1] ?? f.column} expected ${f.expected.replace(/,/g, '')} printed ${f.actual.replace(/,/g, '')}`);
}

describe('部门决算: the Putuo 2024 packet of 上海市普陀区财政局', () => {
  it('the PDF: recognised as 部门决算 from the packet, every printed number of the 9 tables reproduced, its printed defects and nothing else found', async () => {
    const r = await importPacketFile(fixture('putuo-finance-2024-final-accounts.pdf'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(warningText)).toEqual([]);
    expect(r.doc).toMatchObject({ template: 'final-accounts', department: '上海市普陀区财政局', year: 2024, unit: '万元' });
    expect(r.summary).toEqual({ tables: [1, 2, 3, 4, 5, 6, 7, 8, 9], rows: expect.any(Number), emptyTables: [8, 9] });
    expect(printedForm(tablesJson(BudgetSession.open(r.doc)), r.doc)).toBe(EXPECTED);
    expect(findingsOf(r.doc).sort()).toEqual([...PRINTED_DEFECTS].sort());
    // Part 1: 单位构成 with its 备注; 名词解释.
    expect(r.doc.profile.units).toEqual([
      { name: '上海市普陀区财政局（本级）' },
      { name: '上海市普陀区财政局财政所', note: '预算不单列，并入本级' },
      { name: '上海市普陀区国库收付中心', note: '预算不单列，并入本级' },
    ]);
    expect(r.doc.profile.functions).toMatch(/^第一条 根据《上海市普陀区机构改革方案》/);
    expect(r.doc.glossary?.map((g) => g.term)).toEqual(['财政拨款收入', '事业收入', '经营收入', '其他收入', '年初结转和结余', '年末结转和结余', '基本支出', '项目支出', '经营支出', '“三公”经费', '机关运行经费']);
  }, 120_000);

  it('the same packet as pdftotext -layout text (amounts printed above their codes): the same tables and findings', () => {
    const r = importAnyPacketText(readFileSync(fixture('putuo-finance-2024-final-accounts.layout.txt'), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(warningText)).toEqual([]);
    expect(r.doc.template).toBe('final-accounts');
    expect(printedForm(tablesJson(BudgetSession.open(r.doc)), r.doc)).toBe(EXPECTED);
    expect(findingsOf(r.doc).sort()).toEqual([...PRINTED_DEFECTS].sort());
  });

  it('re-typed by another department: codes as one string or “201 6 1”, whole amounts, no separators, 0 and 0.00 for blank, a wrapped name, 表6 on single lines', () => {
    const r = importAnyPacketText(readFileSync(fixture('final-accounts-retyped.txt'), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(warningText)).toEqual([]);
    expect(r.doc).toMatchObject({ template: 'final-accounts', department: '上海市某某区某某局', year: 2024 });
    expect(printedForm(tablesJson(BudgetSession.open(r.doc)), r.doc)).toBe(EXPECTED);
    expect(findingsOf(r.doc).sort()).toEqual([...PRINTED_DEFECTS].sort());
    expect(r.doc.functionRows.find((x) => x.code === '2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
  });

  it('a broken identity is reported where it breaks: 表3 行政运行 基本支出 mistyped', () => {
    const text = readFileSync(fixture('final-accounts-retyped.txt'), 'utf8').replace('201 6 1 行政运行 1511.89 1503.52 8.37', '201 6 1 行政运行 1511.89 1503.52 9.37');
    const r = importAnyPacketText(text);
    if (!r.ok) throw new Error(r.error);
    expect(findingsOf(r.doc)).toContain('sum.columns 表3 2010601 col1 expected 1512.89 printed 1511.89');
  });
});
