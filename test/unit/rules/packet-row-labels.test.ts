import { describe, expect, test } from 'vitest';
import type { Finding } from '../../../shared/rules/finding';
import { audit, edit, packetText } from './packet-audit-support';

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
});
