import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText, type PacketImport } from '../../../shared/importers/packet/import-text';
import { loadDocument, serializeDocument } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';

/**
 * The real Xinjiang packets, printed a little differently (built here by editing their text):
 * each variant must read into the same tables as the original, and say what it could not be sure of.
 */
const FIXTURES = join(__dirname, '../../fixtures');
const P003 = '003_d8581a66e967af08';
const P004 = '004_b7e4b340c6b3bf95';
const text = (id: string) => readFileSync(join(FIXTURES, `${id}.txt`), 'utf8');
const expected = (id: string) => JSON.parse(readFileSync(join(FIXTURES, 'expected', `${id}.tables.json`), 'utf8'));

function imported(raw: string): PacketImport {
  const r = importPacketText(raw);
  if (!r.ok) throw new Error(r.error);
  expect(loadDocument(serializeDocument(r.doc)).ok).toBe(true);
  return r;
}
const tables = (r: PacketImport) => tablesJson(BudgetSession.open(r.doc));
const findings = (r: PacketImport) =>
  BudgetSession.open(r.doc)
    .findings()
    .map((f) => `${f.severity} 表${f.table} ${f.row} 第${f.column}栏 ${f.expected}→${f.actual}`)
    .sort();
const messages = (r: PacketImport) => r.warnings.map((w) => `${w.table ?? ''} ${w.message}`);

