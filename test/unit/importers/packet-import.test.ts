import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText, type PacketImport } from '../../../shared/importers/packet/import-text';
import { packetNarrativeFindings } from '../../../shared/importers/packet/narrative-audit';
import { loadDocument, serializeDocument } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';

const FIXTURES = join(__dirname, '../../fixtures');
const PACKETS = ['000_76f4246f7dc2bf91', '003_d8581a66e967af08', '004_b7e4b340c6b3bf95'] as const;
const text = (id: string) => readFileSync(join(FIXTURES, `${id}.txt`), 'utf8');

function imported(id: string): PacketImport {
  const r = importPacketText(text(id));
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Every amount printed in each table's part of the text, independent of the importer's reading. */
function printedAmountsByTable(raw: string): Map<number, string[]> {
  const lines = raw.split(/\r?\n/);
  const out = new Map<number, string[]>();
  let table = 0;
  let started = false;
  for (const line of lines) {
    const t = line.trim();
    const m = /^表\s*(\d{1,2})$/.exec(t);
    if (m) {
      table = Number(m[1]);
      started = true;
      continue;
    }
    if (started && /^第三部分/.test(t)) break;
    if (!table) continue;
    for (const a of t.match(/-?\d[\d,]*\.\d{2}(?![\d.])/g) ?? []) {
      const list = out.get(table) ?? [];
      list.push(a.replace(/,/g, ''));
      out.set(table, list);
    }
  }
  return out;
}

describe.each(PACKETS)('importing packet %s', (id) => {
  it('reads all 11 tables into a valid document, warning only about what it could not read', () => {
    const r = imported(id);
    expect(r.summary.tables).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // 000's 绩效目标表 lost their cells in the text (space-separated): said, not guessed.
    expect(r.warnings.map((w) => w.message)).toEqual(id.startsWith('000') ? ['绩效目标表不是按栏分隔的文字，未逐项读取（可在“绩效目标”中补录）'] : []);
    const again = loadDocument(serializeDocument(r.doc));
    expect(again.ok).toBe(true);
  });

  it('reproduces every printed number of the 11 tables cell for cell', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected', `${id}.tables.json`), 'utf8'));
    const actual = tablesJson(BudgetSession.open(imported(id).doc));
    expect(actual).toEqual(expected);
  });

  it('shows exactly the amounts each table prints, none lost, none added', () => {
    const printed = printedAmountsByTable(text(id));
    const actual = tablesJson(BudgetSession.open(imported(id).doc));
    for (let no = 1; no <= 11; no++) {
      const shown = actual.find((t) => t.table === no)!.rows.flatMap((r) => Object.values(r.values));
      expect([...shown].sort(), `表${no}`).toEqual([...(printed.get(no) ?? [])].sort());
    }
  });
});

describe('the checker on imported packets lists their real defects and nothing else', () => {
  const located = (id: string) =>
    BudgetSession.open(imported(id).doc)
      .findings()
      .map((f) => `${f.severity} 表${f.table} ${f.row} 第${f.column}栏 ${f.expected}→${f.actual}`)
      .sort();

  it('003: the 0.01 rounding gap of the totals (342.32 / 232.32 / 160.32 printed as .31) and 301 工资福利支出', () => {
    const f = located('003_d8581a66e967af08');
    expect(f.every((x) => x.startsWith('error'))).toBe(true);
    expect(f.some((x) => x.includes('表6 总计 第1栏') && x.includes('160.32'))).toBe(true);
    expect(f.some((x) => x.includes('表6 301 工资福利支出 第1栏') && x.includes('140.36'))).toBe(true);
    expect(f.some((x) => x.includes('表1 支出总计 第2栏') && x.includes('342.32'))).toBe(true);
    expect(new Set(f.map((x) => x.split(' ')[1]))).toEqual(new Set(['表1', '表2', '表3', '表4', '表5', '表6']));
  });

  it('004: 201 03 prints 448.21 where its 项 add to 448.20, and 303 prints 46.20 for 46.21', () => {
    const f = located('004_b7e4b340c6b3bf95');
    expect(f.every((x) => x.startsWith('error'))).toBe(true);
    const rows = new Set(f.map((x) => x.split(' ').slice(1, 3).join(' ')));
    expect(rows).toEqual(new Set(['表2 20103', '表3 20103', '表5 20103', '表6 303']));
    expect(f.some((x) => x.includes('448.20'))).toBe(true);
    expect(f.some((x) => x.includes('46.21'))).toBe(true);
  });

  it('000: 298.61 printed where the parts add to 298.62, and 301 prints 222.32 for 222.34', () => {
    const f = located('000_76f4246f7dc2bf91');
    expect(f.every((x) => x.startsWith('error'))).toBe(true);
    const rows = new Set(f.map((x) => x.split(' ').slice(1, 3).join(' ')));
    expect(rows).toEqual(new Set(['表1 收入总计', '表1 支出总计', '表2 总计', '表3 总计', '表6 301']));
    expect(f.some((x) => x.includes('298.62'))).toBe(true);
    expect(f.some((x) => x.includes('222.34'))).toBe(true);
  });
});

