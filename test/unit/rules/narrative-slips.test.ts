import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { checkFindings } from '../../../shared/rules/all-findings';
import type { Finding } from '../../../shared/rules/finding';

/**
 * Slips of the explanation text that only the text itself (or its tables) can show, each planted
 * once in a real packet: a staff change said without whose, a stray half-width comma, 中小企业's
 * share of 政府采购, the year of the 中小企业 sentence, a 决算's 总体 change and 整体支出 执行数, and
 * the Shanghai 编制说明's changes, units and 科目 names. The real packets give none of them.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

const X000 = '000_76f4246f7dc2bf91.txt';
const X003 = '003_d8581a66e967af08.txt';
const X004 = '004_b7e4b340c6b3bf95.txt';
const X001 = '001_83be6d852232fd35.txt';
const SHFA = 'shanghai/putuo-finance-2024-final-accounts.layout.txt';
const SHD = 'shanghai/text/putuo-govoffice-2025-budget-dept.layout.txt';
const SHU = 'shanghai/text/putuo-govoffice-2025-budget-unit.layout.txt';

function check(text: string): Finding[] {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return checkFindings(BudgetSession.open(r.doc));
}

const line = (f: Finding) => `${f.severity} ${f.rule} ${f.row}`;

function edit(name: string, from: string, to: string): string {
  const text = fixture(name);
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

/** What `check` finds in the planted copy and not in the packet as published (as many times as it is new). */
function added(name: string, from: string, to: string): Finding[] {
  const left = check(fixture(name)).map(line);
  return check(edit(name, from, to)).filter((f) => {
    const i = left.indexOf(line(f));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Findings only the checks of this file make (their rows, or their messages' words). */
const ours = (f: Finding) =>
  /\s人员增减$|中小企业|小微企业|整体支出实际执行总额|财政拨款支出预算增减|财政拨款收入与支出增减|主要原因$/.test(f.row) ||
  /半角逗号|单位应为“万元”| 元与表|都没有这一科目|涉及项目预算资金/.test(f.message) ||
  (f.rule === 'packet.narrative.comparison' && /收入支出决算总体情况说明|财政拨款收入支出决算总体情况说明/.test(f.row));

describe('slips of the explanation text, planted in the real packets', () => {
  it('the seven published packets give none of them', () => {
    for (const name of [X000, X003, X004, X001, SHFA, SHD, SHU]) expect(check(fixture(name)).filter(ours).map(line), name).toEqual([]);
  });

  it.each([
    // 第一部分: 在职 11 人，减少 1 人；退休 5 人，增加 1 人 — “较上年减少 1 人” is the 在职 change.
    ['000 a staff change without 在职/退休 (1 → 2)', X000, '较上年减少 1人，相应的公用经费减少', '较上年减少 2人，相应的公用经费减少', ['warning packet.narrative.staff 第三部分十二 人员增减']],
    // 000 writes full-width commas throughout its text.
    ['000 one half-width comma among full-width ones', X000, '收入预算包括：一般公共预算、财政拨款结转结余', '收入预算包括：一般公共预算,财政拨款结转结余', ['warning text.punctuation 第三部分一']],
    ['003 中小企业 reserved above the 政府采购 total', X003, '面向中小企业预留政府采购项目预算金额102.93万元', '面向中小企业预留政府采购项目预算金额120.93万元', ['error packet.narrative.parts 第三部分十二：面向中小企业预留政府采购项目预算金额']],
    ['004 小微企业 above the 中小企业 it is part of', X004, '小微企业预留政府采购项目预算金额 18.65 万元', '小微企业预留政府采购项目预算金额 18.95 万元', ['error packet.narrative.parts 第三部分十二：小微企业预留政府采购项目预算金额']],
    ['003 last year in the 中小企业 sentence', X003, '2024年,昌吉回族自治州人民政府驻北京联络处面向中小企业', '2023年,昌吉回族自治州人民政府驻北京联络处面向中小企业', ['error text.year 第三部分十二']],
    ['001 中小企业 share of 政府采购 (19.89 of 19.89 is 100%)', X001, '授予中小企业合同金额19.89万元，占政府采购支出总额的100.00%', '授予中小企业合同金额19.89万元，占政府采购支出总额的10.00%', ['error packet.narrative.share 情况说明十一：授予中小企业合同金额占比']],
    [
      '001 收入支出总体 增加 for 减少: the rate against 收入总计 340.93',
      X001,
      '收入支出总体与上年相比，减少101.90万元，下降23.01%',
      '收入支出总体与上年相比，增加101.90万元，增长23.01%',
      ['error packet.narrative.comparison 收入支出决算总体情况说明：“与上年相比，增加101.90万元，增长23.01%”'],
    ],
    ['001 财政拨款收入支出总体 rate against 财政拨款收入支出总计 291.78', X001, '财政拨款收入支出总体与上年相比，减少24.70万元，下降7.80%', '财政拨款收入支出总体与上年相比，减少24.70万元，下降8.80%', ['error packet.narrative.comparison 财政拨款收入支出决算总体情况说明：“与上年相比，减少24.70万元，下降8.80%”']],
    ['001 整体支出 实际执行总额 against 本年支出合计 295.38', X001, '实际执行总额295.38万元', '实际执行总额259.38万元', ['warning packet.narrative.table 预算绩效管理情况：整体支出实际执行总额']],
    ['Shanghai 减少 said 增加 in the reason', SHD, '财政拨款收入支出减少的主要原因是项目调整。', '财政拨款收入支出增加的主要原因是项目调整。', ['error text.wording 编制说明：财政拨款收入支出增加的主要原因']],
    [
      'Shanghai a source’s change against 财政拨款支出’s',
      SHD,
      '预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元',
      '预算拨款支出预算9,101.68万元，比2024年预算减少2,398.52万元',
      ['error packet.narrative.parts 编制说明：财政拨款支出预算增减'],
    ],
    ['Shanghai 财政拨款收入 and 支出 changing apart', SHU, '财政拨款收入9,101.68万元，比2024年预算减少2,389.52', '财政拨款收入9,101.68万元，比2024年预算增加2,389.52', ['error packet.narrative.parts 编制说明：财政拨款收入与支出增减']],
    ['Shanghai 元 for 万元', SHD, '科目174.14万元', '科目174.14元', ['error packet.narrative.table 编制说明：“住房保障支出-住房改革支出-住房公积金”']],
    [
      'Shanghai a 科目 the tables lack',
      SHD,
      '相关机构事务-事业运行”科目380.73万元',
      '相关机构事务-机关服务”科目380.73万元',
      ['error packet.narrative.table 编制说明：“一般公共服务支出-政府办公厅（室）及相关机构事务-机关服务”'],
    ],
    ['Shanghai 绩效目标 money above 表3 项目支出 (6,641.00)', SHU, '涉及项目预算资金6626万元', '涉及项目预算资金6662万元', ['error packet.narrative.table 其他相关情况说明：绩效目标涉及项目预算资金']],
  ])('%s', (_what, name, from, to, expected) => {
    expect(added(name, from, to).map(line)).toEqual(expected);
  });

  it('says what is wrong and where', () => {
    const say = (name: string, from: string, to: string) => added(name, from, to).map((f) => f.message);
    expect(say(X000, '较上年减少 1人，相应的公用经费减少', '较上年减少 2人，相应的公用经费减少')).toEqual([
      '第三部分十二写较上年减少 2 人（未写明是在职还是退休人员），第一部分写在职人员减少 1 人，在职、退休、离休合计持平，请核对',
    ]);
    expect(say(X000, '收入预算包括：一般公共预算、财政拨款结转结余', '收入预算包括：一般公共预算,财政拨款结转结余')).toEqual([
      '全角标点的中文句子中夹有半角逗号“,”：第三部分一“…括：一般公共预算,财政拨款结转结余…”',
    ]);
    expect(say(X001, '授予中小企业合同金额19.89万元，占政府采购支出总额的100.00%', '授予中小企业合同金额19.89万元，占政府采购支出总额的10.00%')).toEqual([
      '情况说明十一所述授予中小企业合同金额 19.89 万元占政府采购支出总额的 10.00%，按所述政府采购支出总额 19.89 万元应为 100.00%',
    ]);
    expect(say(X001, '收入支出总体与上年相比，减少101.90万元，下降23.01%', '收入支出总体与上年相比，增加101.90万元，增长23.01%')).toEqual([
      '收入支出决算总体情况说明：增长率应为 42.63%（101.90 ÷ 上年 239.03），文字为 23.01%',
    ]);
    expect(say(SHD, '财政拨款收入支出减少的主要原因是项目调整。', '财政拨款收入支出增加的主要原因是项目调整。')).toEqual([
      '编制说明写“财政拨款收入支出增加的主要原因”，而前文所述财政拨款收入减少 2,389.52 万元，财政拨款支出预算减少 2,389.52 万元',
    ]);
    expect(say(SHD, '科目174.14万元', '科目174.14元')).toEqual(['编制说明所述“住房保障支出-住房改革支出-住房公积金”科目 174.14 元：单位应为“万元”（表5为 174.14 万元）']);
  });

  it('what is not a slip stays quiet', () => {
    // A 科目 stated in 元 to the 分 is its cell (表5 prints 1,741,445.22 元).
    expect(added(SHD, '科目174.14万元', '科目1,741,445.22元')).toEqual([]);
    // Fewer 绩效 projects' money than 项目支出 is not wrong (6,626 of 6,641 in the packet itself).
    expect(added(SHU, '涉及项目预算资金6626万元', '涉及项目预算资金6600万元')).toEqual([]);
    // A change said of a named kind of people other than 在职/退休 (聘用) is not checked against 第一部分.
    expect(added(X000, '较上年减少 1人，相应的公用经费减少', '聘用人员较上年减少 3人，相应的公用经费减少')).toEqual([]);
    // “1 名” for “1 人”: the same 在职 change.
    expect(added(X000, '较上年减少 1人，相应的公用经费减少', '较上年减少 1名，相应的公用经费减少')).toEqual([]);
  });
});
