import { FUNCTION_CLASSES } from '../templates/budget-2024/function-classes';
import type { ColumnDef, CrossCheckDecl, FixedRowDef, FixedTableTemplate, FormatTemplate, HierTableTemplate, Term } from '../templates/types';
import { FINAL_ACCOUNTS_GLOSSARY, FINAL_ACCOUNTS_NARRATIVE } from './final-accounts-narrative';

/**
 * The 部门决算 (final accounts) packet, Shanghai template: 9 tables, all in 万元.
 *
 * Row and column keys (other modules, e.g. the 决算 情况说明, read cells by these):
 *
 * 表1 收入支出决算总表 (fixed, two-sided). Income col 1 决算数, expenditure col 2 决算数.
 *   income: in.gb 一般公共预算财政拨款收入 (= 表4 in.gb), in.fund (= 表4 in.fund), in.soe (= 表4 in.soe),
 *     in.superior 上级补助收入 (= 表2 total.3), in.business 事业收入 (表2 total.4), in.operating 经营收入
 *     (表2 total.5), in.affiliated 附属单位上缴收入 (表2 total.6), in.other 其他收入 (表2 total.7),
 *     in.sum 本年收入合计, in.nonfiscal 使用非财政拨款结余（含专用结余）(entered), in.carry 年初结转和结余
 *     (entered), in.total 总计.
 *   expenditure: out.<类 code> e.g. out.201 (= 表3 <code>.1), out.sum 本年支出合计, out.distribution
 *     结余分配 (entered), out.carry 年末结转和结余 (entered), out.total 总计.
 * 表2 收入决算表 (function 类/款/项; the table where function rows live): 1 本年收入合计 = 2…7,
 *   2 财政拨款收入, 3 上级补助收入, 4 事业收入, 5 经营收入, 6 附属单位上缴收入, 7 其他收入.
 * 表3 支出决算表 (function): 1 本年支出合计 = 2…6, 2 基本支出, 3 项目支出, 4 上缴上级支出, 5 经营支出,
 *   6 对附属单位补助支出.
 * 表4 财政拨款收入支出决算总表 (fixed, two-sided). Income col 1 决算数: in.gb, in.fund, in.soe (entered),
 *   in.sum 本年收入合计, in.carry 年初财政拨款结转和结余 = in.carry.gb + in.carry.fund + in.carry.soe
 *   (entered), in.total 总计. Expenditure cols 2 合计 = 3+4+5, 3 一般公共预算财政拨款 (= 表5 <code>.1),
 *   4 政府性基金预算财政拨款 (= 表8 <code>.3), 5 国有资本经营预算财政拨款 (= 表9 <code>.3):
 *   out.<类 code>, out.sum 本年支出合计, out.carry 年末财政拨款结转和结余 (3/4/5 entered), out.total 总计.
 * 表5 一般公共预算财政拨款支出决算表 (function): 1 合计 = 2+3, 2 基本支出, 3 项目支出.
 * 表6 一般公共预算财政拨款基本支出决算表 (fixed, two panels side by side, every code printed):
 *   人员经费 panel (income side) col 1 决算数: e.301, e.30101 … e.30199, e.303, e.30301 … e.30399,
 *   in.total 人员经费合计; 公用经费 panel (expenditure side) col 2 决算数: e.302, e.30201 … e.30299,
 *   e.310, e.31001 … e.31099, out.total 公用经费合计. 款 rows are entered, 类 rows and 合计 sum them.
 * 表7 财政拨款“三公”经费支出决算表 (fixed, one row `amount`): odd columns 预算数, even 决算数:
 *   1/2 合计 (= 出国 + 小计 + 接待), 3/4 因公出国（境）费, 5/6 公务用车购置及运行维护费 小计 (= 购置 + 运行),
 *   7/8 公务用车购置费, 9/10 公务用车运行维护费, 11/12 公务接待费.
 * 表8 政府性基金预算财政拨款收入支出决算表, 表9 国有资本经营预算财政拨款收入支出决算表 (function):
 *   1 年初结转和结余, 2 本年收入, 3 本年支出 合计 = 4+5, 4 基本支出, 5 项目支出, 6 年末结转和结余.
 * Hierarchical tables key their rows by code (`201`, `20106`, `2010601`) and their total row `total`.
 */

