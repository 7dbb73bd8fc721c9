import { describe, expect, it } from 'vitest';
import { DocStore } from '../../../renderer/state/store';
import { BudgetSession } from '../../../shared/engine/session';
import { workbookLayout } from '../../../shared/exporters/workbook';
import { type BudgetDocument, documentSchema, loadDocument, newDocument, serializeDocument } from '../../../shared/model';
import { AMOUNT_BOUND, formatWan, parseAmount, parseBoundedAmount, storedAmountFen } from '../../../shared/money';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeInputs, writeInput } from '../../../shared/narrative/inputs';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { DEFAULT_FORMAT_ID, builtinFormat } from '../../../shared/formats/registry';

/** Save and load as the app does: the only way a document reaches the engine. */
function reload(doc: BudgetDocument) {
  return loadDocument(serializeDocument(doc));
}

function refusal(doc: BudgetDocument): string {
  const r = reload(doc);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.error;
}

/** Opens, checks, writes the narrative and lays out the workbook: what "opens" means. */
function openAll(doc: BudgetDocument): BudgetSession {
  const r = reload(doc);
  if (!r.ok) throw new Error(r.error);
  const s = BudgetSession.open(r.doc);
  s.findings();
  generateNarrative(s);
  workbookLayout(s);
  return s;
}

const fnRow = (code: string, v: string) => ({ code, values: { '2.3': v, '3.2': v, '5.2': v } });

