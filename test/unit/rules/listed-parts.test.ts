import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { checkFindings } from '../../../shared/rules/all-findings';

/**
 * 政府采购 and the vehicles of 国有资产占用情况 are broken down in the text alone (no table holds
 * them): the parts must add up to the total, in every format. Each case edits one figure of a
 * real packet's text.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function parts(text: string): string[] {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return checkFindings(BudgetSession.open(r.doc))
    .filter((f) => f.rule === 'packet.narrative.parts' && f.rowKey === 'text')
    .map((f) => `${f.row}|${f.expected}|${f.actual}`);
}

function edit(name: string, from: string, to: string): string {
  const text = fixture(name);
  expect(text.split(from).length - 1).toBe(1);
  return text.replace(from, to);
}

describe('listed parts of 政府采购, 车辆 and the 三公 changes', () => {
  it('the real packets: only the Putuo 决算’s 政府采购 (251.25 printed, 4.79 + 0 + 246.47 = 251.26)', () => {
    for (const f of ['000_76f4246f7dc2bf91.txt', '003_d8581a66e967af08.txt', '004_b7e4b340c6b3bf95.txt', '001_83be6d852232fd35.txt', 'shanghai/text/putuo-govoffice-2025-budget-dept.layout.txt', 'shanghai/text/putuo-govoffice-2025-budget-unit.layout.txt']) {
      expect(parts(fixture(f)), f).toEqual([]);
    }
    expect(parts(fixture('shanghai/putuo-finance-2024-final-accounts.layout.txt'))).toEqual(['情况说明十一：政府采购|251.26|251.25']);
  });

  it.each([
    ['000 货物 18.92 → 19.82', '000_76f4246f7dc2bf91.txt', '政府采购货物预算 18.92 万元', '政府采购货物预算 19.82 万元', '第三部分十二：政府采购|64.92|64.02'],
    ['003 a vehicle kind 3 → 2', '003_d8581a66e967af08.txt', '其中:一般公务用车3辆', '其中:一般公务用车2辆', '第三部分十二：车辆数|2|3'],
    ['004 a kind’s value below the total', '004_b7e4b340c6b3bf95.txt', '其中：一般公务用车 1 辆，价值 16.32 万元', '其中：一般公务用车 1 辆，价值 13.62 万元', '第三部分十二：车辆价值|13.62|16.32'],
    ['001 其他用车 1 → 2', '001_83be6d852232fd35.txt', '其他用车1辆', '其他用车2辆', '情况说明十一：车辆数|2|1'],
    ['003 三公 total changed, its parts all 0.00', '003_d8581a66e967af08.txt', '“三公”经费预算比上年预算增加 0.00 万元，增长 0.00%', '“三公”经费预算比上年预算减少 0.50 万元，下降 9.16%', '第三部分十：“三公”经费增减|0.00|-0.50'],
    ['001 三公 total change 1.72 → 1.27 (parts 1.65 + 0.00 + 0.07)', '001_83be6d852232fd35.txt', '3.93万元，比上年增加1.72万元', '3.93万元，比上年增加1.27万元', '情况说明七：“三公”经费增减|1.72|1.27'],
    ['Shanghai 共有车辆 0 → 2', 'shanghai/text/putuo-govoffice-2025-budget-dept.layout.txt', '共有车辆0辆', '共有车辆2辆', '其他相关情况说明：车辆数|0|2'],
  ])('planted: %s', (_what, file, from, to, finding) => {
    expect(parts(edit(file, from, to))).toContain(finding);
  });
});