const t = (table: number, row: string, col: string, coef?: -1): Term & { table: number } => (coef ? { table, row, col, coef } : { table, row, col });
const own = (row: string, col: string): Term => ({ row, col });
const terms = (...refs: Term[]) => ({ terms: refs });
const ENTERED = { entered: true as const };

/** The 26 function 类 the 决算 总表 print, numbered, in order (no 社会保险基金、预备费、转移性支出、债务发行费用). */
const FA_OMITTED = new Set(['209', '227', '230', '233']);
export const FINAL_ACCOUNTS_CLASSES = FUNCTION_CLASSES.filter(([code]) => !FA_OMITTED.has(code));

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 21 → 二十一 (up to 99). */
function numeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens]}十`}${NUMERALS[ones]}`;
}

const FN_CODE = ['类', '款', '项'];

function fnTable(no: number, title: string, columns: ColumnDef[], extra: Partial<HierTableTemplate> = {}): HierTableTemplate {
  return {
    kind: 'hier',
    no,
    title,
    rowSet: 'function',
    levels: ['total', 'class', 'kuan', 'leaf'],
    codeColumns: FN_CODE,
    codeHeader: '支出功能分类科目编码',
    nameHeader: '科目名称',
    totalLabel: '合计',
    columns,
    ...extra,
  };
}

function table1(): FixedTableTemplate {
  const fromT2 = (col: string) => terms(t(2, 'total', col));
  const income: FixedRowDef[] = [
    { key: 'in.gb', label: '一、一般公共预算财政拨款收入', cells: { '1': terms(t(4, 'in.gb', '1')) } },
    { key: 'in.fund', label: '二、政府性基金预算财政拨款收入', cells: { '1': terms(t(4, 'in.fund', '1')) } },
    { key: 'in.soe', label: '三、国有资本经营预算财政拨款收入', cells: { '1': terms(t(4, 'in.soe', '1')) } },
    { key: 'in.superior', label: '四、上级补助收入', cells: { '1': fromT2('3') } },
    { key: 'in.business', label: '五、事业收入', cells: { '1': fromT2('4') } },
    { key: 'in.operating', label: '六、经营收入', cells: { '1': fromT2('5') } },
    { key: 'in.affiliated', label: '七、附属单位上缴收入', cells: { '1': fromT2('6') } },
    { key: 'in.other', label: '八、其他收入', cells: { '1': fromT2('7') } },
  ];
  const incomeLines = income.map((r) => own(r.key, '1'));
  const classes: FixedRowDef[] = FINAL_ACCOUNTS_CLASSES.map(([code, name], i) => ({
    key: `out.${code}`,
    label: `${numeral(i + 1)}、${name}`,
    cells: { '2': terms(t(3, code, '1')) },
  }));
  return {
    kind: 'fixed',
    no: 1,
    title: '收入支出决算总表',
    lineHeader: '项目',
    expenditureLineHeader: '项目',
    columns: [
      { no: '1', name: '决算数', group: ['收入'], role: 'derived' },
      { no: '2', name: '决算数', group: ['支出'], role: 'derived' },
    ],
    rows: [
      ...[
        ...income,
        { key: 'in.sum', label: '本年收入合计', pairWith: 'out.sum', cells: { '1': terms(...incomeLines) } },
        { key: 'in.nonfiscal', label: '使用非财政拨款结余（含专用结余）', cells: { '1': ENTERED } },
        { key: 'in.carry', label: '年初结转和结余', cells: { '1': ENTERED } },
        { key: 'in.total', label: '总计', cells: { '1': terms(own('in.sum', '1'), own('in.nonfiscal', '1'), own('in.carry', '1')) } },
      ].map((r): FixedRowDef => ({ ...r, side: 'income' })),
      ...[
        ...classes,
        { key: 'out.sum', label: '本年支出合计', cells: { '2': terms(...classes.map((r) => own(r.key, '2'))) } },
        { key: 'out.distribution', label: '结余分配', cells: { '2': ENTERED } },
        { key: 'out.carry', label: '年末结转和结余', cells: { '2': ENTERED } },
        { key: 'out.total', label: '总计', cells: { '2': terms(own('out.sum', '2'), own('out.distribution', '2'), own('out.carry', '2')) } },
      ].map((r): FixedRowDef => ({ ...r, side: 'expenditure' })),
    ],
    note: '本表反映部门本年度的总收支和年末结转结余情况。',
  };
}

