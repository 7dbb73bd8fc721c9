import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LIST } from '../../../shared/classification/names';
import { newDocument } from '../../../shared/model/new-document';
import { codeChoices, searchCodes } from '../../../renderer/state/row-ops';
import { type PrintedCode, printedCodes } from './printed-codes';

const FIXTURES = join(__dirname, '../../fixtures');

/**
 * Every packet we have: the three Xinjiang 部门预算 texts, and the four Shanghai PDFs as
 * `pdftotext -raw` prints them (test/fixtures/shanghai/text/; the 部门决算 packet and template
 * have no importer here). Packet 001 (a 部门决算 of 000's department) prints no coded table.
 */
const PACKETS: Record<string, string> = {
  '000': '000_76f4246f7dc2bf91.txt',
  '003': '003_d8581a66e967af08.txt',
  '004': '004_b7e4b340c6b3bf95.txt',
  'putuo 部门预算': 'shanghai/text/putuo-govoffice-2025-budget-dept.raw.txt',
  'putuo 单位预算': 'shanghai/text/putuo-govoffice-2025-budget-unit.raw.txt',
  'putuo 部门决算': 'shanghai/text/putuo-finance-2024-final-accounts.raw.txt',
  '部门决算模板': 'shanghai/text/final-accounts-template.raw.txt',
};
const printed = (packet: string): PrintedCode[] => printedCodes(readFileSync(join(FIXTURES, PACKETS[packet]!), 'utf8'));
const listed = (code: string) => BUILTIN_LIST[code.startsWith('2') ? 'function' : 'economic'].get(code);

describe('the built-in code lists know every code printed in our packets', () => {
  // Distinct codes read per packet (all / 类 / 款 / 项), counted by hand from the tables, so the
  // reading cannot silently find nothing.
  const counts: Record<string, [number, number, number, number]> = {
    '000': [77, 32, 33, 12],
    '003': [66, 32, 25, 9],
    '004': [79, 33, 34, 12],
    'putuo 部门预算': [49, 8, 29, 12],
    'putuo 单位预算': [49, 8, 29, 12],
    'putuo 部门决算': [83, 8, 64, 11],
    '部门决算模板': [70, 6, 63, 1],
  };
  for (const packet of Object.keys(PACKETS)) {
    it(`${packet}: each printed code at every level is in the list with the printed name`, () => {
      const codes = printed(packet);
      const distinct = [...new Set(codes.map((c) => c.code))];
      const atLength = (n: number) => distinct.filter((c) => c.length === n).length;
      expect([distinct.length, atLength(3), atLength(5), atLength(7)]).toEqual(counts[packet]);
      const wrong = codes.filter((c) => listed(c.code) !== c.name).map((c) => `${c.line}: ${c.code} ${c.name} (列表：${listed(c.code) ?? '无'})`);
      expect(wrong).toEqual([]);
    });
  }

  it('names that wrap in the PDFs are read whole (so the comparison above is with the full name)', () => {
    const name = (packet: string, code: string) => printed(packet).filter((c) => c.code === code).map((c) => c.name);
    expect(new Set(name('putuo 部门决算', '31007'))).toEqual(new Set(['信息网络及软件购置更新']));
    expect(new Set(name('putuo 部门决算', '30212'))).toEqual(new Set(['因公出国（境）费用']));
    expect(new Set(name('部门决算模板', '20799'))).toEqual(new Set(['其他文化旅游体育与传媒支出']));
    expect(new Set(name('000', '2080505'))).toEqual(new Set(['机关事业单位基本养老保险缴费支出']));
    // 表1 prints the 类 of its right side after an amount: 支出 of 220 in packet 000.
    expect(name('000', '220')).toContain('自然资源海洋气象等支出');
  });

  it('every 类 of both classifications is in the list', () => {
    const classes = [...BUILTIN_LIST.function.keys()].filter((c) => c.length === 3);
    expect(classes).toEqual(['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234']);
    expect([...BUILTIN_LIST.economic.keys()].filter((c) => c.length === 3)).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
  });

  it('“教育” in the add-row dialog finds the 教育支出 类 with its printed 款 and 项', () => {
    const doc = newDocument('测试部门', 2025);
    const found = searchCodes(codeChoices(doc, 'function'), '教育');
    expect(found).toEqual([{ code: '2050205', name: '高等教育', path: '教育支出 › 普通教育' }]);
    // And by code prefix.
    expect(searchCodes(codeChoices(doc, 'function'), '205').map((c) => c.code)).toEqual(['2050205']);
    expect(searchCodes(codeChoices(doc, 'economic'), '购置').map((c) => c.code)).toEqual(['30224', '31002', '31003', '31007', '31013', '31019', '31021', '31022']);
  });
});
