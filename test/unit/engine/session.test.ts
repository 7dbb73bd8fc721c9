import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { formatWan } from '../../../shared/money';
import { smallDocument } from './helpers';

const w = (s: BudgetSession, t: number, r: string, c: string) => formatWan(s.value(t, r, c), { thousands: false });

describe('recalculation', () => {
  it('derives every subtotal, total and mirrored line from the entered cells', () => {
    const s = BudgetSession.open(smallDocument());
    expect(w(s, 2, 'total', '1')).toBe('314.03');
    expect(w(s, 2, '20103', '2')).toBe('188.75');
    expect(w(s, 2, '201', '10')).toBe('110.00');
    expect(w(s, 3, 'total', '2')).toBe('132.03');
    expect(w(s, 1, 'in.gb.own', '1')).toBe('204.03');
    expect(w(s, 1, 'out.201', '2')).toBe('298.75');
    expect(w(s, 1, 'out.total', '2')).toBe('314.03');
    expect(w(s, 4, 'out.208', '3')).toBe('15.28');
    expect(w(s, 10, 'total', '1')).toBe('4.96');
    expect(w(s, 7, 'unit', '1')).toBe('72.00');
    expect(s.findings()).toEqual([]);
  });

  it('lists all 30 function 类 in tables 1 and 4, and only rows with money in 2, 3, 5', () => {
    const s = BudgetSession.open(smallDocument());
    expect(s.layout(1).rows.filter((r) => r.side === 'expenditure')).toHaveLength(31);
    expect(s.layout(4).rows.filter((r) => r.side === 'expenditure')).toHaveLength(31);
    expect(s.layout(2).rows.map((r) => r.key)).toEqual(['total', '201', '20103', '2010302', '2010350', '208', '20805', '2080505']);
    expect(s.layout(8).rows.map((r) => r.key)).toEqual(['total']);
  });

  it('an edit recomputes its dependents and matches a full recomputation', () => {
    const s = BudgetSession.open(smallDocument());
    const r = s.setCell(2, '2010350', '3', '120.00');
    expect(r.ok && !r.structural).toBe(true);
    if (r.ok) expect(r.changed).toEqual(expect.arrayContaining(['2|2010350|1', '2|total|1', '1|in.total|1', '4|in.gb|1']));
    const fresh = BudgetSession.open(s.document);
    for (const l of s.layouts) for (const row of l.rows) for (const c of l.template.columns) expect(s.value(l.no, row.key, c.no)).toBe(fresh.value(l.no, row.key, c.no));
    // Tables 3 and 5 now disagree with table 2 on that row.
    const rules = s.findings().map((f) => `${f.rule}@${f.table}:${f.rowKey}`);
    expect(rules).toEqual(expect.arrayContaining(['t3.t2@3:2010350', 't5.t2@5:2010350']));
    expect(s.findings().find((f) => f.rule === 't3.t2')).toMatchObject({ severity: 'error', actual: '116.75', expected: '120.00', column: '1' });
  });

  it('random edits: incremental values always equal a fresh full computation', () => {
    const s = BudgetSession.open(smallDocument());
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const entered: Array<[number, string, string]> = [];
    for (const l of s.layouts) for (const row of l.rows) for (const c of l.template.columns) if (s.role(l.no, row.key, c.no) === 'entered') entered.push([l.no, row.key, c.no]);
    for (let i = 0; i < 300; i++) {
      const [t, r, c] = entered[rnd(entered.length)]!;
      const res = s.setCell(t, r, c, `${rnd(100000)}.${rnd(100)}`);
      expect(res.ok).toBe(true);
    }
    const fresh = BudgetSession.open(s.document);
    for (const l of fresh.layouts) for (const row of l.rows) for (const c of l.template.columns) expect(s.value(l.no, row.key, c.no)).toBe(fresh.value(l.no, row.key, c.no));
    expect(s.findings().map((f) => f.id).sort()).toEqual(fresh.findings().map((f) => f.id).sort());
  });

  it('refuses derived cells and bad numbers, leaving the document unchanged', () => {
    const s = BudgetSession.open(smallDocument());
    const before = JSON.stringify(s.document);
    const a = s.setCell(2, 'total', '1', '1');
    expect(!a.ok && a.reason).toContain('不能直接修改');
    const b = s.setCell(2, '2010350', '3', '12,3.4x');
    expect(!b.ok && b.reason).toContain('不是有效的金额');
    const c = s.setCell(2, '9999999', '3', '1');
    expect(!c.ok && c.reason).toContain('没有');
    expect(JSON.stringify(s.document)).toBe(before);
  });

  it('rows follow the data: money in 政府性基金 brings the 项 into table 8 with its 款 and 类', () => {
    const s = BudgetSession.open(smallDocument());
    const r = s.setCell(2, '2080505', '5', '3.00');
    expect(r.ok && r.structural).toBe(true);
    expect(s.layout(8).rows.map((x) => x.key)).toEqual(['total', '208', '20805', '2080505']);
    expect(s.findings().find((f) => f.rule === 't8.t2')).toMatchObject({ table: 8, rowKey: '2080505', expected: '3.00', actual: '0.00' });
    s.setCell(8, '2080505', '2', '3');
    expect(s.findings().find((f) => f.rule === 't8.t2')).toBeUndefined();
  });

  it('a printed cell that breaks one of its identities is reported there, once per identity', () => {
    const d = smallDocument();
    d.printed['6|total|1'] = '132.02';
    d.printed['2|20103|1'] = '298.75';
    const s = BudgetSession.open(d);
    const f = s.findings();
    // The printed 总计 breaks both its definitions (across the row and down the rows) and disagrees with table 5.
    expect(f.map((x) => x.rule)).toEqual(['sum.columns', 'sum.rows', 't6.t5']);
    expect(f[0]).toMatchObject({ rule: 'sum.columns', table: 6, rowKey: 'total', column: '1', actual: '132.02', expected: '132.03' });
    // A printed total is checked against the printed parts, so one wrong leaf is reported
    // at its 款 only (as a reviewer reads the packet), not at every total above it.
    const d2 = smallDocument();
    d2.printed['2|20103|3'] = '188.76';
    d2.printed['2|201|3'] = '188.76';
    d2.printed['2|total|3'] = '204.04';
    d2.printed['1|in.gb.own|1'] = '204.04';
    const f2 = BudgetSession.open(d2).findings();
    expect(f2.map((x) => `${x.rule}@${x.table}:${x.rowKey}:${x.column}`)).toEqual(['sum.rows@2:20103:3']);
    expect(f2[0]).toMatchObject({ actual: '188.76', expected: '188.75' });
    expect(f[0]!.message).toContain('印制为 132.02，本行各组成栏之和为 132.03');
  });

  it('table 10 smaller than table 6 is an error, larger a warning', () => {
    const s = BudgetSession.open(smallDocument());
    s.setCell(10, 'reception', '2', '0.10');
    expect(s.findings().map((f) => [f.rule, f.severity])).toEqual([['t10.t6.below', 'error']]);
    s.setCell(10, 'reception', '2', '0.50');
    expect(s.findings().map((f) => [f.rule, f.severity])).toEqual([['t10.t6.above', 'warning']]);
  });
});

describe('the document a session is opened with', () => {
  it('is never changed by the session: cell edits, a printed total going stale, rows added and removed', () => {
    const doc = smallDocument();
    const s0 = BudgetSession.open(doc);
    doc.printed['2|total|1'] = formatWan(s0.value(2, 'total', '1'), { thousands: false });
    const before = structuredClone(doc);
    const s = BudgetSession.open(doc);
    expect(s.setCell(2, '2010302', '3', '99.5')).toMatchObject({ ok: true, dropped: { '2|total|1': before.printed['2|total|1'] } });
    expect(s.setCell(6, s.layout(6).rows.find((r) => r.level === 'leaf')!.key, '2', '7')).toMatchObject({ ok: true });
    s.applyChanges([{ op: 'splice', path: ['functionRows'], at: 0, removed: [doc.functionRows[0]], inserted: [] }], 'forward');
    expect(s.document.functionRows).toHaveLength(before.functionRows.length - 1);
    expect(s.document.printed).toEqual({});
    expect(doc).toEqual(before);
  });
});
