import { FUNCTION_CLASSES } from '../templates/budget-2024/function-classes';
import type { ColumnDef, CrossCheckDecl, FixedCell, FixedRowDef, FixedTableTemplate, FormatTemplate, HierTableTemplate, Term } from '../templates/types';
import { SHANGHAI_GLOSSARY } from './shanghai-glossary';

/**
 * The Shanghai 部门预算 / 单位预算 packet: 9 tables, 1–8 printed in 元 with two decimals,
 * table 9 (“三公”经费和机关运行经费) in 万元. The 部门 and 单位 variants differ in titles
 * (部门… / 预算单位…) and in table 1, whose 单位 form splits expenditure into 人员经费,
 * 公用经费 and 项目支出 per function 类.
 */
export type ShanghaiVariant = 'dept' | 'unit';

const t = (table: number, row: string, col: string): Term => ({ table, row, col });
const own = (row: string, col: string): Term => ({ row, col });
const terms = (...refs: Term[]) => ({ terms: refs });
const ENTERED = { entered: true as const };
const FN_CODE = ['类', '款', '项'];
const FN_LEVELS: HierTableTemplate['levels'] = ['total', 'class', 'kuan', 'leaf'];

const basicProject = (group: string): ColumnDef[] => [
  { no: '1', name: '合计', group: [group], role: 'derived', sum: ['2', '3'] },
  { no: '2', name: '基本支出', group: [group], role: 'entered' },
  { no: '3', name: '项目支出', group: [group], role: 'entered' },
];

function fnTable(no: number, title: string, columns: ColumnDef[], extra: Partial<HierTableTemplate> = {}): HierTableTemplate {
  return {
    kind: 'hier',
    no,
    title,
    rowSet: 'function',
    levels: [...FN_LEVELS],
    codeColumns: FN_CODE,
    codeHeader: '功能分类科目编码',
    nameHeader: '功能分类科目名称',
    columns,
    printUnit: '元',
    ...extra,
  };
}

function table1(variant: ShanghaiVariant, prefix: string): FixedTableTemplate {
  const income: FixedRowDef[] = [
    { key: 'in.fiscal', label: '一、财政拨款收入', cells: { '1': terms(own('in.gb', '1'), own('in.fund', '1'), own('in.soe', '1')) } },
    { key: 'in.gb', label: '1. 一般公共预算资金', depth: 1, cells: { '1': terms(t(4, 'in.gb', '1')) } },
    { key: 'in.fund', label: '2. 政府性基金', depth: 1, cells: { '1': terms(t(4, 'in.fund', '1')) } },
    { key: 'in.soe', label: '3. 国有资本经营预算', depth: 1, cells: { '1': terms(t(4, 'in.soe', '1')) } },
    { key: 'in.business', label: '二、事业收入', cells: { '1': terms(t(2, 'total', '3')) } },
    { key: 'in.operating', label: '三、事业单位经营收入', cells: { '1': terms(t(2, 'total', '4')) } },
    { key: 'in.other', label: '四、其他收入', cells: { '1': terms(t(2, 'total', '5')) } },
    {
      key: 'in.total',
      label: '收入总计',
      cells: { '1': terms(own('in.fiscal', '1'), own('in.business', '1'), own('in.operating', '1'), own('in.other', '1')) },
    },
  ];
  const outCols = variant === 'dept' ? ['2'] : ['2', '3', '4', '5'];
  const classCells = (code: string): Record<string, FixedCell> =>
    variant === 'dept'
      ? { '2': terms(t(3, code, '1')) }
      : { '2': terms(own(`out.${code}`, '3'), own(`out.${code}`, '4'), own(`out.${code}`, '5')), '3': ENTERED, '4': ENTERED, '5': terms(t(3, code, '3')) };
  const expenditure: FixedRowDef[] = [
    ...FUNCTION_CLASSES.map(([code, name]): FixedRowDef => ({ key: `out.${code}`, label: name, listed: true, cells: classCells(code) })),
    {
      key: 'out.total',
      label: '支出总计',
      cells: Object.fromEntries(outCols.map((c) => [c, terms(...FUNCTION_CLASSES.map(([code]) => own(`out.${code}`, c)))])),
    },
  ];
  const columns: ColumnDef[] =
    variant === 'dept'
      ? [
          { no: '1', name: '预算数', group: ['本年收入'], role: 'derived' },
          { no: '2', name: '预算数', group: ['本年支出'], role: 'derived' },
        ]
      : [
          { no: '1', name: '预算数', group: ['本年收入'], role: 'derived' },
          { no: '2', name: '合计', group: ['本年支出', '预算数'], role: 'derived' },
          { no: '3', name: '人员经费', group: ['本年支出', '预算数', '基本支出'], role: 'entered' },
          { no: '4', name: '公用经费', group: ['本年支出', '预算数', '基本支出'], role: 'entered' },
          { no: '5', name: '项目支出', group: ['本年支出', '预算数'], role: 'derived' },
        ];
  return {
    kind: 'fixed',
    no: 1,
    title: `${prefix}财务收支预算总表`,
    lineHeader: '项目',
    columns,
    rows: [...income.map((r) => ({ ...r, side: 'income' as const })), ...expenditure.map((r) => ({ ...r, side: 'expenditure' as const }))],
    printUnit: '元',
  };
}

