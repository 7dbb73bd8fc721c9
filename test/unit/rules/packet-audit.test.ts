import { describe, expect, it } from 'vitest';
import { audit, brief, corrected003, edit, packetText } from './packet-audit-support';

/**
 * `check` on the published packets, against a reviewer's reading of each one (the defects listed
 * in each test were found by hand first), then one planted defect per check on a corrected copy.
 */
describe('the published packets: every defect once, nothing else', () => {
  it('003: the basic total 160.31 (its details give 160.32) is one finding with all its places', () => {
    const f = audit(packetText('003'));
    expect(f.map(brief)).toEqual([
      'error sum.rows 总计',
      'error sum.rows 301 工资福利支出',
      'warning packet.narrative.rate 第三部分五 基本支出增减率',
      'error packet.narrative.staff 第三部分二、第三部分五 退休人员增减',
      'error text.doubled 第三部分二',
      'error text.doubled 第三部分十二',
      // The weights of each 绩效目标表 add to 90 (20+20+30+20; 6×10+20+10; 4×10+7+6+7+20+10).
      'error performance.weights 部门整体绩效目标表',
      'error performance.weights 项目支出绩效目标表“机构运行保障经费”',
      'error performance.weights 项目支出绩效目标表“机构运行补助经费”',
    ]);
    const total = f[0]!;
    expect([total.table, total.column, total.actual, total.expected]).toEqual([3, '2', '160.31', '160.32']);
    expect(total.message).toContain('可能是各数分别四舍五入造成的尾差');
    // Tables 1–6 carry the missing cent up to 342.31 / 232.31; 五（三）'s changes add to 30.14 for the same reason.
    expect(total.places?.map((p) => [p.table, p.row, p.column, p.actual].filter((x) => x !== '').join(' '))).toEqual([
      '1 支出总计 2 342.31',
      '2 总计 1 342.31',
      '2 总计 2 232.31',
      '2 总计 3 232.31',
      '3 总计 1 342.31',
      '3 总计 2 160.31',
      '4 支出总计 2 232.31',
      '4 支出总计 3 232.31',
      '5 总计 1 232.31',
      '5 总计 2 160.31',
      '6 总计 1 160.31',
      '6 总计 1 160.31',
      '0 第三部分五（三） 各项增减额之和 30.14',
      '0 第三部分三 160.31',
      '0 第三部分五 160.31',
      '0 第三部分六 160.31',
    ]);
    expect(f[3]!.message).toBe('第三部分二、第三部分五的原因中写退休人员增加 2 人，第一部分写退休增加 3 人');
    expect(f[4]!.actual).toBe('预算预算');
    expect(f[5]!.actual).toBe('是是');
  });

  it('004: 201 03 (448.21 vs 448.20), 303, the 30110 crosswalk, 五（三） changes, shares of 100.01%, “and”', () => {
    const f = audit(packetText('004'));
    expect(f.map(brief)).toEqual([
      'error sum.rows 20103 政府办公厅（室）及相关机构事务',
      'warning crosswalk.t6.t5 30110 职工基本医疗保险缴费',
      'error sum.rows 303 对个人和家庭的补助',
      'error packet.narrative.sum 第三部分五（三） 各项增减额之和',
      'warning packet.narrative.shares 第三部分五 一般公共预算各类占比合计',
      'error text.latin 第一部分',
      // Five indicators of 18 each.
      'error performance.weights 部门整体绩效目标表',
    ]);
    // Tables 2, 3 and 5 print the same 448.21; 四 and 五 repeat it.
    expect(f[0]!.places?.filter((p) => p.table > 0).map((p) => `${p.table}/${p.column}`)).toEqual(['2/1', '2/2', '2/3', '3/1', '3/2', '5/1', '5/2']);
    expect(f[0]!.places?.filter((p) => p.table === 0).map((p) => p.row)).toEqual(['第三部分四', '第三部分五']);
    expect([f[1]!.actual, f[1]!.expected]).toEqual(['33.17', '33.16']);
    // −61.15 − 2.68 − 4.30 − 2.30 − 0.25 − 0.27 − 0.02 − 240.00 − 83.00 − 3.26 = −397.23; 五（一）: −74.24 − 323.00.
    expect([f[3]!.actual, f[3]!.expected]).toEqual(['-397.23', '-397.24']);
    expect(f[3]!.places).toBeUndefined();
    // 14.60 + 1.82 + 1.20 + 2.28 + 78.73 + 1.38, each right half up.
    expect(f[4]!.actual).toBe('100.01%');
  });

  it('000: 298.61 where the parts give 298.62 (十二（四） has the right figure), 301, 30110, 七 allocation 39.5 of 40, 17 people of 16', () => {
    const f = audit(packetText('000'));
    expect(f.map(brief)).toEqual([
      'error sum.lines 收入总计',
      'error sum.rows 301 工资福利支出',
      'warning crosswalk.t6.t5 30110 职工基本医疗保险缴费',
      'warning packet.narrative.rate 第三部分五 事业运行增减率',
      'error packet.narrative.allocation 第三部分七 项目“机关运行补助” 资金分配情况',
      'warning packet.narrative.staff.target 第三部分十二（四） 绩效指标 保障人员数量',
    ]);
    const places = f[0]!.places!.map((p) => `${p.table} ${p.row} ${p.actual}`);
    expect(places).toContain('0 第三部分十二（四） 预算绩效情况 整体绩效目标涉及金额 298.62');
    expect(places.filter((p) => p.startsWith('0 第三部分') && p.endsWith('298.61'))).toEqual(['0 第三部分一 298.61', '0 第三部分二 298.61', '0 第三部分三 298.61']);
    // 2 + 28 + 2.5 + 2 + 3 + 1 + 1.
    expect([f[4]!.actual, f[4]!.expected]).toEqual(['39.50', '40.00']);
    expect(f[1]!.message).not.toContain('尾差');
  });
});

