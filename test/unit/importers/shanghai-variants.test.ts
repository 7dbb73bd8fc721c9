import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import type { PacketImport } from '../../../shared/importers/packet/import-text';
import { warningText } from '../../../shared/importers/packet/warnings';
import { shanghaiTitle } from '../../../shared/importers/shanghai/detect';
import { importShanghaiText } from '../../../shared/importers/shanghai/import';
import { type TablesJsonTable, tablesJson } from '../../../shared/views/tables-json';

/**
 * The Putuo 2025 packets as `pdftotext -layout` reads them (test/fixtures/shanghai/text/*.layout.txt,
 * from /work/shared/disclosures/shanghai/*.pdf), and the same packets printed the other ways other
 * departments print them: made here from the real text by string edits, each imported and its
 * tables compared with the original's.
 */
const text = (name: string) => readFileSync(new URL(`../../fixtures/shanghai/text/${name}`, import.meta.url), 'utf8');
const DEPT = text('putuo-govoffice-2025-budget-dept.layout.txt');
const UNIT = text('putuo-govoffice-2025-budget-unit.layout.txt');

function imported(raw: string): PacketImport {
  const r = importShanghaiText(raw);
  if (!r) throw new Error('not read as a Shanghai packet');
  if (!r.ok) throw new Error(r.error);
  return r;
}
const tables = (r: PacketImport): TablesJsonTable[] => tablesJson(BudgetSession.open(r.doc));
const warnings = (r: PacketImport) => r.warnings.map(warningText);
const row = (ts: TablesJsonTable[], table: number, code: string) => ts.find((t) => t.table === table)!.rows.find((r) => (r.code ?? r.name) === code);

/** Replace the one line that matches `re` (in the table whose title matches `within`; the test fails when it is not exactly one). */
function editLine(raw: string, re: RegExp, edit: (line: string) => string, within?: RegExp): string {
  const lines = raw.split('\n');
  const { from, to } = within ? tableBlock(lines, within) : { from: 0, to: lines.length };
  const at = lines.flatMap((l, i) => (i >= from && i <= to && re.test(l) ? [i] : []));
  expect(at).toHaveLength(1);
  lines[at[0]!] = edit(lines[at[0]!]!);
  return lines.join('\n');
}

/** Lines of the table region starting at the title matched by `title` (title … its 合计/总计 line). */
function tableBlock(lines: readonly string[], title: RegExp): { from: number; to: number } {
  const from = lines.findIndex((l) => title.test(l) && !l.includes('…'));
  let to = from + 1;
  while (to < lines.length && !/^\s*(合计|收入总计)\s+\d/.test(lines[to]!)) to++;
  return { from, to };
}

/** The number of a table region's row lines (a code or a numbered label, with amounts). */
const isRowLine = (l: string) => /^\s*\d{3}(\s|\d)/.test(l) && /\d\.\d\d\s*$/.test(l);

const ORIGINAL = { dept: tables(imported(DEPT)), unit: tables(imported(UNIT)) };

describe('the Putuo packets read from the laid-out text', () => {
  it('both packets import with no warning (the baseline the variants compare with)', () => {
    for (const raw of [DEPT, UNIT]) expect(warnings(imported(raw))).toEqual([]);
    expect(row(ORIGINAL.dept, 3, '2010302')!.values).toEqual({ '1': '46140000.00', '3': '46140000.00' });
    expect(ORIGINAL.dept.find((t) => t.table === 9)!.rows[0]!.values).toEqual({ '1': '867.50', '2': '839.00', '3': '28.50', '7': '213.28' });
  });
});

