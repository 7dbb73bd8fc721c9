import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { isRuleId } from '../../../shared/rules/catalog';
import { FUNCTION_CLASSES } from '../../../shared/templates/budget-2024';
import { TEMPLATES } from '../../../shared/templates/registry';
import type { TableTemplate } from '../../../shared/templates/types';
import { smallDocument } from '../engine/helpers';

describe('format templates are consistent data', () => {
  for (const format of Object.values(TEMPLATES)) {
    const byNo = new Map<number, TableTemplate>(format.tables.map((t) => [t.no, t]));
    const hasCol = (no: number, col: string) => byNo.get(no)?.columns.some((c) => c.no === col) ?? false;

    it(`${format.id}: every reference names a table and column that exist`, () => {
      const problems: string[] = [];
      for (const t of format.tables) {
        for (const c of t.columns) for (const s of c.sum ?? []) if (!hasCol(t.no, s)) problems.push(`表${t.no} 第${c.no}栏 sum ${s}`);
        if (t.kind === 'hier') {
          for (const w of t.includeWhen ?? []) for (const c of w.cols) if (!hasCol(w.table, c)) problems.push(`表${t.no} includeWhen ${w.table}.${c}`);
        } else {
          const keys = new Set(t.rows.map((r) => r.key));
          for (const r of t.rows) {
            for (const [col, cell] of Object.entries(r.cells)) {
              if (!hasCol(t.no, col)) problems.push(`表${t.no} ${r.key} 栏 ${col}`);
              if ('terms' in cell) {
                for (const term of cell.terms) {
                  const no = term.table ?? t.no;
                  if (!hasCol(no, term.col)) problems.push(`表${t.no} ${r.key} → 表${no} 栏 ${term.col}`);
                  if (no === t.no && !keys.has(term.row)) problems.push(`表${t.no} ${r.key} → 行 ${term.row}`);
                }
              }
            }
          }
        }
      }
      for (const d of format.checks) if (!isRuleId(d.rule)) problems.push(`规则 ${d.rule}`);
      expect(problems).toEqual([]);
    });

    it(`${format.id}: numbered columns are 1..n in order`, () => {
      for (const t of format.tables) expect(t.columns.map((c) => c.no)).toEqual(t.columns.map((_, i) => String(i + 1)));
    });
  }

  it('xinjiang-budget-2024: the 11 tables with their printed titles; tables 1 and 4 list all 30 function 类', () => {
    const f = TEMPLATES['xinjiang-budget-2024']!;
    expect(f.tables.map((t) => t.title)).toEqual([
      '部门收支总体情况表',
      '部门收入总体情况表',
      '部门支出总体情况表',
      '财政拨款收支预算总体情况表',
      '一般公共预算支出情况表',
      '一般公共预算基本支出情况表',
      '一般公共预算项目支出情况表',
      '政府性基金预算支出情况表',
      '国有资本经营预算支出情况表',
      '财政拨款“三公”经费支出情况表',
      '上年结转结余情况明细表',
    ]);
    expect(FUNCTION_CLASSES).toHaveLength(30);
    const s = BudgetSession.open(smallDocument());
    for (const no of [1, 4]) expect(s.layout(no).rows.filter((r) => r.key.startsWith('out.') && r.key !== 'out.total')).toHaveLength(30);
  });

  it('a table column of another format is just data: derived columns compute from their declared parts', () => {
    const s = BudgetSession.open(smallDocument());
    const t2 = s.template.tables.find((t) => t.no === 2)!;
    for (const c of t2.columns.filter((x) => x.role === 'derived')) {
      const parts = c.sum!.reduce((a, p) => a + s.value(2, 'total', p), 0);
      expect(s.value(2, 'total', c.no)).toBe(parts);
    }
  });
});