describe('space-separated packet 000: columns placed by sums, table 1 and the project description', () => {
  const doc = imported('000_76f4246f7dc2bf91').doc;
  const fn = (code: string) => doc.functionRows.find((r) => r.code === code)?.values;
  it('puts 结转 in 11 and 结转结余 in 12 as table 1 says', () => {
    expect(fn('2012802')).toEqual({ '2.3': '40.00', '2.12': '12.00', '3.3': '52.00', '5.3': '40.00' });
    expect(fn('2299999')).toEqual({ '2.11': '5.86', '3.3': '5.86' });
  });
  it('joins names wrapped over lines', () => {
    expect(doc.functionRows.find((r) => r.code === '2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
  });
  it('puts the 1.00 of 办公设备购置费 under 资本性支出 in table 7', () => {
    expect(doc.projectRows).toEqual([{ id: 'p1', code: '2012802', name: '一般行政管理事务', project: '机关运行补助', values: { '7.3': '39.00', '7.7': '1.00' } }]);
  });
  it('reads carried-over projects into 项目支出 of their source', () => {
    expect(doc.carryoverRows.map((r) => [r.project, r.values])).toEqual([
      ['2023 年“访惠聚”自治区补助经费（为民办实事经费）', { '11.5': '5.86' }],
      ['机关运行补助（自有资金）', { '11.9': '12.00' }],
    ]);
  });
});

describe('last year derived from the narrative of 003 (this year ∓ the stated change)', () => {
  const doc = imported('003_d8581a66e967af08').doc;
  const p = doc.priorYear;
  it.each([
    ['一般公共预算 232.31 增加 30.13', p.income.gb, '202.18'],
    ['单位资金 110.00 增加 0.00', p.income.unit, '110.00'],
    ['基本支出 160.31 减少 7.87', p.basic, '168.18'],
    ['项目支出 182.00 增加 38.00', p.project, '144.00'],
    ['一般公共预算基本支出 160.31 增加 30.13', p.gbBasic, '130.18'],
    ['一般公共预算项目支出 72.00 增加 0.00', p.gbProject, '72.00'],
    ['一般行政管理事务 72.00 增加 0.00', p.gbItems['2010302'], '72.00'],
    ['事业运行 116.75 增加 25.47', p.gbItems['2010350'], '91.28'],
    ['事业单位离退休 0.20 增加 0.20', p.gbItems['2080502'], '0.00'],
    ['基本养老保险缴费 15.28 增加 1.50', p.gbItems['2080505'], '13.78'],
    ['公务员医疗补助 0.48 增加 0.05', p.gbItems['2101103'], '0.43'],
    ['住房公积金 12.27 增加 1.41', p.gbItems['2210201'], '10.86'],
    ['三公 4.96 增加 0.00', p.threePublic.total, '4.96'],
    ['公务用车运行费 4.80 增加 0.00', p.threePublic['vehicle.running'], '4.80'],
    ['公务接待费 0.16 增加 0.00', p.threePublic.reception, '0.16'],
    ['机关运行经费 19.44 增加 0.74', p.runningCosts, '18.70'],
  ])('%s', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });
  it('reads part 1, reasons, purposes, the project description, procurement and assets', () => {
    expect(doc.profile.staff).toEqual({ authorized: 8, actual: 11, active: 8, activeChange: 0, retired: 3, retiredChange: 3, veteran: 0, veteranChange: 0 });
    expect(doc.profile.offices).toEqual(['办公室', '业务科']);
    expect(doc.profile.functions).toMatch(/^负责自治州各企业事业单位招商引资/);
    expect(doc.narrative.reasons['gb.2010350']).toMatch(/^调标增资/);
    expect(doc.narrative.purposes['221']).toBe('缴纳职工住房公积金');
    expect(doc.narrative.projects.p1).toMatchObject({ scale: '72.00万元', undertaker: '昌吉回族自治州人民政府驻北京联络处' });
    expect(doc.narrative.procurement).toMatchObject({ goods: '59.77', works: '0.00', services: '43.16', sme: '102.93' });
    expect(doc.narrative.assets['building.area']).toBe('3287.52');
    expect(doc.glossary?.length).toBe(8);
  });
  it('reads the 绩效目标表: the overall one and one per project, with merged 一级/二级指标 carried down', () => {
    const t = doc.performanceTargets!;
    expect(t.overall).toMatchObject({ contact: '韩莉', phone: '15199365566', superior: '0.00', own: '232.31', other: '110.00' });
    expect(t.overall!.indicators.map((i) => [i.level3, i.value, i.weight])).toEqual([
      ['提高招商引资服务工作', '≥4 次', '20'],
      ['不断推介昌吉州特色产品知名度', '≥2 次', '20'],
      ['做好昌吉籍务工人员服务管理工作', '≥12 次', '30'],
      ['加强自治区驻京信访工作组后勤保障', '≥12 次', '20'],
    ]);
    expect(t.projects.map((p) => [p.name, p.projectId, p.total, p.fiscal, p.indicators.length])).toEqual([
      ['机构运行保障经费', undefined, '110.00', '0.00', 8],
      ['机构运行补助经费', 'p1', '72.00', '72.00', 9],
    ]);
    expect(t.projects[1]!.indicators[4]).toEqual({ level1: '成本指标', level2: '经济成本指标', level3: '维修(护)费', value: '<=15 万元', basis: '计划标准', weight: '7', lastYear: '15', scoring: '按照完成比例赋分', evidence: '原始凭证' });
  });
  it('reads what each carried-over project is for (000) and 十二（五）', () => {
    const d = imported('000_76f4246f7dc2bf91').doc;
    expect(d.narrative.carryoverPurposes).toEqual({ c1: '昌吉回族自治州工商业联合会访惠聚工作队社区贫困居民的慰问等', c2: '昌吉回族自治州工商业联合会弥补正常机构运行经费支出' });
    expect(doc.narrative.reasons.other).toBe('本部门无其他需说明事项。');
  });
});

describe('what is not a packet is refused with a Chinese reason', () => {
  it.each([
    ['empty', ''],
    ['binary', '\u0000\u0001PK\u0003\u0004'],
    ['prose', '这是一份会议纪要。\n今天讨论了预算。\n'],
    ['a 决算 packet (the budget reader; importAnyPacketText reads it as a 决算)', readFileSync(new URL('../../fixtures/001_83be6d852232fd35.txt', import.meta.url), 'utf8')],
    ['the first quarter of a packet', text('003_d8581a66e967af08').slice(0, 5000)],
  ])('%s', (_what, input) => {
    const r = importPacketText(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/[\u4e00-\u9fff]/);
  });
  it('a packet cut off in part 3 imports with a warning', () => {
    const full = text('003_d8581a66e967af08');
    const r = importPacketText(full.slice(0, full.lastIndexOf('六、关于')));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.message).join()).toMatch(/截断/);
  });
});