describe('the amount bound (money/amount-bound.ts)', () => {
  it('allows 9 integer digits and 6 decimals in 万元, 13 and 2 in 元, both up to 10^15 − 1 分', () => {
    expect(storedAmountFen('999999999.999999', '万元')).toEqual({ ok: true, fen: AMOUNT_BOUND.maxAmountFen });
    expect(storedAmountFen('9999999999999.99', '元')).toEqual({ ok: true, fen: AMOUNT_BOUND.maxAmountFen });
    expect(storedAmountFen('-0001.500000', '元')).toEqual({ ok: true, fen: -150 });
    expect(storedAmountFen('1000000000', '万元')).toMatchObject({ ok: false, reason: expect.stringContaining('金额过大') });
    expect(storedAmountFen('10000000000000', '元')).toMatchObject({ ok: false, reason: expect.stringContaining('金额过大') });
    expect(storedAmountFen('1.234', '元')).toMatchObject({ ok: false, reason: expect.stringContaining('小数位过多') });
    expect(storedAmountFen('1.1234567', '万元')).toMatchObject({ ok: false, reason: expect.stringContaining('小数位过多') });
    expect(parseBoundedAmount('１,０００,０００,０００.00', '万元')).toMatchObject({ ok: false, reason: expect.stringContaining('金额过大') });
    expect(parseBoundedAmount('999,999,999.99', '万元')).toEqual({ ok: true, fen: 999_999_999_990_000 });
  });

  it('reads stored and typed amounts digit by digit exactly as the syntax says (10,000 generated texts, both units)', () => {
    // The reference: the schema's syntax by regex, the value by BigInt, the bound by digit counts.
    const reference = (text: string, unit: '万元' | '元') => {
      const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
      if (!m) return { ok: false, kind: 'syntax' };
      const int = m[2]!.replace(/^0+/, '');
      const frac = (m[3] ?? '').replace(/0+$/, '');
      const scale = AMOUNT_BOUND.decimals[unit];
      if (frac.length > scale) return { ok: false, kind: '小数位过多' };
      if (int.length > AMOUNT_BOUND.integerDigits[unit]) return { ok: false, kind: '金额过大' };
      const fen = Number(BigInt(int || '0') * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0'));
      return { ok: true, fen: m[1] && fen !== 0 ? -fen : fen };
    };
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = '0000123456789.-';
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      const len = 1 + rand(19);
      let text = '';
      for (let k = 0; k < len; k++) text += alphabet[rand(alphabet.length)];
      for (const unit of ['万元', '元'] as const) {
        const want = reference(text, unit);
        const got = storedAmountFen(text, unit);
        expect(got.ok, `${text} ${unit}`).toBe(want.ok);
        if (got.ok && want.ok) {
          accepted++;
          expect(Object.is(got.fen, want.fen), `${text} ${unit}: ${got.fen} ≠ ${want.fen}`).toBe(true);
        } else if (!got.ok && want.kind !== 'syntax') expect(got.reason, text).toContain(want.kind);
        // What is typed goes through parseAmount: the same value wherever the stored syntax holds.
        const typed = parseAmount(text, unit);
        if (want.ok) expect(typed, `${text} ${unit}`).toEqual({ ok: true, fen: want.fen });
        if (want.kind === '小数位过多') expect(typed, text).toMatchObject({ ok: false, reason: expect.stringContaining('小数位过多') });
      }
    }
    expect(accepted).toBeGreaterThan(1000); // the generator reaches valid amounts, not only refusals
  });

  it('parses any total the engine can print, and refuses beyond exact integers instead of throwing', () => {
    expect(parseAmount('1,000,000,000.00', '万元')).toEqual({ ok: true, fen: 10 ** 15 });
    expect(parseAmount('9007199254.740991', '万元')).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER });
    expect(parseAmount('9007199254.740992', '万元')).toMatchObject({ ok: false });
    expect(parseAmount('12345678901234567890', '元')).toMatchObject({ ok: false });
  });

  it('every engine cell counts an amount at most once, so totals stay within the document magnitude', () => {
    // Fill every entered cell of every table (with sub-units), then measure each amount's weight in every node.
    const t = builtinFormat(DEFAULT_FORMAT_ID)!;
    const d = newDocument('权重测试', 2024);
    const vals: Record<string, Record<string, string>> = { function: {}, economic: {}, project: {}, carryover: {} };
    for (const tb of t.tables) {
      if (tb.kind === 'hier') for (const c of tb.columns) if (c.role === 'entered') vals[tb.rowSet]![`${tb.no}.${c.no}`] = '1';
      if (tb.kind === 'fixed') {
        const rows: Record<string, Record<string, string>> = {};
        for (const r of tb.rows) for (const [col, cell] of Object.entries(r.cells)) if ('entered' in cell) rows[r.key] = { ...rows[r.key], [col]: '1' };
        d.fixed[String(tb.no)] = rows;
      }
    }
    d.subUnits.push('下属单位');
    d.functionRows.push({ code: '2010302', values: { ...vals.function } }, { code: '2080505', values: { ...vals.function } });
    d.economicRows.push({ code: '30101', values: { ...vals.economic } }, { code: '30201', values: { ...vals.economic } });
    d.projectRows.push({ id: 'p1', code: '2010302', project: '甲', values: { ...vals.project } });
    d.projectRows.push({ id: 'p2', code: '2080505', project: '乙', unit: '下属单位', values: { ...vals.project } });
    d.carryoverRows.push({ id: 'c1', project: '丙', unit: '下属单位', values: { ...vals.carryover } });
    const g = BudgetSession.open(d).graph;
    const zero = new Array<number>(g.size).fill(0);
    let entered = 0;
    let worst = 0;
    for (let i = 0; i < g.size; i++) {
      if (!g.isEntered(i)) continue;
      entered++;
      const unit = zero.slice();
      unit[i] = 1;
      for (const v of g.evaluate(unit)) worst = Math.max(worst, Math.abs(v));
    }
    expect(entered).toBeGreaterThan(80);
    expect(worst).toBe(1);
    expect(AMOUNT_BOUND.maxDocumentFen * AMOUNT_BOUND.engineHeadroom).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('a document at the bound opens with exact totals; one 分 more is refused, naming the largest cell', () => {
    // 500 rows whose amounts add up to exactly the bound: every total must be the exact sum.
    const d = newDocument('上限测试', 2024, '元');
    const rows = 500;
    const each = Math.floor(AMOUNT_BOUND.maxDocumentFen / (rows * 3));
    for (let i = 0; i < rows; i++) d.functionRows.push(fnRow(`2${String(1000000 + i).slice(1)}`, (each / 100).toFixed(2)));
    const rest = AMOUNT_BOUND.maxDocumentFen - each * rows * 3;
    const first = d.functionRows[0]!.values;
    first['2.4'] = (rest / 100).toFixed(2);
    const s = openAll(d);
    expect(s.value(2, 'total', '3')).toBe(each * rows);
    expect(BigInt(s.value(2, 'total', '1'))).toBe(BigInt(each) * BigInt(rows) + BigInt(rest));
    expect(s.value(3, 'total', '1')).toBe(each * rows);
    first['2.4'] = ((rest + 1) / 100).toFixed(2);
    expect(refusal(d)).toMatch(/金额总量超出本程序可精确计算的范围.*最大的一项在表2 第\d+行“2\d{6}”第3列/);
  });
});

