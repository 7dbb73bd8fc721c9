import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { type GridValue, importWorkbookGrid, type SheetGrid } from '../../../shared/importers/workbook';
import { tablesJson } from '../../../shared/views/tables-json';

/** Table 3 as someone might type it: one code column, 单位：元, no numbering row. */
function table3(rows: GridValue[][], name = '支出表'): SheetGrid {
  return {
    name,
    rows: [
      [null, '部门支出总体情况表'],
      [],
      [null, '编制部门：某某局', null, null, '单位：元'],
      [null, '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ...rows.map((r) => [null, ...r]),
    ],
    merges: [{ top: 0, left: 1, bottom: 0, right: 5 }],
  };
}

const DATA: GridValue[][] = [
  [null, '总计', '１２３，４５６．７８', 123456.78, null],
  ['201', '一般公共服务支出', 123456.78, '123,456.78', ''],
  ['20103', '政府办公厅（室）及相关机构事务', 123456.78, 123456.78, '-'],
  ['2010301', '行政运行', '123456.78', 123456.78, '—'],
];

describe('recognising tables in a plain cell grid', () => {
  it('one table in 元 with whole codes in one column and full-width, separated or text numbers', () => {
    const r = importWorkbookGrid({ sheets: [table3(DATA)] }, { fallbackYear: 2026 });
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.department).toBe('某某局');
    expect(r.doc.unit).toBe('元');
    expect(r.doc.year).toBe(2026);
    expect(r.warnings[0]).toBe('工作簿中没有写明预算年度，按 2026 年导入');
    expect(r.warnings).toContain('工作簿中没有找到表1“部门收支总体情况表”');
    expect(r.warnings).toHaveLength(11); // the year, and the ten tables that are not there
    expect(r.doc.functionRows).toEqual([{ code: '2010301', values: { '3.2': '123456.78' } }]);
    expect(r.doc.printed).toEqual({});
    const t3 = tablesJson(BudgetSession.open(r.doc))[2]!;
    expect(t3.rows.map((x) => [x.code ?? '', x.values['1']])).toEqual([
      ['', '12.35'],
      ['201', '12.35'],
      ['20103', '12.35'],
      ['2010301', '12.35'],
    ]);
  });

  it('a second copy of a table (a hidden sheet, another sheet) is left out, not added twice', () => {
    const hidden = { ...table3(DATA, '去年'), hidden: true };
    const r = importWorkbookGrid({ sheets: [hidden, table3(DATA, '今年')] }, { fallbackYear: 2026 });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toContain('表3在工作表“今年”和“去年”中都有，只导入了“今年”中的');
    expect(r.doc.functionRows[0]!.values['3.2']).toBe('123456.78');
  });

  it('a code listed twice in a table is taken once, with a warning naming the line', () => {
    const r = importWorkbookGrid({ sheets: [table3([...DATA, ['2010301', '行政运行', 5, 5, null]])] }, { fallbackYear: 2026 });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toContain('表3（工作表“支出表”第9行）科目 2010301重复出现，只取第一次出现的一行，已忽略');
    expect(r.doc.functionRows[0]!.values['3.2']).toBe('123456.78');
  });

  it('a printed total that disagrees with its lines is kept as printed', () => {
    const rows = DATA.map((x) => [...x]);
    rows[0]![2] = 999; // 总计 合计 as typed, not the sum
    const r = importWorkbookGrid({ sheets: [table3(rows)] }, { fallbackYear: 2026 });
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.printed).toEqual({ '3|total|1': '0.10' });
    const f = BudgetSession.open(r.doc).findings();
    expect(f.some((x) => x.table === 3 && x.rowKey === 'total' && x.column === '1')).toBe(true);
  });

  it('amount cells that are not numbers are named by sheet and cell', () => {
    const rows = DATA.map((x) => [...x]);
    rows[3]![3] = '约12万';
    const r = importWorkbookGrid({ sheets: [table3(rows)] }, { fallbackYear: 2026 });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toContain('表3：工作表“支出表”E8 单元格“约12万”不是金额，已按空白处理');
  });
});

describe('numbering rows', () => {
  it('`栏次 1 2 3` is a numbering row too, also when a page repeats it', () => {
    const rows: GridValue[][] = [
      ['一般公共预算支出情况表'],
      ['编制部门：某局', null, null, null, null, '单位：万元'],
      ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
      ['栏次', null, null, null, 1, 2, 3],
      [null, null, null, '总计', 10, 10, null],
      ['201', null, null, '一般公共服务支出', 10, 10, null],
      ['201', '3', null, '政府办公厅（室）及相关机构事务', 10, 10, null],
      ['栏次', null, null, null, 1, 2, 3],
      ['201', '3', '1', '行政运行', 10, 10, null],
    ];
    const r = importWorkbookGrid({ sheets: [{ name: 'Sheet1', rows, merges: [] }] }, { fallbackYear: 2025 });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.filter((w) => !w.startsWith('工作簿中没有'))).toEqual([]);
    expect(r.doc.functionRows).toEqual([{ code: '2010301', values: { '5.2': '10.00' } }]);
    expect(r.doc.printed).toEqual({});
  });
});

describe('header words', () => {
  it('columns worded a little differently are still found (no numbering row)', () => {
    const rows: GridValue[][] = [
      ['部门收入总体情况表'],
      ['编制部门：某局', null, null, null, null, '单位：万元'],
      ['科目编码', null, null, '科目名称', '总计', '财政拨款(补助)', null, null, null],
      ['类', '款', '项', null, null, '小计', '一般公共预算', '上级一般公共预算转移支付', '单位资金收入'],
      ['201', '03', '01', '行政运行', 30, 30, 10, 20, null],
      ['201', '03', '02', '一般行政管理事务', 5, null, null, null, 5],
    ];
    const r = importWorkbookGrid({ sheets: [{ name: 'Sheet1', rows, merges: [] }] }, { fallbackYear: 2025 });
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.functionRows.map((x) => [x.code, x.values])).toEqual([
      ['2010301', { '2.3': '10.00', '2.4': '20.00' }],
      ['2010302', { '2.10': '5.00' }],
    ]);
    expect(r.warnings.find((w) => w.includes('缺少'))).toBe('表2（工作表“Sheet1”）缺少第 5、6、7、8、9、11、12 栏，按空白处理');
  });
});