function table4(): FixedTableTemplate {
  const classes: FixedRowDef[] = FINAL_ACCOUNTS_CLASSES.map(([code, name], i) => ({
    key: `out.${code}`,
    label: `${numeral(i + 1)}、${name}`,
    side: 'expenditure',
    cells: {
      '2': terms(own(`out.${code}`, '3'), own(`out.${code}`, '4'), own(`out.${code}`, '5')),
      '3': terms(t(5, code, '1')),
      '4': terms(t(8, code, '3')),
      '5': terms(t(9, code, '3')),
    },
  }));
  const sumOf = (col: string) => terms(...classes.map((r) => own(r.key, col)));
  const byFund = (key: string, col: string) => terms(own(key, col), own(key === 'out.sum' ? 'out.carry' : key, col));
  return {
    kind: 'fixed',
    no: 4,
    title: '财政拨款收入支出决算总表',
    lineHeader: '项目',
    expenditureLineHeader: '项目',
    columns: [
      { no: '1', name: '决算数', group: ['收入'], role: 'derived' },
      { no: '2', name: '合计', group: ['支出'], role: 'derived' },
      { no: '3', name: '一般公共预算财政拨款', group: ['支出'], role: 'derived' },
      { no: '4', name: '政府性基金预算财政拨款', group: ['支出'], role: 'derived' },
      { no: '5', name: '国有资本经营预算财政拨款', group: ['支出'], role: 'derived' },
    ],
    rows: [
      { key: 'in.gb', label: '一、一般公共预算财政拨款', side: 'income', cells: { '1': ENTERED } },
      { key: 'in.fund', label: '二、政府性基金预算财政拨款', side: 'income', cells: { '1': ENTERED } },
      { key: 'in.soe', label: '三、国有资本经营预算财政拨款', side: 'income', cells: { '1': ENTERED } },
      {
        key: 'in.sum',
        label: '本年收入合计',
        side: 'income',
        pairWith: 'out.sum',
        cells: { '1': terms(own('in.gb', '1'), own('in.fund', '1'), own('in.soe', '1')) },
      },
      {
        key: 'in.carry',
        label: '年初财政拨款结转和结余',
        side: 'income',
        cells: { '1': terms(own('in.carry.gb', '1'), own('in.carry.fund', '1'), own('in.carry.soe', '1')) },
      },
      { key: 'in.carry.gb', label: '一、一般公共预算财政拨款', side: 'income', depth: 1, cells: { '1': ENTERED } },
      { key: 'in.carry.fund', label: '二、政府性基金预算财政拨款', side: 'income', depth: 1, cells: { '1': ENTERED } },
      { key: 'in.carry.soe', label: '三、国有资本经营预算财政拨款', side: 'income', depth: 1, cells: { '1': ENTERED } },
      { key: 'in.total', label: '总计', side: 'income', cells: { '1': terms(own('in.sum', '1'), own('in.carry', '1')) } },
      ...classes,
      {
        key: 'out.sum',
        label: '本年支出合计',
        side: 'expenditure',
        cells: { '2': terms(own('out.sum', '3'), own('out.sum', '4'), own('out.sum', '5')), '3': sumOf('3'), '4': sumOf('4'), '5': sumOf('5') },
      },
      {
        key: 'out.carry',
        label: '年末财政拨款结转和结余',
        side: 'expenditure',
        cells: { '2': terms(own('out.carry', '3'), own('out.carry', '4'), own('out.carry', '5')), '3': ENTERED, '4': ENTERED, '5': ENTERED },
      },
      {
        key: 'out.total',
        label: '总计',
        side: 'expenditure',
        cells: { '2': byFund('out.sum', '2'), '3': byFund('out.sum', '3'), '4': byFund('out.sum', '4'), '5': byFund('out.sum', '5') },
      },
    ],
    note: '本表反映部门本年度财政拨款总收支和结转结余情况。',
  };
}

