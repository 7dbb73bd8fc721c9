import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { findCells, planReplace, skippedText } from '../../../shared/views/find-cells';

/** 查找和替换 across the tables of the sample department (values as the 003 packet prints them). */
const session = BudgetSession.open(sampleDocument());
const brief = (q: string, tables?: number[]) => findCells(session, q, tables ? { tables } : {}).hits.map((h) => `${h.table}|${h.rowKey}|${h.col ?? ''}|${h.field}|${h.text}|${h.role ?? ''}|${h.whole ?? ''}`);

describe('findCells', () => {
  it('finds an amount in every table it shows in, entered and computed, however many decimals were typed', () => {
    expect(brief('15.28')).toEqual([
      '2|2080505|1|amount|15.28|derived|true',
      '2|2080505|2|amount|15.28|derived|true',
      '2|2080505|3|amount|15.28|entered|true',
      '3|2080505|1|amount|15.28|derived|true',
      '3|2080505|2|amount|15.28|entered|true',
      '5|2080505|1|amount|15.28|derived|true',
      '5|2080505|2|amount|15.28|entered|true',
      '6|30108|1|amount|15.28|derived|true',
      '6|30108|2|amount|15.28|entered|true',
    ]);
    expect(brief('0.2')).toEqual(brief('0.20'));
    expect(brief('0.2')[2]).toBe('2|2080502|3|amount|0.20|entered|true');
    // Thousands separators in the query are ignored: 表2 总计 第1栏 is 342.32.
    expect(brief('342.32', [2])).toEqual(brief('3,42.32', [2]));
  });

  it('finds digits inside an amount (not whole), names, codes and labels the hit by row and column', () => {
    const part = findCells(session, '7.6', { tables: [2] }).hits;
    expect(part.map((h) => `${h.rowKey}|${h.col}|${h.text}|${h.whole}`)).toEqual([
      '2080506|1|7.64|false',
      '2080506|2|7.64|false',
      '2080506|3|7.64|false',
      '2101102|1|7.64|false',
      '2101102|2|7.64|false',
      '2101102|3|7.64|false',
    ]);
    expect(part[2]?.rowLabel).toBe('2080506 机关事业单位职业年金缴费支出');
    expect(part[2]?.colLabel).toBe('第3栏（一般公共预算）');
    expect(brief('住房公积金')).toEqual(['2|2210201||name|住房公积金||', '3|2210201||name|住房公积金||', '5|2210201||name|住房公积金||', '6|30113||name|住房公积金||']);
    expect(brief('2080505')).toEqual(['2|2080505||code|2080505||', '3|2080505||code|2080505||', '5|2080505||code|2080505||']);
    expect(findCells(session, '   ').total).toBe(0);
    expect(findCells(session, '没有这个词').total).toBe(0);
  });

  it('lists at most `limit` hits and counts them all', () => {
    const r = findCells(session, '7.6', { limit: 5 });
    expect(r.hits).toHaveLength(5);
    expect(r.total).toBe(18);
  });
});

describe('planReplace', () => {
  it('replaces whole entered amounts only; computed cells, partial digits and names are counted as skipped', () => {
    const p = planReplace(findCells(session, '15.28').hits, '16,000.5');
    expect(p.edits).toEqual([
      { table: 2, row: '2080505', col: '3', text: '16000.5' },
      { table: 3, row: '2080505', col: '2', text: '16000.5' },
      { table: 5, row: '2080505', col: '2', text: '16000.5' },
      { table: 6, row: '30108', col: '2', text: '16000.5' },
    ]);
    expect(p.skipped).toEqual({ derived: 5, partial: 0, text: 0 });
    expect(skippedText(p.skipped)).toBe('跳过 5 个计算得出的单元格（灰色，由其他单元格算出）');
    const q = planReplace(findCells(session, '7.6').hits, '8');
    expect(q.edits).toEqual([]);
    expect(skippedText(q.skipped)).toBe('跳过 10 个计算得出的单元格（灰色，由其他单元格算出）、8 个只有部分数字相同的金额');
    expect(skippedText(planReplace(findCells(session, '住房公积金').hits, 'x').skipped)).toBe('跳过 4 处编码或名称（不在此替换）');
  });
});
