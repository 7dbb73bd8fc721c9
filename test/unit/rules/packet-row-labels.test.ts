import { describe, expect, test } from 'vitest';
import type { Finding } from '../../../shared/rules/finding';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { audit, corrected003, edit, packetText } from './packet-audit-support';

const P000 = packetText('000');
const ids = (list: readonly Finding[]) => list.map((f) => f.id).sort();

/** What `check` finds in a planted copy of packet 000 that it does not find in the packet as published. */
function added(text: string): Finding[] {
  const before = new Set(ids(audit(P000)));
  return audit(text).filter((f) => !before.has(f.id));
}

describe('rows that make no sense as printed', () => {
  test('the real packets give none of these findings', () => {
    for (const n of ['000', '003', '004'] as const) {
      expect(audit(packetText(n)).filter((f) => f.rule.startsWith('packet.row.'))).toEqual([]);
    }
  });

  test('a 表6 row printed with its code and amounts but no name: one finding naming the code', () => {
    const found = added(edit(P000, '301 01 基本工资 57.05 57.05', '301 01 57.05 57.05', 1));
    expect(found.map((f) => [f.rule, f.table, f.actual, f.message])).toEqual([
      ['packet.row.unnamed', 6, '30101', '表6“一般公共预算基本支出情况表”中科目 30101 所在行没有印名称'],
    ]);
  });

  test('a 表7 款 row without a name: one finding', () => {
    const t7 = P000.indexOf('\n 表 7\n');
    const at = P000.indexOf('201 28 民主党派及工商联事务 40.00 39.00 1.00', t7);
    expect(at).toBeGreaterThan(t7);
    const text = `${P000.slice(0, at)}201 28 40.00 39.00 1.00${P000.slice(at + '201 28 民主党派及工商联事务 40.00 39.00 1.00'.length)}`;
    expect(added(text).map((f) => [f.rule, f.table, f.actual])).toEqual([['packet.row.unnamed', 7, '20128']]);
  });

  test('a 表7 unit row labelled with a project code: one finding, read as the department (no false 相差)', () => {
    const t7 = P000.indexOf('\n 表 7\n');
    const row = '昌吉回族自治州工商业联合会 40.00 39.00 1.00';
    const at = P000.indexOf(row, t7);
    expect(at).toBeGreaterThan(t7);
    const text = `${P000.slice(0, at)}65230024T000000012345 40.00 39.00 1.00${P000.slice(at + row.length)}`;
    const found = added(text);
    expect(found.map((f) => [f.rule, f.table, f.actual, f.expected])).toEqual([['packet.row.unit.code', 7, '65230024T000000012345', '昌吉回族自治州工商业联合会']]);
    expect(found[0]!.severity).toBe('error');
  });

  test('a 表7 unit row printed as its project’s 项 (space-separated packet): one finding, no false 相差', () => {
    const t7 = P000.indexOf('\n 表 7\n');
    const row = '昌吉回族自治州工商业联合会 40.00 39.00 1.00';
    const at = P000.indexOf(row, t7);
    const text = `${P000.slice(0, at)}201 28 02 一般行政管理事务 40.00 39.00 1.00${P000.slice(at + row.length)}`;
    expect(added(text).map((f) => [f.rule, f.table, f.actual])).toEqual([['packet.row.unit.code', 7, '2012802 一般行政管理事务']]);
  });

  // The same department row named like a project (space-separated layout): its own project, and one with a project's ending.
  for (const [what, name] of [
    ['named like its project', '机关运行补助'],
    ['named like a project that is not in the table', '工商联宣传专项经费'],
  ] as const) {
    test(`a 表7 unit row ${what} (space-separated packet): one finding, no false 相差`, () => {
      const t7 = P000.indexOf('\n 表 7\n');
      const row = '昌吉回族自治州工商业联合会 40.00 39.00 1.00';
      const at = P000.indexOf(row, t7);
      expect(at).toBeGreaterThan(t7);
      const text = `${P000.slice(0, at)}${name} 40.00 39.00 1.00${P000.slice(at + row.length)}`;
      const found = added(text);
      expect(found.map((f) => [f.rule, f.severity, f.table, f.actual, f.expected])).toEqual([['packet.row.unit.project', 'error', 7, name, '昌吉回族自治州工商业联合会']]);
      // The published packet's own findings stay as they were (000's 七 allocation 39.5 of 40 is a real 相差).
      expect(audit(text).length).toBe(audit(P000).length + 1);
    });
  }
});