describe('documents that used to pass the schema and crash on open (issue 10)', () => {
  it('10+ integer digits in 万元: refused naming the table, row, name and column', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push(fnRow('2010350', '1.00'), { code: '2010302', values: { '2.3': '1234567890.00' } });
    expect(refusal(d)).toBe(
      '预算文档内容有误：表2 第4行“2010302 一般行政管理事务”第3列（一般公共预算）：“1234567890.00”金额过大（按万元录入的金额最多 9 位整数、6 位小数）',
    );
  });

  it('元 amounts with more than 2 decimals: refused naming the cell', () => {
    const d = newDocument('测试部门', 2024, '元');
    d.economicRows.push({ code: '30101', values: { '6.2': '100.125' } });
    expect(refusal(d)).toMatch(/^预算文档内容有误：表6 第3行“30101 基本工资”第2列（人员经费）：“100\.125”小数位过多（按元录入的金额最多 13 位整数、2 位小数）$/);
  });

  it('ten rows at 999,999,999.99 万元: refused for the total, each row alone is within bound', () => {
    const d = newDocument('测试部门', 2024);
    for (let i = 0; i < 10; i++) d.functionRows.push({ code: `20103${String(i + 1).padStart(2, '0')}`, values: { '2.3': '999999999.99' } });
    expect(refusal(d)).toContain('金额总量超出本程序可精确计算的范围（全部金额（取绝对值）合计须小于 1,000,000,000 万元（10 万亿元））');
    d.functionRows.splice(1);
    expect(openAll(d).value(2, 'total', '3')).toBe(999_999_999_990_000);
  });

  it('duplicate function codes, economic codes, project ids and carry-over ids: a validation error naming both rows', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push(fnRow('2010302', '1'), fnRow('2010350', '2'), fnRow('2010302', '3'));
    expect(refusal(d)).toBe(
      '预算文档内容有误：功能分类科目编码“2010302”重复：功能分类科目行第 1 项“2010302”与功能分类科目行第 3 项“2010302”；每个功能分类科目编码只能有一行，请合并或删除其中一行',
    );
    d.functionRows.splice(2);
    d.projectRows.push({ id: 'p1', code: '2010302', project: '甲项目', values: {} }, { id: 'p1', code: '2010350', project: '乙项目', values: {} });
    d.economicRows.push({ code: '30101', values: {} }, { code: '30101', name: '工资', values: {} });
    d.carryoverRows.push({ id: 'c', project: '丙', values: {} }, { id: 'c', project: '丁', values: {} });
    const e = refusal(d);
    expect(e).toContain('经济分类科目编码“30101”重复：经济分类科目行第 1 项“30101”与经济分类科目行第 2 项“30101 工资”');
    expect(e).toContain('项目编号“p1”重复：项目行第 1 项“2010302 甲项目”与项目行第 2 项“2010350 乙项目”');
    expect(e).toContain('结转结余项目编号“c”重复：结转结余项目行第 1 项“丙”与结转结余项目行第 2 项“丁”');
  });

  it('totals over 1e9 万元 are refused at load; a total that rounds to 1,000,000,000.00 万元 still narrates', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push(fnRow('2010302', '600000000'), fnRow('2010350', '600000000'));
    expect(refusal(d)).toContain('金额总量超出');
    const ok = newDocument('测试部门', 2024);
    ok.functionRows.push({ code: '2010302', values: { '2.3': '500000000' } }, { code: '2010350', values: { '2.3': '499999999.995' } });
    const s = openAll(ok);
    expect(formatWan(s.value(2, 'total', '1'))).toBe('1,000,000,000.00');
    const text = JSON.stringify(generateNarrative(s).sections[0]);
    expect(text).toContain('1,000,000,000.00');
  });

  it('printed values, fixed cells and last year’s figures are bound too, each named', () => {
    const d = newDocument('测试部门', 2024);
    d.printed['2|total|1'] = '1234567890.00';
    expect(refusal(d)).toContain('表2 第1行“总计”第1列（总计）的印制数：“1234567890.00”金额过大');
    const f = newDocument('测试部门', 2024);
    f.fixed['1'] = { 'in.unit.other': { '1': '1234567890' } };
    expect(refusal(f)).toContain('表1 第17行“其他收入”第1列（收入预算数）：“1234567890”金额过大');
    const p = newDocument('测试部门', 2024, '元');
    p.priorYear.basic = '1.001';
    expect(refusal(p)).toContain('上年预算数（priorYear） → 基本支出（basic）：“1.001”小数位过多');
  });

  it('ids that could take another row’s key are refused', () => {
    const d = newDocument('测试部门', 2024);
    d.projectRows.push({ id: 'x/201', code: '2010302', project: '甲', values: { '7.3': '1' } });
    expect(refusal(d)).toContain('编号不能为空，也不能含“/”');
    d.projectRows = [{ id: 'p1', code: '2010302', project: '甲', unit: 'unit:乙', values: { '7.3': '1' } }];
    expect(refusal(d)).toContain('单位名称不能以“unit:”开头');
  });

  it('documentSchema itself refuses what would not open (new-document, next-year and samples parse with it)', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push(fnRow('2010302', '1'), fnRow('2010302', '1'));
    expect(documentSchema.safeParse(d).success).toBe(false);
  });
});