function table4(prefix: string): FixedTableTemplate {
  const income: FixedRowDef[] = [
    { key: 'in.gb', label: '一、一般公共预算资金', cells: { '1': ENTERED } },
    { key: 'in.fund', label: '二、政府性基金', cells: { '1': ENTERED } },
    { key: 'in.soe', label: '三、国有资本经营预算', cells: { '1': ENTERED } },
    { key: 'in.total', label: '收入总计', cells: { '1': terms(own('in.gb', '1'), own('in.fund', '1'), own('in.soe', '1')) } },
  ];
  const classRow = (code: string, name: string): FixedRowDef => ({
    key: `out.${code}`,
    label: name,
    listed: true,
    cells: {
      '2': terms(own(`out.${code}`, '3'), own(`out.${code}`, '4'), own(`out.${code}`, '5')),
      '3': terms(t(5, code, '1')),
      '4': terms(t(6, code, '1')),
      '5': terms(t(7, code, '1')),
    },
  });
  const totalOf = (col: string) => terms(...FUNCTION_CLASSES.map(([code]) => own(`out.${code}`, col)));
  return {
    kind: 'fixed',
    no: 4,
    title: `${prefix}财政拨款收支预算总表`,
    lineHeader: '项目',
    columns: [
      { no: '1', name: '预算数', group: ['财政拨款收入'], role: 'entered' },
      { no: '2', name: '合计', group: ['财政拨款支出'], role: 'derived' },
      { no: '3', name: '一般公共预算', group: ['财政拨款支出'], role: 'derived' },
      { no: '4', name: '政府性基金预算', group: ['财政拨款支出'], role: 'derived' },
      { no: '5', name: '国有资本经营预算', group: ['财政拨款支出'], role: 'derived' },
    ],
    rows: [
      ...income.map((r) => ({ ...r, side: 'income' as const })),
      ...FUNCTION_CLASSES.map(([c, n]) => ({ ...classRow(c, n), side: 'expenditure' as const })),
      { key: 'out.total', label: '支出总计', side: 'expenditure', cells: { '2': totalOf('2'), '3': totalOf('3'), '4': totalOf('4'), '5': totalOf('5') } },
    ],
    printUnit: '元',
  };
}