/**
 * The department's row of 表7 (right under 总计) mislabelled, in the corrected copy of 003 (which
 * gives no finding): each label gives its one finding and nothing else — no 相差 from reading the
 * row as a second project, no sub-unit made up from it — and the packet reads as it would otherwise.
 */
describe('a mislabelled unit row of 表7 in a corrected packet: that finding only', () => {
  const base = corrected003();
  const unitRow = '\t\t\t昌吉回族自治州人民政府驻北京联络处\t\t72.00';
  const department = '昌吉回族自治州人民政府驻北京联络处';
  const read = (text: string) => {
    const r = importPacketText(text);
    if (!r.ok) throw new Error(r.error);
    return { subUnits: r.doc.subUnits, projects: r.doc.projectRows.map((p) => [p.code, p.project, p.unit ?? '', p.values['7.3']]) };
  };
  const asPublished = read(base);

  test('the corrected copy reads one project of the department, and gives no finding', () => {
    expect(asPublished).toEqual({ subUnits: [], projects: [['2010302', '机构运行补助经费', '', '72.00']] });
    expect(audit(base)).toEqual([]);
  });

  const cases: Array<[string, string, string, string]> = [
    ['labelled with its project’s 项 code and name (read as a project before: a false 相差 against 表5)', '201\t03\t02\t一般行政管理事务\t\t72.00', 'packet.row.unit.code', '2010302 一般行政管理事务'],
    ['labelled with a project code', '\t\t\t65230024T000000012345\t\t72.00', 'packet.row.unit.code', '65230024T000000012345'],
    ['labelled with the project code in the 项目名称 column', '\t\t\t\t65230024T000000012345\t72.00', 'packet.row.unit.code', '65230024T000000012345'],
    ['named like its project (read as a sub-unit 机构运行补助经费 before, silently)', '\t\t\t机构运行补助经费\t\t72.00', 'packet.row.unit.project', '机构运行补助经费'],
    ['named like its project, cut short by the print', '\t\t\t机构运行补助经\t\t72.00', 'packet.row.unit.project', '机构运行补助经'],
    ['named like a project that is not in the table (a project’s ending: 经费)', '\t\t\t信访接待专项工作经费\t\t72.00', 'packet.row.unit.project', '信访接待专项工作经费'],
    ['named like a project that is not in the table (a project’s ending: 补助)', '\t\t\t驻京联络处运转补助\t\t72.00', 'packet.row.unit.project', '驻京联络处运转补助'],
    ['printed without a name (two false “应为空” errors before)', '\t\t\t\t\t72.00', 'packet.row.unit.unnamed', ''],
  ];
  for (const [what, row, rule, actual] of cases) {
    test(what, () => {
      const text = edit(base, unitRow, row, 1);
      const found = audit(text);
      expect(found.map((f) => [f.rule, f.severity, f.table, f.actual, f.expected])).toEqual([[rule, 'error', 7, actual, department]]);
      expect(found.filter((f) => f.message.includes('相差'))).toEqual([]);
      expect(read(text)).toEqual(asPublished);
    });
  }

  test('the findings say what was printed and how it was read', () => {
    const msg = (row: string) => audit(edit(base, unitRow, row, 1))[0]!.message;
    expect(msg('201\t03\t02\t一般行政管理事务\t\t72.00')).toBe(
      `表7“一般公共预算项目支出情况表”的单位行印的是编码“2010302 一般行政管理事务”，应为单位名称（如“${department}”）；已按本部门读取`,
    );
    expect(msg('\t\t\t机构运行补助经费\t\t72.00')).toBe(`表7“一般公共预算项目支出情况表”总计下的单位行印的是项目名称“机构运行补助经费”，应为单位名称（如“${department}”）；已按本部门读取`);
    expect(msg('\t\t\t\t\t72.00')).toBe(`表7“一般公共预算项目支出情况表”总计下的单位行没有印单位名称（应为“${department}”）；已按本部门读取`);
  });

  test('a real sub-unit row is still a sub-unit (only a project’s name or a code is misread)', () => {
    const text = edit(base, unitRow, '\t\t\t驻京信访工作组\t\t72.00', 1);
    expect(read(text).subUnits).toEqual(['驻京信访工作组']);
    expect(audit(text).filter((f) => f.rule.startsWith('packet.row.'))).toEqual([]);
  });
});