/** 表6's 经济分类 款 by 类, as the template lists them (every one printed, with or without an amount). */
const PERSONNEL: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>]> = [
  [
    '301',
    '工资福利支出',
    [
      ['01', '基本工资'],
      ['02', '津贴补贴'],
      ['03', '奖金'],
      ['06', '伙食补助费'],
      ['07', '绩效工资'],
      ['08', '机关事业单位基本养老保险缴费'],
      ['09', '职业年金缴费'],
      ['10', '职工基本医疗保险缴费'],
      ['11', '公务员医疗补助缴费'],
      ['12', '其他社会保障缴费'],
      ['13', '住房公积金'],
      ['14', '医疗费'],
      ['99', '其他工资福利支出'],
    ],
  ],
  [
    '303',
    '对个人和家庭的补助',
    [
      ['01', '离休费'],
      ['02', '退休费'],
      ['03', '退职（役）费'],
      ['04', '抚恤金'],
      ['05', '生活补助'],
      ['06', '救济费'],
      ['07', '医疗费补助'],
      ['08', '助学金'],
      ['09', '奖励金'],
      ['10', '个人农业生产补贴'],
      ['11', '代缴社会保险费'],
      ['99', '其他对个人和家庭的补助'],
    ],
  ],
];
const PUBLIC: typeof PERSONNEL = [
  [
    '302',
    '商品和服务支出',
    [
      ['01', '办公费'],
      ['02', '印刷费'],
      ['03', '咨询费'],
      ['04', '手续费'],
      ['05', '水费'],
      ['06', '电费'],
      ['07', '邮电费'],
      ['08', '取暖费'],
      ['09', '物业管理费'],
      ['11', '差旅费'],
      ['12', '因公出国（境）费用'],
      ['13', '维修（护）费'],
      ['14', '租赁费'],
      ['15', '会议费'],
      ['16', '培训费'],
      ['17', '公务接待费'],
      ['18', '专用材料费'],
      ['24', '被装购置费'],
      ['25', '专用燃料费'],
      ['26', '劳务费'],
      ['27', '委托业务费'],
      ['28', '工会经费'],
      ['29', '福利费'],
      ['31', '公务用车运行维护费'],
      ['39', '其他交通费用'],
      ['40', '税金及附加费用'],
      ['99', '其他商品和服务支出'],
    ],
  ],
  [
    '310',
    '资本性支出',
    [
      ['01', '房屋建筑物购建'],
      ['02', '办公设备购置'],
      ['03', '专用设备购置'],
      ['07', '信息网络及软件购置更新'],
      ['13', '公务用车购置'],
      ['19', '其他交通工具购置'],
      ['21', '文物和陈列品购置'],
      ['22', '无形资产购置'],
      ['99', '其他资本性支出'],
    ],
  ],
];

function panel(classes: typeof PERSONNEL, side: 'income' | 'expenditure', col: string, totalLabel: string): FixedRowDef[] {
  const rows: FixedRowDef[] = [];
  for (const [cls, name, items] of classes) {
    rows.push({ key: `e.${cls}`, code: cls, label: name, side, cells: { [col]: terms(...items.map(([k]) => own(`e.${cls}${k}`, col))) } });
    for (const [k, item] of items) rows.push({ key: `e.${cls}${k}`, code: `${cls}${k}`, label: item, side, depth: 1, cells: { [col]: ENTERED } });
  }
  const key = side === 'income' ? 'in.total' : 'out.total';
  rows.push({ key, label: totalLabel, side, cells: { [col]: terms(...classes.map(([cls]) => own(`e.${cls}`, col))) } });
  return rows;
}

const table6: FixedTableTemplate = {
  kind: 'fixed',
  no: 6,
  title: '一般公共预算财政拨款基本支出决算表',
  lineHeader: '经济分类科目',
  expenditureLineHeader: '经济分类科目',
  columns: [
    { no: '1', name: '决算数', group: ['人员经费'], role: 'derived' },
    { no: '2', name: '决算数', group: ['公用经费'], role: 'derived' },
  ],
  rows: [...panel(PERSONNEL, 'income', '1', '人员经费合计'), ...panel(PUBLIC, 'expenditure', '2', '公用经费合计')],
  note: '本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
};