const table9 = (prefix: string): FixedTableTemplate => ({
  kind: 'fixed',
  no: 9,
  title: `${prefix}“三公”经费和机关运行经费预算表`,
  lineHeader: '项目',
  columns: [
    { no: '1', name: '合计', group: ['“三公”经费预算数'], role: 'derived' },
    { no: '2', name: '因公出国(境)费', group: ['“三公”经费预算数'], role: 'entered' },
    { no: '3', name: '公务接待费', group: ['“三公”经费预算数'], role: 'entered' },
    { no: '4', name: '小计', group: ['“三公”经费预算数', '公务用车购置及运行费'], role: 'derived' },
    { no: '5', name: '购置费', group: ['“三公”经费预算数', '公务用车购置及运行费'], role: 'entered' },
    { no: '6', name: '运行费', group: ['“三公”经费预算数', '公务用车购置及运行费'], role: 'entered' },
    { no: '7', name: '机关运行经费预算数', role: 'entered' },
  ],
  rows: [
    {
      key: 'budget',
      label: '预算数',
      cells: {
        '1': terms(own('budget', '2'), own('budget', '3'), own('budget', '4')),
        '2': ENTERED,
        '3': ENTERED,
        '4': terms(own('budget', '5'), own('budget', '6')),
        '5': ENTERED,
        '6': ENTERED,
        '7': ENTERED,
      },
    },
  ],
  printUnit: '万元',
});

function checks(variant: ShanghaiVariant): CrossCheckDecl[] {
  const id = (title: string, at: Required<Term>, expected: Term[]): CrossCheckDecl => ({
    rule: 'format.identity',
    title,
    kind: 'cells',
    at: { table: at.table, row: at.row, col: at.col },
    expected,
  });
  const list: CrossCheckDecl[] = [
    { rule: 't1.balance', kind: 'cells', at: { table: 1, row: 'out.total', col: '2' }, expected: [t(1, 'in.total', '1')] },
    { rule: 't4.balance', kind: 'cells', at: { table: 4, row: 'out.total', col: '2' }, expected: [t(4, 'in.total', '1')] },
    id('表1 财政拨款收入等于表2 财政拨款收入合计', { table: 1, row: 'in.fiscal', col: '1', coef: 1 }, [t(2, 'total', '2')]),
    { rule: 'format.identity', title: '表3 合计等于表2 合计（逐行）', kind: 'each-leaf', table: 3, col: '1', expected: { table: 2, cols: ['1'] } },
    id('表4 一般公共预算资金等于表5 合计', { table: 4, row: 'in.gb', col: '1', coef: 1 }, [t(5, 'total', '1')]),
    id('表4 政府性基金等于表6 合计', { table: 4, row: 'in.fund', col: '1', coef: 1 }, [t(6, 'total', '1')]),
    id('表4 国有资本经营预算等于表7 合计', { table: 4, row: 'in.soe', col: '1', coef: 1 }, [t(7, 'total', '1')]),
    id('表8 合计等于表5 基本支出合计', { table: 8, row: 'total', col: '1', coef: 1 }, [t(5, 'total', '2')]),
    { rule: 't6.personnel', kind: 'zero-in-classes', table: 8, classes: ['301', '303'], col: '3' },
    { rule: 't6.public', kind: 'zero-in-classes', table: 8, classes: ['302'], col: '2' },
  ];
  if (variant === 'unit') {
    list.push(
      id('表1 人员经费合计等于表8 人员经费合计', { table: 1, row: 'out.total', col: '3', coef: 1 }, [t(8, 'total', '2')]),
      id('表1 公用经费合计等于表8 公用经费合计', { table: 1, row: 'out.total', col: '4', coef: 1 }, [t(8, 'total', '3')]),
    );
  }
  return list;
}

