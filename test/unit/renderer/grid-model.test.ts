import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model';
import { BudgetSession } from '../../../shared/engine/session';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { tableView } from '../../../shared/views/table-view';
import { planPaste, parseTsv, type TargetCell } from '../../../renderer/grid/clipboard';
import { buildGridModel, reuseRows, withThousands } from '../../../renderer/grid/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { type CellMarks, cellMarks } from '../../../shared/views/cell-marks';

describe('grid model', () => {
  const s = BudgetSession.open(sampleDocument());

  it('formats amounts with thousands separators, blank for zero', () => {
    expect(withThousands('1234567.50')).toBe('1,234,567.50');
    expect(withThousands('-1234.00')).toBe('-1,234.00');
    expect(withThousands('12.00')).toBe('12.00');
    expect(withThousands(undefined)).toBe('');
  });

  it('table 2: code parts, grouped numbered headers, 总计 first', () => {
    const m = buildGridModel(tableView(s, 2), cellMarks(s, s.findings()));
    expect(m.rows[0]!.id).toBe('total');
    expect(m.rows.find((r) => r.id === '2010350')!.code).toEqual(['201', '03', '50']);
    expect(m.allCols.slice(0, 5)).toEqual(['code0', 'code1', 'code2', 'name', 'c1']);
    const fiscal = m.columns.find((c) => c.kind === 'group' && c.header === '财政拨款（补助）');
    expect(fiscal).toBeDefined();
    expect(m.addr(m.rows[0]!, 'c3')).toEqual({ rowKey: 'total', col: '3' });
    expect(m.addr(m.rows[0]!, 'code0')).toBeNull();
  });

  it('table 1: income and expenditure side by side, totals on the last line', () => {
    const m = buildGridModel(tableView(s, 1), cellMarks(s, s.findings()));
    expect(m.sided).toBe(true);
    const last = m.rows.at(-1)!;
    expect(last.left?.key).toBe('in.total');
    expect(last.right?.key).toBe('out.total');
    expect(last.cells.in1?.text).toBe('342.32');
    expect(last.cells.out2?.text).toBe('342.32');
    expect(m.rows[0]!.left?.name).toBe('一、本年收入');
    expect(m.rows[0]!.right?.name).toBe('201 一般公共服务支出');
    expect(m.locate('out.208', '2')).toEqual({ rowId: 'pair:7', colId: 'out2' });
  });
});