describe('a dash printed for a zero amount holds its column', () => {
  for (const dash of ['-', '—', '–', '－']) {
    it(`表9 “867.50 839.00 28.50 ${dash} ${dash} ${dash} 213.28”: the 三公 row is read, 213.28 stays 机关运行经费`, () => {
      const v = editLine(DEPT, /^\s*867\.50\s+839\.00\s+28\.50\s+213\.28\s*$/, (l) => l.replace('28.50', `28.50     ${dash}     ${dash}     ${dash}`));
      const r = imported(v);
      expect(warnings(r)).toEqual([]);
      expect(tables(r)).toEqual(ORIGINAL.dept);
      expect(tables(r).find((t) => t.table === 9)!.rows[0]!.values).toEqual({ '1': '867.50', '2': '839.00', '3': '28.50', '7': '213.28' });
    });
  }

  it('表3 201 03 02 with “-” for 基本支出: 项目支出 46,140,000.00 stays in its column, totals unchanged', () => {
    const v = editLine(DEPT, /^201\s+03\s+02\s.*46,140,000\.00\s+46,140,000\.00\s*$/, (l) => l.replace(/46,140,000\.00\s+46,140,000\.00/, '46,140,000.00        -        46,140,000.00'), /^\s*2025年部门支出预算总表\s*$/);
    const r = imported(v);
    expect(warnings(r)).toEqual([]);
    expect(tables(r)).toEqual(ORIGINAL.dept);
    expect(row(tables(r), 3, '2010302')!.values).toEqual({ '1': '46140000.00', '3': '46140000.00' });
    expect(r.doc.functionRows.find((x) => x.code === '2010302')!.values['3.3']).toBe('46140000.00');
  });

  it('表1 “2. 政府性基金  -”, 表4 “二、政府性基金  —”: a dash on a two-sided table’s income line is a zero', () => {
    let v = editLine(DEPT, /^2\. 政府性基金\s+三、卫生健康支出/, (l) => l.replace('2. 政府性基金', '2. 政府性基金   -'));
    v = editLine(v, /^二、政府性基金\s+二、社会保障和就业支出/, (l) => l.replace('二、政府性基金', '二、政府性基金  —'));
    const r = imported(v);
    expect(warnings(r)).toEqual([]);
    expect(tables(r)).toEqual(ORIGINAL.dept);
  });
});

describe('a table continued on a new page that prints its title, 编制部门 line and header again', () => {
  /** After the 5th row of every table with more rows, a form feed and the table's title and header again (as pdftotext prints a new page). */
  function pageSplit(raw: string): string {
    const lines = raw.split('\n');
    const out: string[] = [];
    let header: string[] = [];
    let rows = 0;
    lines.forEach((l, i) => {
      if (/编制(部门|单位)/.test(lines[i + 1] ?? '') && !l.includes('…')) {
        let j = i + 1;
        while (j < lines.length && !isRowLine(lines[j]!)) j++;
        header = lines.slice(i, j);
        rows = 0;
      }
      out.push(l);
      if (header.length && isRowLine(l) && ++rows === 5) out.push(`\f${header[0]!.replace(/^\f/, '')}`, ...header.slice(1));
    });
    return out.join('\n');
  }

  for (const [name, raw] of [['dept', DEPT], ['unit', UNIT]] as const) {
    it(`${name}: every row after the break is read (tables 2, 3, 5, 8 whole), no warning`, () => {
      const v = pageSplit(raw);
      expect(v.split('\f').length).toBeGreaterThan(raw.split('\f').length + 3);
      const r = imported(v);
      expect(warnings(r)).toEqual([]);
      expect(tables(r)).toEqual(ORIGINAL[name]);
      expect(row(tables(r), 3, '2210203')!.values).toEqual({ '1': '1867680.00', '2': '1867680.00' });
      expect(row(tables(r), 8, '31002')!.values).toEqual({ '1': '200000.00', '3': '200000.00' });
    });
  }

  it('a table printed twice whole (title to 合计, twice) is read once and reported', () => {
    const lines = DEPT.split('\n');
    const { from, to } = tableBlock(lines, /^\s*2025年部门收入预算总表\s*$/);
    const v = [...lines.slice(0, to + 1), ...lines.slice(from, to + 1), ...lines.slice(to + 1)].join('\n');
    const r = imported(v);
    expect(warnings(r)).toEqual([`表2 第 ${to + 2} 行：本表标题重复出现，后一份已略去`]);
    expect(tables(r)).toEqual(ORIGINAL.dept);
  });
});