describe('the printed 第三部分 audited against the tables and itself', () => {
  const audit = (raw: string) => {
    const r = importPacketText(raw);
    if (!r.ok) throw new Error(r.error);
    return packetNarrativeFindings(BudgetSession.open(r.doc)).map((f) => `${f.severity} ${f.row} ${f.expected}→${f.actual}`);
  };
  it('finds no contradiction in 004 and only the rates that the rounded figures cannot give in 000 and 003', () => {
    expect(audit(text('004_b7e4b340c6b3bf95'))).toEqual([]);
    // 30.13 ÷ 130.18 = 23.14%, printed 23.15% (possible only from 元 figures): a 提示.
    expect(audit(text('003_d8581a66e967af08'))).toEqual(['warning 第三部分五 基本支出增减率 23.14%→23.15%']);
    // 3.92 ÷ 38.67 = 10.14%, printed 10.13%; 80.62% for 基本支出 is the largest-remainder share, not an error.
    expect(audit(text('000_76f4246f7dc2bf91'))).toEqual(['warning 第三部分五 事业运行增减率 10.14%→10.13%']);
  });
  it('flags a stated amount, share or rate that does not follow from the tables', () => {
    const bad = text('003_d8581a66e967af08')
      .replace('单位资金 110.00 万元', '单位资金 111.00 万元')
      .replace('占 67.87%', '占 67.97%')
      .replace('增长12.98%', '增长13.98%')
      .replace('公用经费 19.44 万元', '公用经费 19.54 万元');
    const f = audit(bad);
    expect(f).toContain('error 第三部分二 单位资金 110.00→111.00');
    expect(f).toContain('error 第三部分二 一般公共预算占比 67.87%→67.97%');
    expect(f).toContain('error 第三部分五 住房公积金增减率 12.98%→13.98%');
    expect(f).toContain('error 第三部分六 公用经费 19.44→19.54');
  });
  it('checks the 类 of 四 and 五（二）, the 项 of 五（三）, carried-over projects and 机关运行经费', () => {
    const f = audit(
      text('003_d8581a66e967af08')
        .replace('住房保障支出 12.27 万元,主要用于', '住房保障支出 12.37 万元,主要用于')
        .replace('4、住房保障支出（类）12.27 万元', '4、住房保障支出（类）12.17 万元')
        .replace('住房公积金（项）：2024年预算数为12.27万元', '住房公积金（项）：2024年预算数为12.28万元')
        .replace('机关运行经费财政拨款预算 19.44 万元', '机关运行经费财政拨款预算 19.45 万元'),
    );
    expect(f).toContain('error 第三部分四 住房保障支出 12.27→12.37');
    expect(f).toContain('error 第三部分五 住房保障支出（类） 12.27→12.17');
    expect(f).toContain('error 第三部分五 住房公积金（项） 12.27→12.28');
    expect(f).toContain('warning 第三部分十二 机关运行经费 19.44→19.45');
    const g = audit(text('000_76f4246f7dc2bf91').replace('机关运行补助（自有资金）12.00 万元，主要用于', '机关运行补助（自有资金）12.10 万元，主要用于'));
    expect(g).toContain('error 第三部分十一 机关运行补助（自有资金） 12.00→12.10');
  });
});