describe('grid model marks', () => {
  it('004 (a published packet with errors): every marked cell of table 2 and none else, row names included', () => {
    const r = loadDocument(readFileSync(new URL('../../fixtures/004.budget.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    const s = BudgetSession.open(r.doc);
    const marks = cellMarks(s, s.findings());
    for (const table of [2, 3, 7]) {
      const m = buildGridModel(tableView(s, table), marks);
      const expected = new Map<string, string>();
      for (const [id, mark] of marks) {
        const [t, row, col] = id.split('|');
        if (Number(t) === table && m.rows.some((x) => x.id === row && (col === '' || x.cells[`c${col}`]))) expected.set(`${row}|${col === '' ? 'name' : `c${col}`}`, mark.severity);
      }
      const got = new Map<string, string>();
      for (const row of m.rows) for (const [col, mark] of Object.entries(row.marks)) got.set(`${row.id}|${col}`, mark);
      expect(got).toEqual(expected);
      if (table === 2) expect(got.size).toBeGreaterThan(0);
    }
  });

  it('a row-level mark marks the name; a mark on a cell the row lacks, or on a row the table lacks, marks nothing', () => {
    const s = BudgetSession.open(sampleDocument());
    const leaf = s.layout(2).rows.find((r) => r.level === 'leaf')!.key;
    const marks: CellMarks = new Map([
      [`2|${leaf}|`, { severity: 'error', findings: [] }],
      [`2|${leaf}|3`, { severity: 'warning', findings: [] }],
      ['2|total|1', { severity: 'error', findings: [] }],
      [`2|${leaf}|99`, { severity: 'error', findings: [] }],
      ['2|no-such-row|3', { severity: 'error', findings: [] }],
      [`3|${leaf}|2`, { severity: 'error', findings: [] }],
    ]);
    const m = buildGridModel(tableView(s, 2), marks);
    const got = m.rows.filter((r) => Object.keys(r.marks).length > 0).map((r) => [r.id, r.marks]);
    expect(got).toEqual([
      ['total', { c1: 'error' }],
      [leaf, { name: 'error', c3: 'warning' }],
    ]);
  });
});

describe('grid model after rows change', () => {
  it('a project deleted from 表7: the rows it leaves as they were are the old objects, the rest new; the model equals one built afresh', () => {
    const s = BudgetSession.open(syntheticDocument(400));
    const before = buildGridModel(tableView(s, 7), cellMarks(s, s.findings()));
    const gone = s.document.projectRows[5]!;
    s.applyChanges([{ op: 'splice', path: ['projectRows'], at: 5, removed: [gone], inserted: [] }], 'forward');
    const marks = cellMarks(s, s.findings());
    const fresh = buildGridModel(tableView(s, 7), marks);
    const next = reuseRows(buildGridModel(tableView(s, 7), marks), before);
    expect(next.rows).toEqual(fresh.rows);
    const old = new Set(before.rows);
    const kept = next.rows.filter((r) => old.has(r));
    const made = next.rows.filter((r) => !old.has(r)).map((r) => r.id);
    // Kept: most rows. Made anew: the 总计, the unit and the 类/款/项 sums above the project, and any row whose marks changed.
    expect(kept.length).toBeGreaterThan(next.rows.length - 20);
    expect(made).toContain('total');
    expect(made.length).toBeGreaterThanOrEqual(2);
    expect(before.rows.some((r) => r.id === `p:${gone.id}`)).toBe(true);
    expect(next.rows.some((r) => r.id === `p:${gone.id}`)).toBe(false);
    for (const id of made) {
      const was = before.rows.find((r) => r.id === id);
      if (was) expect(was).not.toEqual(next.rows.find((r) => r.id === id));
    }
  });
});

describe('paste planning', () => {
  const grid = (entered: (r: number, c: number) => boolean) => (row: number, col: number): TargetCell => ({
    table: 2,
    row: `r${row}`,
    col: String(col),
    entered: entered(row, col),
    label: `第${row + 1}行第${col}栏`,
  });
  const area = { top: 1, left: 1, height: 1, width: 1, rowCount: 5, colCount: 5 };

  it('reads Excel/WPS text: CRLF, trailing newline, quoted cells', () => {
    expect(parseTsv('1\t2\r\n3\t"4"\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('plans a block into entered cells', () => {
    const p = planPaste('1,234.5\t２\n-3\t', { ...area, cellAt: grid(() => true) }, '万元');
    expect(p).toEqual({
      ok: true,
      rows: 2,
      cols: 2,
      edits: [
        { table: 2, row: 'r1', col: '1', text: '1,234.5' },
        { table: 2, row: 'r1', col: '2', text: '２' },
        { table: 2, row: 'r2', col: '1', text: '-3' },
        { table: 2, row: 'r2', col: '2', text: '' },
      ],
    });
  });

  it('refuses blocks over derived cells, past the edge, or with text', () => {
    expect(planPaste('1\t2', { ...area, cellAt: grid((_, c) => c !== 2) }, '万元')).toMatchObject({ ok: false, reason: expect.stringContaining('第2行第2栏') });
    expect(planPaste('1\t2\t3\t4\t5', { ...area, cellAt: grid(() => true) }, '万元')).toMatchObject({ ok: false, reason: expect.stringContaining('超出了表格范围') });
    expect(planPaste('1\tabc', { ...area, cellAt: grid(() => true) }, '万元')).toMatchObject({ ok: false, reason: expect.stringContaining('“abc”不是有效的金额') });
  });

  it('fills a selected block with one copied value', () => {
    const p = planPaste('7', { ...area, height: 2, width: 2, cellAt: grid(() => true) }, '万元');
    expect(p.ok && p.edits.length).toBe(4);
  });
});