/** Replace exactly one occurrence (so a variant never silently stops being one). */
function edit(t: string, from: string | RegExp, to: string): string {
  const hits = typeof from === 'string' ? t.split(from).length - 1 : (t.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  expect(hits, String(from)).toBe(1);
  return t.replace(from, to);
}

/** The part of a packet's text that holds the 11 tables (from `表 1` to 第三部分). */
function tablePart(t: string): { before: string; tables: string; after: string } {
  const start = t.search(/^表 1$/m);
  const end = t.indexOf('\n第三部分', start);
  return { before: t.slice(0, start), tables: t.slice(start, end), after: t.slice(end) };
}

/** `3,146.54` 万元 → `31,465,400.00` 元, in integers (never a binary float). */
function wanToYuanText(amount: string): string {
  const neg = amount.startsWith('-');
  const digits = `${amount.replace(/[-,.]/g, '')}0000`.replace(/^0+(?=\d{3})/, '');
  const int = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${neg ? '-' : ''}${int}.${digits.slice(-2)}`;
}

function inYuan(t: string): string {
  if (!t.includes('\n第三部分')) return t.replace(/-?\d[\d,]*\.\d{2}(?![\d])/g, wanToYuanText).replace(/单位：万元/g, '单位：元');
  const p = tablePart(t);
  const tablesText = p.tables.replace(/-?\d[\d,]*\.\d{2}(?![\d])/g, wanToYuanText).replace(/单位：万元/g, '单位：元');
  return p.before + tablesText + p.after;
}

describe('table 7 read from space-separated text (defect: amounts moved to 资本性支出)', () => {
  const spaced = text(P004).replace(/\t/g, ' ');

  it('keeps 70.00 and 2,417.00 in 商品服务支出 although the recipient’s name holds 设备', () => {
    const r = imported(spaced);
    expect(tables(r)).toEqual(expected(P004));
    const t7 = tables(r).find((t) => t.table === 7)!;
    const small = t7.rows.find((row) => row.project === '中央财政 2024 年中小企业发展专项资金')!;
    const large = t7.rows.find((row) => row.project === '2024 年中央财政外经贸发展专项资金')!;
    expect(small.values).toEqual({ 1: '70.00', 3: '70.00' });
    expect(large.values).toEqual({ 1: '2417.00', 3: '2417.00' });
    expect(t7.rows[0]!.values).toEqual({ 1: '2487.00', 3: '2487.00' });
  });

  it('says the column of the 70.00 paid to a company is a guess, naming the company and both columns', () => {
    const r = imported(spaced);
    const doubts = messages(r).filter((m) => m.includes('无法唯一确定'));
    expect(doubts).toEqual([
      '7 “中央财政 2024 年中小企业发展专项资金”的 70.00 属于哪一栏无法唯一确定：资金分配情况写的是拨给“新疆特变电工自控设备有限公司”，没有说明支出经济分类，已按“商品服务支出”（第3栏）读取，也可能是“资本性支出”（第7栏），请核对',
    ]);
  });

  it('checks the same as the tab-separated original', () => {
    expect(findings(imported(spaced))).toEqual(findings(imported(text(P004))));
  });

  it('still follows a description that names the economic item with the amount (办公设备购置费 → 资本性支出)', () => {
    const t = edit(spaced, '资金分配情况：新疆特变电工自控设备有限公司 70 万元', '资金分配情况：办公设备购置费 70 万元');
    const t7 = tables(imported(t)).find((x) => x.table === 7)!;
    expect(t7.rows.find((row) => row.project === '中央财政 2024 年中小企业发展专项资金')!.values).toEqual({ 1: '70.00', 7: '70.00' });
  });

  it('the tab-separated original reads its columns from the layout and warns of nothing', () => {
    expect(imported(text(P004)).warnings).toEqual([]);
  });
});

describe('a table the format does not have, after 表11 (defect: merged into 表11)', () => {
  const extra = (body: string) => {
    const p = tablePart(text(P004));
    return `${p.before}${p.tables}\n\n表 12\n\n部门政府采购预算表\n\n编制部门：昌吉市商务和工业信息化局\n\n单位：万元\n\n项目\t合计\t货物\t工程\t服务\n※\t1\t2\t3\t4\n${body}\n${p.after}`;
  };

  it('ends 表11 and is skipped with a warning naming it', () => {
    const r = imported(extra('合计\t25.00\t10.00\t\t15.00\n昌吉市商务和工业信息化局\t25.00\t10.00\t\t15.00'));
    expect(tables(r)).toEqual(expected(P004));
    expect(messages(r)).toEqual([' “表12 部门政府采购预算表”不是本格式（11 张公开表）中的表，其内容（12 行）未导入']);
    const t11 = tables(r).find((t) => t.table === 11)!;
    expect(t11.rows.map((row) => row.name)).not.toContain(expect.stringContaining('表12'));
  });

  it('an empty extra table with its 为空表 sentence raises no false 表11 error', () => {
    const r = imported(extra('\n本部门无政府采购收支，此表为空表。'));
    expect(tables(r)).toEqual(expected(P004));
    expect(messages(r).join('\n')).not.toMatch(/印有数据/);
    expect(r.doc.narrative.printed['empty.t11']).toBe('');
    expect(findings(r)).toEqual(findings(imported(text(P004))));
  });

  it('the title and number on one line, and a Chinese number (表十二), end the table the same way', () => {
    const p = tablePart(text(P004));
    for (const head of ['表12 部门政府采购预算表', '表十二\n\n部门政府采购预算表']) {
      const t = `${p.before}${p.tables}\n\n${head}\n\n编制部门：昌吉市商务和工业信息化局\n\n单位：万元\n\n项目\t合计\t货物\t工程\t服务\n※\t1\t2\t3\t4\n合计\t25.00\t10.00\t\t15.00\n${p.after}`;
      const r = imported(t);
      expect(tables(r), head).toEqual(expected(P004));
      expect(messages(r), head).toEqual([expect.stringMatching(/^ “表(12|十二) 部门政府采购预算表”不是本格式/)]);
    }
  });
});

describe('a wrapped label in table 10 and table 1 (defect: 7.80 read as 公务用车购置费)', () => {
  it('joins 公务用车购置及运 / 行费（小计） before matching the line', () => {
    const t = edit(text(P004), '公务用车购置及运行费（小计）\t7.80\t7.80\t\t', '公务用车购置及运\t7.80\t7.80\t\t\n行费（小计）');
    const r = imported(t);
    expect(tables(r)).toEqual(expected(P004));
    const t10 = tables(r).find((x) => x.table === 10)!;
    expect(t10.rows.find((row) => row.name === '其中：公务用车购置费')!.values).toEqual({});
    expect(t10.rows.find((row) => row.name === '公务用车购置及运行费（小计）')!.values).toEqual({ 1: '7.80', 2: '7.80' });
    expect(r.warnings).toEqual([]);
    expect(findings(r)).toEqual(findings(imported(text(P004))));
  });

  it('joins a name whose start stands on the line above its numbers', () => {
    const t = edit(text(P004), '公务用车购置及运行费（小计）\t7.80\t7.80\t\t', '公务用车购置\n及运行费（小计）\t7.80\t7.80\t\t');
    const r = imported(t);
    expect(tables(r)).toEqual(expected(P004));
    expect(r.warnings).toEqual([]);
  });

  it('table 1: wrapped income lines and wrapped names of function 类 on the right', () => {
    let t = text(P004);
    t = edit(t, '一、本年收入\t3,070.15\t201 一般公共服务支出\t448.21', '一、本年收入\t3,070.15\t201 一般公共\t448.21\n服务支出');
    t = edit(t, '1. 一般公共预算拨款\t3,070.15\t202 外交支出\t', '1. 一般公共预\t3,070.15\t202 外交支出\t\n算拨款');
    t = edit(t, '其中：一般公共预算拨款\t76.39\t221 住房保障支出\t42.24', '其中：一般公共预\t76.39\t221 住房保障支出\t42.24\n算拨款');
    const r = imported(t);
    expect(tables(r)).toEqual(expected(P004));
    expect(r.warnings).toEqual([]);
  });
});

describe('table numbers in Chinese numerals and continued titles (defect: 表三, （续） in row names)', () => {
  it('表一 … 表十一 on their own lines are titles, not rows', () => {
    const t = text(P004).replace(/^表 (\d{1,2})$/gm, (_m, n: string) => `表${['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'][Number(n)]}`);
    expect(t).toContain('\n表十一\n');
    const r = imported(t);
    expect(tables(r)).toEqual(expected(P004));
    expect(r.warnings).toEqual([]);
    expect(findings(r)).toEqual(findings(imported(text(P004))));
  });

  it('附表1 … 附表11 and 表1 … 表11 the same', () => {
    for (const prefix of ['附表', '表']) {
      const r = imported(text(P004).replace(/^表 (\d{1,2})$/gm, `${prefix}$1`));
      expect(tables(r), prefix).toEqual(expected(P004));
      expect(r.warnings, prefix).toEqual([]);
    }
  });

  it('“一般公共预算基本支出情况表（续）” over a new page continues table 6 and stays out of the name 物业管理费', () => {
    const header = '经济分类科目编码\t\t科目\t一般公共预算基本支出\t\t\n类\t款\t经济分类科目名称\t合计\t人员经费\t公用经费\n※\t※\t※\t1\t2\t3';
    for (const title of ['一般公共预算基本支出情况表（续）', '表六（续）', '表 6（续）']) {
      const withHeader = edit(text(P004), '302\t09\t物业管理费\t1.55\t\t1.55\n', `302\t09\t物业管理费\t1.55\t\t1.55\n\n第 12 页\n\n${title}\n\n单位：万元\n\n${header}\n`);
      const bare = edit(text(P004), '302\t09\t物业管理费\t1.55\t\t1.55\n', `302\t09\t物业管理费\t1.55\t\t1.55\n\n${title}\n`);
      for (const t of [withHeader, bare]) {
        const r = imported(t);
        expect(tables(r), title).toEqual(expected(P004));
        expect(r.warnings, title).toEqual([]);
        expect(r.doc.economicRows.find((row) => row.code === '30209')!.name).toBe('物业管理费');
      }
    }
  });
});

describe('a packet printed in 元 (defect: read as 万元, every value ×10,000)', () => {
  it('003 printed in 元 reads as the same 万元 tables, exactly, and says each table was converted', () => {
    const t = inYuan(text(P003));
    expect(t).toContain('单位：元');
    expect(t).toContain('3,423,100.00');
    const r = imported(t);
    expect(tables(r)).toEqual(expected(P003));
    expect(r.doc.unit).toBe('万元');
    expect(r.warnings.map((w) => w.table)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new Set(r.warnings.map((w) => w.message))).toEqual(new Set(['本表单位为“元”，金额已按 1 万元 = 10,000 元换算为万元（均为整百元，换算无误差）']));
    expect(findings(r)).toEqual(findings(imported(text(P003))));
  });

  it('004 in 元, with or without thousands separators, is not refused and reads as the 万元 original', () => {
    const t = inYuan(text(P004));
    for (const v of [t, t.replace(/(\d),(?=\d{3})/g, '$1')]) {
      const r = imported(v);
      expect(tables(r)).toEqual(expected(P004));
    }
  });

  it('only one table in 元: that table is converted, the others stay as printed', () => {
    const p = tablePart(text(P003));
    const at = p.tables.indexOf('表 10');
    const end = p.tables.indexOf('表 11');
    const t10 = inYuan(p.tables.slice(at, end));
    const r = imported(p.before + p.tables.slice(0, at) + t10 + p.tables.slice(end) + p.after);
    expect(tables(r)).toEqual(expected(P003));
    expect(messages(r)).toEqual(['10 本表单位为“元”，金额已按 1 万元 = 10,000 元换算为万元（均为整百元，换算无误差）']);
  });

  it('amounts finer than 100 元 are kept exactly (万元 with up to 6 decimals) and listed rounded to 0.01 万元', () => {
    let t = inYuan(text(P004));
    const part = tablePart(t);
    // Table 10: 合计, 小计 and 公务用车运行费 all print 78,000.00 元; make them 78,012.34 元.
    const t10 = part.tables.slice(part.tables.indexOf('表 10'));
    const changed = t10.replace(/78,000\.00/g, '78,012.34');
    expect(changed.split('78,012.34').length - 1).toBe(6);
    t = part.before + part.tables.slice(0, part.tables.indexOf('表 10')) + changed + part.after;
    const r = imported(t);
    expect(r.doc.fixed['10']?.['vehicle.running']).toEqual({ '2': '7.801234' });
    expect(r.doc.printed['10|total|1']).toBe('7.801234');
    expect(messages(r).filter((m) => m.startsWith('10 '))).toEqual(['10 本表单位为“元”，金额已按 1 万元 = 10,000 元换算为万元；其中有不足 100 元的尾数，按元精确保存（万元最多 6 位小数），表中按 0.01 万元四舍五入列示']);
    const shown = tables(r).find((x) => x.table === 10)!;
    expect(shown.rows.find((row) => row.name === '公务用车运行费')!.values).toEqual({ 1: '7.80', 2: '7.80' });
  });
});