describe('speed', () => {
  it('imports the 004 packet in under 200 ms', () => {
    const raw = text('004_b7e4b340c6b3bf95');
    importPacketText(raw);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      importPacketText(raw);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(200);
  });
});

describe('a variant table with fewer columns is read by its header words', () => {
  const expectedTables = (id: string) => JSON.parse(readFileSync(join(FIXTURES, 'expected', `${id}.tables.json`), 'utf8'));
  it('table 2 printed without the three 上级…转移支付 columns (tab-separated, renumbered 1–9)', () => {
    const lines = text('003_d8581a66e967af08').split('\n');
    let inT2 = false;
    const variant = lines.map((l) => {
      if (l.trim() === '表 2') inT2 = true;
      if (l.trim() === '表 3') inT2 = false;
      if (!inT2 || !l.includes('\t')) return l;
      const c = l.replace(/上级(一般公共预算|政府性基金|国有资本经营预算)安排的转移支付/g, '').split('\t');
      if (c[0] === '※') return [...c.slice(0, 4), '1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\t');
      if (c.length >= 16 && c[0] !== '功能分类科目编码' && c[0] !== '类') for (const i of [11, 9, 7]) c.splice(i, 1);
      return c.join('\t');
    });
    const r = importPacketText(variant.join('\n'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/按表头文字对应：1→1，2→2，3→3，4→5，5→7，6→9，7→10，8→11，9→12$/)]);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(expectedTables('003_d8581a66e967af08'));
  });
  it('the same in the space-separated packet 000 (its 结转 and 结转结余 still land in their columns)', () => {
    const variant = text('000_76f4246f7dc2bf91')
      .replace('※ ※ ※ ※ 1 2 3 4 5 6 7 8 9 10 11 12', '※ ※ ※ ※ 1 2 3 4 5 6 7 8 9')
      .replace('上级一般公\n\n共预算安排\n\n的转移支付', '')
      .replace('上级政府性基金\n\n安排的转移支付', '')
      .replace('上级国有\n\n资本经营\n\n预算安排\n\n的转移支\n\n付', '');
    const r = importPacketText(variant);
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings[0]?.message).toMatch(/按表头文字对应：1→1，2→2，3→3，4→5，5→7，6→9，7→10，8→11，9→12$/);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(expectedTables('000_76f4246f7dc2bf91'));
  });
});

describe('other departments print the same tables a little differently', () => {
  it('title and number on one line, codes in one cell, a note under a table, integers in numbered cells', () => {
    let t = text('004_b7e4b340c6b3bf95');
    t = t.replace('表 5\n\n一般公共预算支出情况表', '表5 一般公共预算支出情况表');
    t = t.replace('201\t03\t01\t行政运行\t309.58\t309.58\t309.58', '201 03 01\t\t\t行政运行\t309.58\t309.58\t309.58');
    t = t.replace('表 6\n', '注：一般公共预算含上级一般公共预算安排的转移支付，不含上年结转。\n\n表 6\n');
    t = t.replace('\t110.00\t70.00\t\t70.00\t', '\t110.00\t70.00\t\t70\t');
    for (const s of ['表5 一般公共预算支出情况表', '201 03 01\t', '注：一般公共预算含', '\t110.00\t70.00\t\t70\t']) expect(t).toContain(s);
    const r = importPacketText(t);
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.doc.narrative.printed['note.t5']).toBe('注：一般公共预算含上级一般公共预算安排的转移支付，不含上年结转。');
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected', '004_b7e4b340c6b3bf95.tables.json'), 'utf8'));
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(expected);
  });
  it('says so when a table is in 元', () => {
    const r = importPacketText(text('003_d8581a66e967af08').replace(/(表 10[\s\S]*?)单位：万元/, '$1单位：元'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map((w) => `${w.table} ${w.message}`)).toEqual([expect.stringMatching(/^10 本表单位为“元”/)]);
  });
});