describe('edits keep the document within the bound', () => {
  it('a typed amount beyond the bound or pushing the total over is refused and changes nothing', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push({ code: '2010302', values: { '2.3': '900000000' } });
    const s = openAll(d);
    const before = serializeDocument(s.document);
    expect(s.setCell(2, '2010302', '4', '1000000000')).toMatchObject({ ok: false, reason: expect.stringContaining('金额过大') });
    expect(s.setCell(2, '2010302', '4', '1.1234567')).toMatchObject({ ok: false, reason: expect.stringContaining('小数位过多') });
    expect(s.setCell(2, '2010302', '4', '200000000')).toMatchObject({ ok: false, reason: expect.stringContaining('金额总量超出') });
    expect(serializeDocument(s.document)).toBe(before);
    expect(s.value(2, 'total', '1')).toBe(900_000_000_000_000);
  });

  it('the document magnitude is kept through edits: within stays accepted, over is refused', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push({ code: '2010302', values: { '2.3': '600000000' } });
    const s = openAll(d);
    expect(s.setCell(2, '2010302', '4', '399999999.999999')).toMatchObject({ ok: true });
    expect(s.setCell(2, '2010302', '5', '0.000001')).toMatchObject({ ok: false, reason: expect.stringContaining('金额总量超出') });
    // Lowering one cell makes room for another.
    expect(s.setCell(2, '2010302', '3', '500000000')).toMatchObject({ ok: true });
    expect(s.setCell(2, '2010302', '5', '100000000')).toMatchObject({ ok: true });
    expect(reload(s.document).ok).toBe(true);
    generateNarrative(s);
  });

  it('a narrative amount input is bound per amount (last year’s figures are not added up by the engine)', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push({ code: '2010302', values: { '2.3': '900000000' } });
    const s = openAll(d);
    const field = narrativeInputs(s.document, generateNarrative(s)).find((f) => f.kind === 'amount')!;
    const doc = structuredClone(s.document);
    expect(writeInput(doc, field, '1000000000')).toMatchObject({ ok: false, reason: expect.stringContaining('金额过大') });
    expect(writeInput(doc, field, '1.1234567')).toMatchObject({ ok: false, reason: expect.stringContaining('小数位过多') });
    expect(writeInput(doc, field, '999999999.999999')).toEqual({ ok: true });
    const again = reload(doc);
    expect(again.ok).toBe(true);
    if (again.ok) generateNarrative(BudgetSession.open(again.doc));
  });
});

describe('the editing store keeps what it holds openable', () => {
  it('a form or row change that would not load again is refused with the reason, the document unchanged', () => {
    const s = new DocStore(sampleDocument());
    const before = serializeDocument(s.document);
    const fiscal = (v: string) =>
      s.updateDocument('修改绩效目标表', (d) => {
        d.performanceTargets = { projects: [{ name: '甲', fiscal: v, goal: '', indicators: [] }] };
        return { ok: true };
      });
    expect(fiscal('abc')).toEqual({ ok: false, reason: '绩效目标表（performanceTargets） → 项目（projects） → 第 1 项 → 财政资金（fiscal）：应为金额文本，如 "1234.56"' });
    expect(fiscal('99999999999')).toMatchObject({ ok: false, reason: expect.stringContaining('“99999999999”金额过大') });
    const dup = s.updateDocument('增加项目', (d) => {
      d.projectRows.push({ ...d.projectRows[0]!, project: '重复的项目' });
      return { ok: true };
    });
    expect(dup).toMatchObject({ ok: false, reason: expect.stringContaining('项目编号“p1”重复') });
    expect(serializeDocument(s.document)).toBe(before);
    expect(fiscal('12.50')).toEqual({ ok: true });
    expect(reload(s.document).ok).toBe(true);
  });
});

describe('next year from a document at the bound', () => {
  it('carries its totals as last year’s figures and still opens', () => {
    const d = newDocument('测试部门', 2024);
    d.functionRows.push({ code: '2010302', values: { '2.3': '600000000', '3.2': '200000000', '5.2': '199999999.99' } });
    expect(reload(d).ok).toBe(true);
    const next = nextYearDocument(d);
    // Last year's figures add up to 1.2e9 万元, past the table bound: they are bound one by one only.
    expect(next.priorYear.income.gb).toBe('600000000.00');
    expect(next.priorYear.gbItems['2010302']).toBe('199999999.99');
    const s = openAll(next);
    expect(generateNarrative(s).sections).toHaveLength(12);
  });
});
