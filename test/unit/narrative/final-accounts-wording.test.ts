import { describe, expect, it } from 'vitest';
import { changeAgainst, completionBp, printedRate, rateReachable, relation, varianceBp } from '../../../shared/narrative/final-accounts/comparison';
import { comparisonClaims, comparisonProblems } from '../../../shared/narrative/final-accounts/wording';

/** 上海市普陀区财政局 2024年度部门决算, 第三部分 五（三）, as the PDF's text layer reads (line breaks kept). */
const PUTUO_GB_ITEMS = `（三）一般公共预算财政拨款支出决算具体情况
一般公共预算财政拨款支出年初预算为 2993.92 万元，支出决算为 2940.05 万元，完
成年初预算的98.20%。决算数小于预算数的主要原因：因年度工作计划安排，个别信
息化项目和中介机构服务调减。其中：
1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人
员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为 1511.89 万
元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。
2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：
局财政业务指导与宣传等基本支出。年初预算为 10.00 万元，支出决算为 10.00 万元。
决算数与预算数基本持平。
3、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：信息化
系统日常维护费等支出。年初预算为 135.90 万元，支出决算为 135.25 万元。决算数小于
预算数的主要原因：因产业政策扶持资金管理系统项目进度，调减相关经费。
4、一般公共服务支出（类）财政事务（款）财政委托业务支出（项）。主要用于：
委托中介机构开展各类审计及绩效评价工作。年初预算为 450.52 万元，支出决算为
449.52 万元。决算数小于预算数的主要原因：因个别项目评审费未能实施或未来得及
支付完毕，于明年重新申请。
5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休
（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为 84.65 万
元。决算数小于预算数的主要原因：预算按充分保障预估，实际执行基本贴合预期。
6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老
保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为
161.62 万元，支出决算为 160.75 万元。决算数小于预算数的主要原因：预算按充分保
障预估，实际执行基本贴合预期。
7、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金
缴费支出（项）。主要用于：在职人员的职业年金缴费支出。年初预算为 80.81 万
元，支出决算为 80.38 万元。决算数小于预算数的主要原因：预算按周全保障测算，实
际执行基本贴合预期。
8、社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老
支出（项）。主要用于：退休人员经费支出。年初预算为 0.94 万元，支出决算为
0.94 万元。决算数与预算数基本持平。
9、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：
在职人员基本医疗保险费。年初预算为 62.29 万元，支出决算为 60.99 万元。决
算数小于预算数的主要原因：预算按周全保障测算，实际执行基本贴合预期。
10、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：缴纳在
职人员住房公积金。年初预算为 187.75 万元，支出决算为 187.19 万元。决算数小于预
算数的主要原因：预算按周全保障测算，实际执行基本贴合预期。
11、住房保障支出（类）住房改革支出（款）购房补贴（项）。主要用于：缴纳在职
人员住房购房补贴。年初预算为 258.50 万元，支出决算为 258.50 万元。决算数与预算
数基本持平。`;

/** Putuo 七（一）: the 三公 total against its budget, the items with 完成率 only, then 小于 said of the total. */
const PUTUO_3P = `“三公”经费财政拨款支出年初预算为 0.95 万元，支出决算为 0.00 万元，完成预算的
0%，其中：因公出国（境）费决算为 0.00 万元，完成预算的0%；公务用车购置及运行
维护费支出决算为 0.00 万元，完成预算的0%；公务接待费支出决算为 0.00 万元，完成
预算的0%。2024年度“三公”经费支出决算数小于预算数的主要原因：当年度无“三
公”经费支出。`;

/** Putuo 一, 五（一）, 十一（一）: changes against 2023. */
const PUTUO_CHANGES = `上海市普陀区财政局2024年度收入支出总计 2995.39 万元。与2023年度相比，收入
支出总计减少 56.95 万元，下降1.87%。主要原因：基本支出中人员进出及退休变化。
一般公共预算财政拨款支出 2940.05 万元，占本年支出合计的100.00%。与2023年
度相比，一般公共预算财政拨款支出减少 63.14 万元，下降2.10%。
机关运行经费支出 184.65 万元，比2023年度增加 2.55 万元，增长1.40%。主要原因是
优化办公环境、提升照明效率。`;