export function shanghaiBudget(variant: ShanghaiVariant): FormatTemplate {
  const p = variant === 'dept' ? '部门' : '预算单位';
  const unitWord = variant === 'dept' ? '部门' : '单位';
  const fund = (title: string) => ({ includeWhen: [], emptySentence: `注:本${variant === 'dept' ? '部门' : '单位'}{year}年无${title}财政拨款安排的预算，故本表为空表。` });
  return {
    id: variant === 'dept' ? 'shanghai-budget' : 'shanghai-budget-unit',
    name: variant === 'dept' ? '上海部门预算公开格式（9 张表）' : '上海单位预算公开格式（9 张表）',
    entryUnit: '元',
    cover: variant === 'dept' ? '{Y}年部门预算' : '{Y}年单位预算',
    // 一 职能与机构 … 项目经费情况说明: as the packets are ordered; only a 部门 packet explains its projects.
    partNumbering: 'list',
    parts: [
      { title: `${unitWord}主要职能和机构设置`, content: 'profile' },
      { title: '名词解释', content: 'glossary' },
      { title: `${unitWord}预算编制说明`, content: 'narrative', sections: [1] },
      { title: `${unitWord}预算表`, content: 'tables' },
      { title: '其他相关情况说明', content: 'narrative', sections: [2, 3, 4, 5, 6] },
      ...(variant === 'dept' ? [{ title: '项目经费情况说明', content: 'narrative' as const, sections: [7] }] : []),
    ],
    narrative: [
      { title: `{Y}年${unitWord}预算编制说明`, writer: 'sh-compilation' },
      { title: '{Y}年“三公”经费预算情况说明', writer: 'sh-three-public' },
      { title: '机关运行经费预算', writer: 'sh-running-cost' },
      { title: '政府采购预算情况', writer: 'sh-procurement' },
      { title: '绩效目标设置情况', writer: 'sh-performance' },
      { title: '国有资产占有使用情况', writer: 'sh-assets' },
      ...(variant === 'dept' ? [{ title: '项目经费情况说明', writer: 'sh-project-notes' }] : []),
    ],
    tables: [
      table1(variant, p),
      fnTable(2, `${p}收入预算总表`, [
        { no: '1', name: '合计', group: ['收入预算'], role: 'derived', sum: ['2', '3', '4', '5'] },
        { no: '2', name: '财政拨款收入', group: ['收入预算'], role: 'entered' },
        { no: '3', name: '事业收入', group: ['收入预算'], role: 'entered' },
        { no: '4', name: '事业单位经营收入', group: ['收入预算'], role: 'entered' },
        { no: '5', name: '其他收入', group: ['收入预算'], role: 'entered' },
      ]),
      fnTable(3, `${p}支出预算总表`, basicProject('支出预算'), { includeWhen: [{ table: 2, cols: ['2', '3', '4', '5'] }] }),
      table4(p),
      fnTable(5, `${p}一般公共预算支出功能分类预算表`, basicProject('一般公共预算支出'), { includeWhen: [] }),
      fnTable(6, `${p}政府性基金预算支出功能分类预算表`, basicProject('政府性基金预算支出'), fund('政府性基金预算')),
      fnTable(7, `${p}国有资本经营预算支出功能分类预算表`, basicProject('国有资本经营预算支出'), fund('国有资本经营预算')),
      {
        kind: 'hier',
        no: 8,
        title: `${p}一般公共预算基本支出部门预算经济分类预算表`,
        rowSet: 'economic',
        levels: ['total', 'class', 'leaf'],
        codeColumns: ['类', '款'],
        codeHeader: '部门预算经济分类科目编码',
        nameHeader: '经济分类科目名称',
        columns: [
          { no: '1', name: '合计', group: ['一般公共预算基本支出'], role: 'derived', sum: ['2', '3'] },
          { no: '2', name: '人员经费', group: ['一般公共预算基本支出'], role: 'entered' },
          { no: '3', name: '公用经费', group: ['一般公共预算基本支出'], role: 'entered' },
        ],
        printUnit: '元',
      },
      table9(variant === 'dept' ? '部门' : '单位'),
    ],
    checks: checks(variant),
    glossary: SHANGHAI_GLOSSARY,
  };
}

export const shanghaiBudgetDept = shanghaiBudget('dept');
export const shanghaiBudgetUnit = shanghaiBudget('unit');