/** 表7: 预算数 and 决算数 of each item side by side. */
function table7(): FixedTableTemplate {
  const G = '财政拨款“三公”经费';
  const CAR = '公务用车购置及运行维护费';
  const pair = (first: number, group: string[], derived: boolean): ColumnDef[] =>
    (['预算数', '决算数'] as const).map((name, k) => ({ no: String(first + k), name, group: [G, ...group], role: derived ? 'derived' : 'entered' }));
  const sum = (a: number, ...parts: number[]) =>
    [0, 1].map((k) => [String(a + k), terms(...parts.map((p) => own('amount', String(p + k))))] as const);
  return {
    kind: 'fixed',
    no: 7,
    title: '财政拨款“三公”经费支出决算表',
    lineHeader: '项目',
    columns: [
      ...pair(1, ['合计'], true),
      ...pair(3, ['因公出国（境）费'], false),
      ...pair(5, [CAR, '小计'], true),
      ...pair(7, [CAR, '公务用车购置费'], false),
      ...pair(9, [CAR, '公务用车运行维护费'], false),
      ...pair(11, ['公务接待费'], false),
    ],
    rows: [
      {
        key: 'amount',
        label: '财政拨款“三公”经费',
        cells: Object.fromEntries([
          ...sum(1, 3, 5, 11),
          ...sum(5, 7, 9),
          ...['3', '4', '7', '8', '9', '10', '11', '12'].map((c) => [c, ENTERED] as const),
        ]),
      },
    ],
    note: '本表反映部门本年度“三公”经费支出预决算情况。',
  };
}

function fundTable(no: number, title: string, fund: string): HierTableTemplate {
  return fnTable(
    no,
    title,
    [
      { no: '1', name: '年初结转和结余', role: 'entered' },
      { no: '2', name: '本年收入', role: 'entered' },
      { no: '3', name: '小计', group: ['本年支出'], role: 'derived', sum: ['4', '5'] },
      { no: '4', name: '基本支出', group: ['本年支出'], role: 'entered' },
      { no: '5', name: '项目支出', group: ['本年支出'], role: 'entered' },
      { no: '6', name: '年末结转和结余', role: 'entered' },
    ],
    {
      includeWhen: [],
      emptySentence: `注：{dept}无${fund}财政拨款支出，故本表无数据。`,
      note: `本表反映部门本年度${fund}财政拨款收入支出及结转和结余情况。`,
    },
  );
}

function checks(): CrossCheckDecl[] {
  const id = (title: string, at: Term & { table: number }, expected: Term[], op?: 'ge' | 'le'): CrossCheckDecl => ({
    rule: 'format.identity',
    title,
    kind: 'cells',
    at: { table: at.table, row: at.row, col: at.col },
    expected,
    ...(op ? { op } : {}),
  });
  const roll = (no: number, name: string): CrossCheckDecl =>
    id(`表${no} 年末结转和结余等于年初结转和结余加本年收入减本年支出（${name}）`, t(no, 'total', '6'), [
      t(no, 'total', '1'),
      t(no, 'total', '2'),
      t(no, 'total', '3', -1),
    ]);
  return [
    { rule: 't1.balance', kind: 'cells', at: { table: 1, row: 'out.total', col: '2' }, expected: [t(1, 'in.total', '1')] },
    { rule: 't4.balance', kind: 'cells', at: { table: 4, row: 'out.total', col: '2' }, expected: [t(4, 'in.total', '1')] },
    id('表2 财政拨款收入合计等于表4 本年收入合计', t(2, 'total', '2'), [t(4, 'in.sum', '1')]),
    id('表1 年初结转和结余不小于表4 年初财政拨款结转和结余', t(1, 'in.carry', '1'), [t(4, 'in.carry', '1')], 'ge'),
    id('表1 年末结转和结余不小于表4 年末财政拨款结转和结余', t(1, 'out.carry', '2'), [t(4, 'out.carry', '2')], 'ge'),
    id('表4 一般公共预算财政拨款年末结转和结余等于年初结转和结余加本年收入减本年支出', t(4, 'out.carry', '3'), [
      t(4, 'in.carry.gb', '1'),
      t(4, 'in.gb', '1'),
      t(4, 'out.sum', '3', -1),
    ]),
    id('表5 基本支出合计不大于表3 基本支出合计', t(5, 'total', '2'), [t(3, 'total', '2')], 'le'),
    id('表5 项目支出合计不大于表3 项目支出合计', t(5, 'total', '3'), [t(3, 'total', '3')], 'le'),
    id('表6 人员经费合计与公用经费合计之和等于表5 基本支出合计', t(6, 'in.total', '1'), [t(5, 'total', '2'), t(6, 'out.total', '2', -1)]),
    roll(8, '政府性基金'),
    id('表4 政府性基金预算财政拨款等于表8 本年收入合计', t(4, 'in.fund', '1'), [t(8, 'total', '2')]),
    id('表4 年初政府性基金预算财政拨款结转和结余等于表8 年初结转和结余合计', t(4, 'in.carry.fund', '1'), [t(8, 'total', '1')]),
    id('表4 年末政府性基金预算财政拨款结转和结余等于表8 年末结转和结余合计', t(4, 'out.carry', '4'), [t(8, 'total', '6')]),
    roll(9, '国有资本经营'),
    id('表4 国有资本经营预算财政拨款等于表9 本年收入合计', t(4, 'in.soe', '1'), [t(9, 'total', '2')]),
    id('表4 年初国有资本经营预算财政拨款结转和结余等于表9 年初结转和结余合计', t(4, 'in.carry.soe', '1'), [t(9, 'total', '1')]),
    id('表4 年末国有资本经营预算财政拨款结转和结余等于表9 年末结转和结余合计', t(4, 'out.carry', '5'), [t(9, 'total', '6')]),
  ];
}