describe('table titles in the other forms Shanghai packets print them', () => {
  const titled = (raw: string, edit: (title: string) => string) =>
    raw
      .split('\n')
      .map((l) => {
        const m = /^(\s*)(2025年(?:部门|单位).*表)\s*$/.exec(l.replace(/^\f/, ''));
        return m && shanghaiTitle(m[2]!) ? `${l.startsWith('\f') ? '\f' : ''}${m[1]}${edit(m[2]!)}` : l;
      })
      .join('\n');
  const forms: Array<[string, (title: string, no: number) => string]> = [
    ['表1  2025年部门…', (t, no) => `表${no}  ${t}`],
    ['上海市普陀区人民政府办公室2025年部门…', (t) => `上海市普陀区人民政府办公室${t}`],
    ['2025年度部门…', (t) => t.replace('2025年', '2025年度')],
    ['部门… (no year)', (t) => t.replace('2025年', '')],
  ];
  for (const [name, form] of forms) {
    for (const [variant, raw] of [['dept', DEPT], ['unit', UNIT]] as const) {
      it(`${variant}: ${name}`, () => {
        const v = titled(raw, (t) => form(t, shanghaiTitle(t)!.no));
        expect(v).not.toBe(raw);
        const r = imported(v);
        expect(r.doc.template).toBe(variant === 'dept' ? 'shanghai-budget' : 'shanghai-budget-unit');
        expect(r.doc).toMatchObject({ department: '上海市普陀区人民政府办公室', year: 2025 });
        expect(warnings(r)).toEqual([]);
        expect(tables(r)).toEqual(ORIGINAL[variant]);
      });
    }
  }

  it('contents lines and sentences naming a table are not titles', () => {
    const names = ['上海市普陀区人民政府办公室'];
    expect(shanghaiTitle('表2 2025年部门收入预算总表', names)).toEqual({ no: 2, year: 2025, variant: 'dept' });
    expect(shanghaiTitle('附表3：2025年度预算单位支出预算总表', names)).toEqual({ no: 3, year: 2025, variant: 'unit' });
    expect(shanghaiTitle('上海市普陀区2025年部门收入预算总表', names)).toEqual({ no: 2, year: 2025, variant: 'dept' });
    expect(shanghaiTitle('2. 2025年部门收入预算总表 …………………………', names)).toBeUndefined();
    expect(shanghaiTitle('详见2025年部门收入预算总表', names)).toBeUndefined();
    expect(shanghaiTitle('上海市某某局2025年部门收入预算总表', names)).toBeUndefined();
  });
});

describe('page footers between rows', () => {
  const footers: Array<[string, (n: number) => string]> = [
    ['- 8 -', (n) => `                                  - ${n} -`],
    ['— 8 —', (n) => `                                  — ${n} —`],
    ['第 8 页 共 30 页', (n) => `                                  第 ${n} 页 共 30 页`],
    ['第8页共30页', (n) => `                                  第${n}页共30页`],
    ['第 8 页', (n) => `                                  第 ${n} 页`],
    ['8', (n) => `                                  ${n}`],
  ];
  for (const [name, footer] of footers) {
    it(`“${name}” after every 4th row is dropped: not joined to a name, not read as an amount`, () => {
      let n = 0;
      let page = 5;
      const v = DEPT.split('\n')
        .flatMap((l) => (isRowLine(l) && ++n % 4 === 0 ? [l, '', footer(page++), ''] : [l]))
        .join('\n');
      expect(page).toBeGreaterThan(15);
      const r = imported(v);
      expect(warnings(r)).toEqual([]);
      expect(tables(r)).toEqual(ORIGINAL.dept);
      expect(row(tables(r), 2, '2210201')!.name).toBe('住房公积金');
      for (const t of tables(r)) for (const x of t.rows) expect(x.name ?? '').not.toMatch(/页|-\d|\d-/);
    });
  }
});

describe('a part of a packet', () => {
  it('pages 6–12 of the 部门 packet (tables 1–3 only) are imported, the other tables reported missing', () => {
    const part = DEPT.split('\f').slice(5, 12).join('\f');
    expect(part).toContain('2025年部门支出预算总表');
    expect(part).not.toContain('2025年部门财政拨款收支预算总表');
    const r = imported(part);
    expect(r.summary.tables).toEqual([1, 2, 3]);
    expect(r.doc).toMatchObject({ department: '上海市普陀区人民政府办公室', year: 2025 });
    for (const no of [4, 5, 6, 7, 8, 9]) expect(warnings(r).some((w) => w.startsWith(`表${no}：没有找到表${no}`))).toBe(true);
    // 表1's 财政拨款收入 is computed from 表4, which is not there: said once, not as a false mismatch.
    expect(warnings(r).filter((w) => w.includes('不符'))).toEqual([]);
    expect(warnings(r)).toContain('表1：本表部分数由文件中没有的表4计算（现按 0 计），这些印制数未能核对');
    for (const no of [2, 3]) expect(tables(r).find((t) => t.table === no)).toEqual(ORIGINAL.dept.find((t) => t.table === no));
  });

  it('the contents pages alone (pages 1–5) are not a packet to import', () => {
    expect(importShanghaiText(DEPT.split('\f').slice(0, 5).join('\f'))).toBeUndefined();
  });

  it('the Xinjiang packets are not taken for Shanghai ones', () => {
    for (const f of ['000_76f4246f7dc2bf91.txt', '003_d8581a66e967af08.txt', '004_b7e4b340c6b3bf95.txt']) {
      expect(importShanghaiText(readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8'))).toBeUndefined();
    }
  });
});