describe('000 with 表11 carry-over: 十二（四） 当年非财政拨款项目 counts neither this year’s fiscal projects nor the carried-over ones', () => {
  // 表3 项目支出 57.86 = 表5 项目 40.00 + 表11 项目 5.86 (财政拨款) + 12.00 (非财政拨款): 0.00 as printed.
  it('a figure that counts the carried-over 12.00 is a 提示 naming 表11', () => {
    const t = edit(packetText('000'), /当年非财政拨款项\s*目 0个，涉及预算金额 0\.00 万元/g, '当年非财政拨款项目 1个，涉及预算金额 12.00 万元');
    const f = audit(t).filter((x) => x.rule === 'packet.narrative.performance');
    expect(f.map(brief)).toEqual(['warning packet.narrative.performance 第三部分十二（四） 预算绩效情况 当年非财政拨款项目涉及金额']);
    expect([f[0]!.actual, f[0]!.expected]).toEqual(['12.00', '0.00']);
    expect(f[0]!.message).toContain('上年结转结余项目支出（表11 共 17.86）');
  });
});

describe('a corrected copy of 003 gives nothing; each planted defect gives its finding', () => {
  const base = corrected003();
  it('the corrected copy is clean', () => {
    expect(audit(base)).toEqual([]);
  });

  const planted: Array<[string, (t: string) => string, string[]]> = [
    ['五（三） changes against 五（一）', (t) => edit(t, '增加1.41万元，增长12.98%', '增加1.42万元，增长13.09%'), ['error packet.narrative.sum 第三部分五（三） 各项增减额之和']],
    ['四 收入预算包括 against 表4', (t) => edit(t, '收入预算包括:一般公共预算拨款 232.32 万元', '收入预算包括:一般公共预算拨款 223.32 万元'), ['error packet.narrative.table 第三部分四 一般公共预算拨款']],
    [
      '五（二） shares that do not add to 100%',
      (t) => edit(t, '占 9.95%', '占 9.96%'),
      ['error packet.narrative.share 第三部分五 社会保障和就业支出占比', 'warning packet.narrative.shares 第三部分五 一般公共预算各类占比合计'],
    ],
    ['十二（四） 涉及金额 with two digits swapped', (t) => edit(t, '涉及金额342.32万元', '涉及金额342.23万元'), ['error packet.narrative.performance 第三部分十二（四） 预算绩效情况 整体绩效目标涉及金额']],
    ['十二（四） 资金来源', (t) => edit(t, '本级安排\t232.32', '本级安排\t232.02'), ['error packet.narrative.performance 第三部分十二（四） 预算绩效情况 部门整体绩效目标表 财政资金（上级安排＋本级安排）']],
    [
      '十二（四） 上级安排 with no 上级转移支付 in 表1 (the fiscal sum kept)',
      (t) => edit(edit(t, '上级安排\t0.00', '上级安排\t10.00'), '本级安排\t232.32', '本级安排\t222.32'),
      ['warning packet.narrative.performance 第三部分十二（四） 预算绩效情况 部门整体绩效目标表 上级安排'],
    ],
    [
      '十二（四） 非财政拨款项目涉及金额 against 表3',
      (t) => edit(t, '当年非财政拨款项目1个,涉及预算金额110.00万元', '当年非财政拨款项目1个,涉及预算金额101.00万元'),
      ['warning packet.narrative.performance 第三部分十二（四） 预算绩效情况 当年非财政拨款项目涉及金额'],
    ],
    ['十二（四） 财政拨款项目个数', (t) => edit(t, '当年财政拨款项目1个', '当年财政拨款项目2个'), ['error packet.narrative.performance 第三部分十二（四） 预算绩效情况 当年财政拨款项目个数']],
    ['七 资金分配', (t) => edit(t, '劳务费 22.4 万元', '劳务费 22.5 万元'), ['error packet.narrative.allocation 第三部分七 项目“机构运行补助经费” 资金分配情况']],
    ['七 预算安排规模', (t) => edit(t, '预算安排规模：72.00 万元', '预算安排规模：27.00 万元'), ['error packet.narrative.allocation 第三部分七 项目“机构运行补助经费” 预算安排规模', 'error packet.narrative.allocation 第三部分七 项目“机构运行补助经费” 资金分配情况']],
    ['a staff change in a reason', (t) => edit(t, '退休人员增加 3 名', '退休人员增加 4 名', 1), ['error packet.narrative.staff 第三部分二 退休人员增减']],
    ['实有人数', (t) => edit(t, '实有人数 11 人', '实有人数 12 人'), ['error packet.narrative.staff 第一部分 机构设置及人员情况 实有人数']],
    ['保障人员数 beyond the staff', (t) => edit(t, '>=3 人', '>=30 人'), ['warning packet.narrative.staff.target 第三部分十二（四） 绩效指标 保障人员数量']],
    ['the 30110 crosswalk', (t) => edit(edit(t, '301\t10\t职工基本医疗保险缴费\t7.64\t7.64', '301\t10\t职工基本医疗保险缴费\t7.65\t7.65'), '301\t12\t其他社会保障缴费\t0.73\t0.73', '301\t12\t其他社会保障缴费\t0.72\t0.72'), ['warning crosswalk.t6.t5 30110 职工基本医疗保险缴费']],
    ['三 a share of 基本支出 against the amounts it divides', (t) => edit(t, '占 46.83%', '占 46.84%'), ['error packet.narrative.share 第三部分三 基本支出占比', 'warning packet.narrative.shares 第三部分三 支出占比合计']],
    ['二 a share of 一般公共预算 against the income it divides', (t) => edit(t, '占 67.87%', '占 67.88%'), ['error packet.narrative.share 第三部分二 一般公共预算占比', 'warning packet.narrative.shares 第三部分二 收入占比合计']],
    ...(
      [
        ['30108', '机关事业单位基本养老保险缴费', '15.28', '15.29'],
        ['30109', '职业年金缴费', '7.64', '7.65'],
        ['30111', '公务员医疗补助缴费', '0.48', '0.49'],
        ['30113', '住房公积金', '12.27', '12.28'],
      ] as const
    ).map(([code, name, from, to]): [string, (t: string) => string, string[]] => [
      `the ${code} crosswalk`,
      (t) => edit(edit(t, `301\t${code.slice(3)}\t${name}\t${from}\t${from}`, `301\t${code.slice(3)}\t${name}\t${to}\t${to}`), '301\t12\t其他社会保障缴费\t0.73\t0.73', '301\t12\t其他社会保障缴费\t0.72\t0.72'),
      [`warning crosswalk.t6.t5 ${code} ${name}`],
    ]),
    ['a placeholder ××', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项××。'), ['error text.placeholder 第三部分十二']],
    ['a placeholder 待填写', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项（待填写）。'), ['error text.placeholder 第三部分十二']],
    ['a placeholder …… outside 目录', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项……。'), ['error text.placeholder 第三部分十二']],
    ['empty brackets 【】 left from a template', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项【】。'), ['error text.placeholder 第三部分十二']],
    ['用于用于', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项，用于用于。'), ['error text.doubled 第三部分十二']],
    ['a year that is this year where last year’s end is meant', (t) => edit(t, '截至2023年底', '截至2025年底'), ['error text.year 第三部分十二']],
    ['a placeholder', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项XX。'), ['error text.placeholder 第三部分十二']],
    ['a placeholder {单位}', (t) => edit(t, '（一）项目名称：', '（一）{单位}项目名称：'), ['error text.placeholder 第三部分七']],
    ['a value a program did not fill: （undefined十三）', (t) => edit(t, '（一）项目名称：', '（undefined十三）项目名称：'), ['error text.placeholder 第三部分七']],
    ['a rate printed NaN', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项，增长NaN%。'), ['error text.placeholder 第三部分十二']],
    ['a year that is not last year', (t) => edit(t, '截至2023年底', '截至2022年底'), ['error text.year 第三部分十二']],
    ['a year in a heading', (t) => edit(t, '驻北京联络处 2024 年财政拨款“三公”经费预算情况说明', '驻北京联络处 2023 年财政拨款“三公”经费预算情况说明', 2), ['error text.year 第三部分十']],
    ['a doubled word', (t) => edit(t, '本部门无其他需说明事项', '本部门部门无其他需说明事项'), ['error text.doubled 第三部分十二']],
    ['doubled punctuation', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项。。'), ['warning text.punctuation 第三部分十二']],
    ['two different Chinese marks', (t) => edit(t, '本部门无其他需说明事项。', '本部门无其他需说明事项，。'), ['warning text.punctuation 第三部分十二']],
    ['mixed punctuation', (t) => edit(t, '增长 0.00%，主要原因是我单位', '增长 0.00%，,主要原因是我单位', 1), ['warning text.punctuation 第三部分二']],
    ['增加持平', (t) => edit(t, '项目经费预算与上年持平。\n\n三', '项目经费预算增加持平。\n\n三'), ['error text.wording 第三部分二']],
    [
      '0 万元 but 增加',
      (t) => edit(t, '政府性基金预算 0.00 万元，占 0.00%，比上年预算增加 0.00 万元，增长 0.00%', '政府性基金预算 0.00 万元，占 0.00%，比上年预算增加 5.00 万元，增长 0.00%'),
      ['error packet.narrative.rate 第三部分二 政府性基金预算增减率', 'error text.wording 第三部分二'],
    ],
    ['四 财政拨款收支总预算 against 表4', (t) => edit(t, '财政拨款收支总预算 232.32 万元', '财政拨款收支总预算 223.32 万元'), ['error packet.narrative.table 第三部分四 财政拨款收支总预算']],
    ['an empty table without its sentence', (t) => edit(t, '昌吉回族自治州人民政府驻北京联络处 2024 年没有上年结转结余预算安排的支出，上年结转结余情况明细表为空表。\n\n第三部分', '第三部分'), ['warning table.empty.sentence 上年结转结余情况明细表']],
    ['an empty table with another table’s sentence', (t) => edit(t, '国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。', '政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。', 1), ['error table.empty.sentence 国有资本经营预算支出情况表']],
    ['a project 绩效目标表 total', (t) => edit(t, '年度预算总额\t72.00', '年度预算总额\t72.50'), ['error performance.amount 项目支出绩效目标表“机构运行补助经费”']],
  ];
  for (const [what, plant, expected] of planted) {
    it(what, () => {
      expect(audit(plant(base)).map(brief)).toEqual(expected);
    });
  }

  it('dot leaders in 目录 are no placeholder', () => {
    expect(audit(edit(base, '- 一、 主要职能\n', '- 一、 主要职能……………………1\n', 1))).toEqual([]);
  });

  it('the transposed digits are named as such', () => {
    const f = audit(edit(base, '涉及金额342.32万元', '涉及金额342.23万元'));
    expect(f[0]!.message).toContain('疑为录入时数字颠倒');
  });

  it('a wrong printed total is one finding with every identity it breaks', () => {
    const f = audit(edit(base, '总计\t342.32\t232.32\t232.32\t\t\t\t\t\t\t110.00', '总计\t342.33\t232.32\t232.32\t\t\t\t\t\t\t110.00'));
    expect(f.map(brief)).toEqual(['error sum.columns 总计']);
    expect(f[0]!.places?.map((p) => `${p.rule} ${p.table}`)).toEqual(['sum.columns 2', 'sum.rows 2']);
  });
});
