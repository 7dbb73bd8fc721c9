import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { runSteps } from '../../../shared/engine/steps';
import type { PerformanceTargets } from '../../../shared/model';
import { Figures } from '../../../shared/narrative/figures';
import { isBlankTable, keptTables } from '../../../shared/narrative/performance/kept-tables';
import { resolveProjects, resolveProjectsSteps } from '../../../shared/narrative/performance/resolve';
import { projectRowsOf, tableOrder, tableSlots } from '../../../shared/narrative/performance/table-order';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { importedDocument, PERFORMANCE_003 } from './published-fixtures';

type Table = PerformanceTargets['projects'][number];
const ind = (weight: string) => ({ level1: '产出指标', level2: '数量指标', level3: '完成率', value: '100%', basis: '', weight });

describe('项目支出绩效目标表: their order, the blank ones, what the document keeps', () => {
  const doc = syntheticDocument(600);
  const fig = new Figures(BudgetSession.open(doc));
  const rows = projectRowsOf(fig);
  const idOf = (i: number) => rows[i]!.key.slice(2);
  const nameOf = (i: number) => rows[i]!.project ?? rows[i]!.name;

  it('a table filled in for the 3rd project of table 7 stays 3rd, between the blank ones', () => {
    expect(rows.length).toBeGreaterThan(100);
    const stored: Table[] = [{ projectId: idOf(2), name: nameOf(2), goal: '完成年度任务。', indicators: [] }];
    const slots = tableSlots(fig, stored);
    expect(slots).toHaveLength(rows.length);
    expect(slots.map((s) => s.row?.key)).toEqual(rows.map((r) => r.key));
    expect(slots[2]).toEqual({ index: 0, row: rows[2] });
    expect(slots.filter((s) => s.index !== undefined)).toHaveLength(1);
  });

  it('tables filled in keep their own order (a packet’s as printed); a project outside table 7 stays where it was', () => {
    const stored: Table[] = [
      { projectId: idOf(50), name: nameOf(50), goal: 'a', indicators: [] },
      { name: '单位资金项目', goal: 'b', indicators: [] },
      // Found by its name, as an imported packet's are.
      { name: nameOf(10), goal: 'c', indicators: [] },
    ];
    const slots = runSteps(tableOrder(stored, rows));
    const at = (i: number) => slots.findIndex((s) => s.index === i);
    // Project 10's table follows at once (its place in table 7 is behind), the one outside table 7 just before it.
    expect([at(0), at(1), at(2)]).toEqual([49, 50, 51]);
    // The blanks of projects 0–49 but 10 (which has its table) come before the first table, the rest after the last.
    expect(slots.slice(0, 49).every((s) => s.index === undefined)).toBe(true);
    expect(slots.filter((s) => s.index === undefined && s.row.key === rows[10]!.key)).toHaveLength(0);
    expect(slots).toHaveLength(rows.length + 1);
  });

  it('the packet’s own order of 003’s tables is kept (机构运行保障经费, outside table 7, first)', () => {
    const d = importedDocument('003');
    d.performanceTargets = structuredClone(PERFORMANCE_003);
    const names = resolveProjects(new Figures(BudgetSession.open(d))).map((p) => p.name);
    expect(names.filter((n) => PERFORMANCE_003.projects.some((p) => p.name === n))).toEqual(PERFORMANCE_003.projects.map((p) => p.name));
  });

  it('the document keeps the tables filled in, not the blank ones the page shows for table 7 projects', () => {
    const blank = (i: number): Table => ({ projectId: idOf(i), name: nameOf(i), goal: '', indicators: [] });
    const shown: Table[] = [blank(0), { ...blank(1), goal: '完成。' }, { ...blank(2), indicators: [ind('100')] }, { ...blank(3), manager: '张三' }, { ...blank(4), goal: '  ' }, { name: '新项目', goal: '', indicators: [] }, { projectId: 'not-in-table-7', name: 'x', goal: '', indicators: [] }];
    expect(shown.map(isBlankTable)).toEqual([true, false, false, false, true, true, true]);
    const kept = keptTables(shown, fig);
    // A blank table added by hand, and one for a project not in table 7, are the user's own: kept.
    expect(kept.map((t) => t.name)).toEqual([nameOf(1), nameOf(2), nameOf(3), '新项目', 'x']);
    // What the page shows again from the kept tables is what it showed: the same tables in the same places.
    const again = tableSlots(fig, kept).map((s) => (s.index !== undefined ? kept[s.index]!.name : s.row.project ?? s.row.name));
    expect(again.slice(0, 5)).toEqual(shown.slice(0, 5).map((t) => t.name));
    // The table added by hand stays last, after every blank one; the one of a project outside table 7 just before it.
    expect(again.slice(-2)).toEqual(['新项目', 'x']);
    expect(again).toHaveLength(rows.length + 2);
  });

  it('resolved in steps as at once: the same tables, a step per 2,000 rows', () => {
    const big = BudgetSession.open(syntheticDocument(10_000));
    const at = resolveProjects(new Figures(big));
    const steps = resolveProjectsSteps(new Figures(big));
    let n = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) n++;
    expect(r.value).toEqual(at);
    expect(at.length).toBeGreaterThan(5_000);
    expect(n).toBeGreaterThanOrEqual(Math.floor(at.length / 2_000));
  });
});