/** 昌吉回族自治州工商业联合会 2024年度部门决算 (001), 四, 五（三） items 1, 4, 5, 11, 九 and 十（一）. */
const XJ_001 = `收入支出总体与上年相比，减少101.90万元，下降23.01%，主要原因是：本年减少榆树沟镇曙光村西甜瓜交易市场基础设施建设项目。
财政拨款收入支出总体与上年相比，减少24.70万元，下降7.80%，主要原因是：本年减少“为民办实事”工作队经费项目，导致经费较上年减少。与年初预算相比，年初预算数286.61万元，决算数291.78万元，预决算差异率1.80%，主要原因是：年中追加人员工资、社保、公积金基数调增部分资金，导致预决算存在差异。
1.一般公共服务支出(类)民主党派及工商联事务(款)行政运行(项):支出决算数为140.05万元，比上年决算减少8.68万元，下降5.84%,主要原因是：本年度减少在职人员津贴补贴。
4.一般公共服务支出(类)民主党派及工商联事务(款)其他民主党派及工商联事务支出(项):支出决算数为1.65万元，比上年决算增加1.65万元，增长100.00%,主要原因是：本年增加参加2023（第九届）格鲁吉亚－中国新疆商品展览会项目经费。
5.一般公共服务支出(类)组织事务(款)其他组织事务支出(项):支出决算数为0.00万元，比上年决算减少6.00万元，下降100.00%,主要原因是：本年减少为民办实事经费。
11.卫生健康支出(类)行政事业单位医疗(款)公务员医疗补助(项):支出决算数为0.69万元，比上年决算减少0.01万元，下降1.43%,主要原因是：本年在职人员调入调出。
2024年度财政拨款“三公”经费支出3.93万元，比上年增加1.72万元，增长77.83%，主要原因是：本年因业务需求。其中：因公出国（境）费支出1.65万元，占41.98%，比上年增加1.65万元，增长100.00%，主要原因是：本年因业务需求。公务用车购置及运行维护费支出2.15万元，占54.71%，比上年增加0.00万元，增长0.00%，主要原因是：本单位公务用车运行维护费与上年一致无变化。公务接待费支出0.13万元，占3.31%，比上年增加0.07万元，增长116.67%，主要原因是：本年因业务需求。
与全年预算相比，财政拨款“三公”经费支出全年预算数3.93万元，决算数3.93万元，预决算差异率0.00%，主要原因是：严格按照预算执行，预决算无差异。
2024年度昌吉回族自治州工商业联合会（行政单位和参照公务员法管理事业单位）机关运行经费支出14.98万元，比上年减少7.54万元，下降33.48%，主要原因是：严格控制公用经费。`;

const messages = (text: string) => comparisonProblems(text).map((p) => `${p.severity}|${p.message}`);