export const finalAccounts: FormatTemplate = {
  id: 'final-accounts',
  name: '部门决算公开格式（9 张表）',
  entryUnit: '万元',
  cover: '{Y}年度部门决算',
  parts: [
    { title: '{D}概况', content: 'profile', composition: true },
    { title: '{D}{Y}年度部门决算表', content: 'tables' },
    { title: '{D}{Y}年度部门决算情况说明', content: 'narrative' },
    { title: '名词解释', content: 'glossary' },
  ],
  // The eleven 情况说明 sections and the 名词解释 (shared/formats/final-accounts-narrative.ts).
  narrative: FINAL_ACCOUNTS_NARRATIVE,
  glossary: FINAL_ACCOUNTS_GLOSSARY,
  tables: [
    table1(),
    fnTable(2, '收入决算表', [
      { no: '1', name: '本年收入合计', role: 'derived', sum: ['2', '3', '4', '5', '6', '7'] },
      { no: '2', name: '财政拨款收入', role: 'entered' },
      { no: '3', name: '上级补助收入', role: 'entered' },
      { no: '4', name: '事业收入', role: 'entered' },
      { no: '5', name: '经营收入', role: 'entered' },
      { no: '6', name: '附属单位上缴收入', role: 'entered' },
      { no: '7', name: '其他收入', role: 'entered' },
    ], { note: '本表反映部门本年度取得的各项收入情况。' }),
    fnTable(
      3,
      '支出决算表',
      [
        { no: '1', name: '本年支出合计', role: 'derived', sum: ['2', '3', '4', '5', '6'] },
        { no: '2', name: '基本支出', role: 'entered' },
        { no: '3', name: '项目支出', role: 'entered' },
        { no: '4', name: '上缴上级支出', role: 'entered' },
        { no: '5', name: '经营支出', role: 'entered' },
        { no: '6', name: '对附属单位补助支出', role: 'entered' },
      ],
      { includeWhen: [{ table: 2, cols: ['2', '3', '4', '5', '6', '7'] }], note: '本表反映部门本年度各项支出情况。' },
    ),
    table4(),
    fnTable(
      5,
      '一般公共预算财政拨款支出决算表',
      [
        { no: '1', name: '合计', role: 'derived', sum: ['2', '3'] },
        { no: '2', name: '基本支出', role: 'entered' },
        { no: '3', name: '项目支出', role: 'entered' },
      ],
      // Putuo prints this table's 合计 last (表2/表3 print theirs first).
      { includeWhen: [], note: '本表反映部门本年度一般公共预算财政拨款支出情况。', totalLast: true },
    ),
    table6,
    table7(),
    fundTable(8, '政府性基金预算财政拨款收入支出决算表', '政府性基金预算'),
    fundTable(9, '国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算'),
  ],
  checks: checks(),
};