describe('部门决算 comparisons: the numbers', () => {
  it('完成率, 预决算差异率 and the change against last year, on printed hundredths of 万元', () => {
    // Putuo 五（三）: 2,940.05 of 2,993.92 = 98.2007% → 98.20%.
    expect(completionBp(294005, 299392)).toBe(9820);
    // 001 四: (291.78 − 286.61) / 286.61 = 1.8038% → 1.80%.
    expect(varianceBp(29178, 28661)).toBe(180);
    expect(varianceBp(28661, 29178)).toBe(-177);
    expect(completionBp(0, 95)).toBe(0);
    expect(completionBp(5, 0)).toBeNull();
    expect(relation(294005, 299392)).toBe('less');
    expect(relation(1000, 1000)).toBe('equal');
    // Putuo 一: 2,995.39 against 3,052.34 last year → 减少 56.95, 下降 1.87%.
    expect(changeAgainst(299539, 305234)).toEqual({ word: '减少', rateWord: '下降', amount: 5695, bp: 187 });
    expect(changeAgainst(165, 0)).toEqual({ word: '增加', rateWord: '增长', amount: 165, bp: 10000 });
    expect(changeAgainst(215, 215)).toEqual({ word: '持平', amount: 0, bp: 0 });
  });

  it('a rate is reachable when unrounded figures within 0.005 万元 of the printed ones give it', () => {
    // 0.01 of 0.70: printed 1.43%; anything from 0 (true change 0.00…) to 2.88% (0.02 / 0.695) could be.
    expect(rateReachable(printedRate('1.42')!, 1, 70, 1, 0.5)).toBe(true);
    expect(rateReachable(printedRate('2.90')!, 1, 70, 1, 0.5)).toBe(false);
    // 98.20% of 2,993.92 cannot be 98.21%: the printed figures pin it to 98.2001%–98.2012%.
    expect(rateReachable(printedRate('98.21')!, 294005, 299392, 0.5, 0.5)).toBe(false);
    expect(printedRate('0')).toEqual({ bp: 0, decimals: 0 });
    expect(printedRate('116.67')).toEqual({ bp: 11667, decimals: 2 });
  });
});

describe('部门决算 comparisons read from the real packets', () => {
  it('Putuo 五（三）: twelve pairs of 年初预算 and 决算, each with the word its item says, and nothing wrong', () => {
    const claims = comparisonClaims(PUTUO_GB_ITEMS);
    const pairs = claims.flatMap((c) => (c.kind === 'pair' ? [`${c.budget}>${c.final}:${c.word?.text ?? ''}${c.completion ? `:${c.completion.bp}` : ''}`] : []));
    expect(pairs).toEqual([
      '299392>294005:小于:9820',
      '156005>151189:小于',
      '1000>1000:基本持平',
      '13590>13525:小于',
      '45052>44952:小于',
      '8555>8465:小于',
      '16162>16075:小于',
      '8081>8038:小于',
      '94>94:基本持平',
      '6229>6099:小于',
      '18775>18719:小于',
      '25850>25850:基本持平',
    ]);
    expect(messages(PUTUO_GB_ITEMS)).toEqual([]);
  });

  it('Putuo 七（一）: 小于 is said of the 三公 total (0.95 → 0.00), the items give 完成率 alone; no problem', () => {
    const claims = comparisonClaims(PUTUO_3P);
    expect(claims.map((c) => c.kind)).toEqual(['pair', 'final-rate', 'final-rate', 'final-rate']);
    expect(claims[0]).toMatchObject({ budget: 95, final: 0, completion: { bp: 0, decimals: 0 }, word: { text: '小于' } });
    expect(messages(PUTUO_3P)).toEqual([]);
  });

  it('Putuo changes against 2023 (一, 五（一）, 十一（一）) read with the figure they are of; nothing wrong', () => {
    const changes = comparisonClaims(PUTUO_CHANGES).flatMap((c) => (c.kind === 'change' ? [[c.current, c.word, c.amount, c.rateWord, c.rate.bp]] : []));
    expect(changes).toEqual([
      [299539, '减少', 5695, '下降', 187],
      [294005, '减少', 6314, '下降', 210],
      [18465, '增加', 255, '增长', 140],
    ]);
    expect(messages(PUTUO_CHANGES)).toEqual([]);
  });

  it('001 (工商联): rates against last year and the 预决算差异率 all follow; “增加0.00万元，增长0.00%” should read 持平', () => {
    const claims = comparisonClaims(XJ_001);
    expect(claims.filter((c) => c.kind === 'change')).toHaveLength(11);
    expect(claims.filter((c) => c.kind === 'pair').map((c) => c.kind === 'pair' && [c.budget, c.final, c.variance?.bp])).toEqual([
      [28661, 29178, 180],
      [393, 393, 0],
    ]);
    expect(messages(XJ_001)).toEqual(['warning|增减额为 0（增加 0.00 万元，增长 0.00%），应作持平表述']);
  });
});

describe('planted defects', () => {
  it('大于 where the 决算数 is smaller, 持平 where they differ, 小于 where they print equal', () => {
    expect(messages(PUTUO_GB_ITEMS.replace('1511.89 万\n元。决算数小于', '1511.89 万\n元。决算数大于'))).toEqual([
      'error|决算数 1,511.89 万元小于年初预算 1,560.05 万元，文字却说决算数大于预算数',
    ]);
    expect(messages(PUTUO_GB_ITEMS.replace('135.25 万元。决算数小于\n预算数', '135.25 万元。决算数与预算数持平'))).toEqual([
      'error|决算数 135.25 万元小于年初预算 135.90 万元，文字却说决算数与预算数持平',
    ]);
    expect(messages(PUTUO_GB_ITEMS.replace('10.00 万元。\n决算数与预算数基本持平', '10.00 万元。\n决算数小于预算数'))).toEqual([
      'warning|决算数 10.00 万元与年初预算 10.00 万元印制数相同，文字却说决算数小于预算数（元位差异印制数看不出，请核实）',
    ]);
    // The printed 0.01 万元 difference is real (each figure is within 0.005 of its own): 基本持平 is a 提示 only.
    expect(messages(PUTUO_GB_ITEMS.replace('0.94 万元，支出决算为\n0.94 万元', '0.94 万元，支出决算为\n0.93 万元'))).toEqual([
      'warning|决算数 0.93 万元小于年初预算 0.94 万元（相差 0.01 万元），文字说“基本持平”',
    ]);
  });

  it('a changed 决算数 turns the word and the 完成率 wrong', () => {
    expect(messages(PUTUO_GB_ITEMS.replace('支出决算为 2940.05 万元', '支出决算为 3040.05 万元'))).toEqual([
      'error|决算数 3,040.05 万元大于年初预算 2,993.92 万元，文字却说决算数小于预算数',
      'error|完成率应为 101.54%（3,040.05 ÷ 2,993.92），文字为 98.20%',
    ]);
    expect(messages(PUTUO_GB_ITEMS.replace('98.20%', '98.21%'))).toEqual(['error|完成率应为 98.20%（2,940.05 ÷ 2,993.92），文字为 98.21%']);
    expect(messages(XJ_001.replace('预决算差异率1.80%', '预决算差异率1.90%'))).toContain('error|预决算差异率应为 1.80%（5.17 ÷ 286.61），文字为 1.90%');
    expect(messages(XJ_001.replace('预决算差异率1.80%', '预决算差异率-1.80%'))).toContain('error|决算数 291.78 万元大于年初预算 286.61 万元，预决算差异率却为负数 -1.80%');
  });

  it('增减 wording and rates against last year, with the tolerance of 0.01 万元 rounding', () => {
    expect(messages(PUTUO_CHANGES.replace('下降1.87%', '增长1.87%'))).toEqual(['error|文字说减少 56.95 万元，增减率却用“增长”']);
    expect(messages(PUTUO_CHANGES.replace('下降1.87%', '下降1.97%'))).toEqual(['error|下降率应为 1.87%（56.95 ÷ 上年 3,052.34），文字为 1.97%']);
    // 0.01 of 0.70 is 1.43%; 1.42% is what unrounded figures (e.g. 0.0099 of 0.6975) could give: a 提示.
    expect(messages(XJ_001.replace('下降1.43%', '下降1.42%')).filter((m) => m.includes('1.42'))).toEqual([
      'warning|下降率应为 1.43%（0.01 ÷ 上年 0.70），文字为 1.42%；按未舍入的数可以得到，可能是尾差',
    ]);
    expect(messages(XJ_001.replace('增长100.00%,主要原因是：本年增加参加', '增长50.00%,主要原因是：本年增加参加')).filter((m) => m.includes('50.00'))).toEqual([
      'error|上年为 0（本年 1.65 万元全为增加），增长率应写 100.00%，文字为 50.00%',
    ]);
    expect(messages('支出决算数为1.00万元，比上年决算增加2.00万元，增长200.00%')).toEqual(['error|本年 1.00 万元，却说比上年增加 2.00 万元（上年应为负数）']);
  });
});
