import type { PerformanceTargets } from '../../model';
import type { Figures } from '../figures';
import { projectRowsOf, tableProject } from './table-order';

type ProjectTable = PerformanceTargets['projects'][number];

/** Nothing filled in but the project it is for: no goal, indicator, manager, unit or amount. */
export function isBlankTable(p: ProjectTable): boolean {
  return p.goal.trim() === '' && p.indicators.length === 0 && !p.manager?.trim() && !p.unit?.trim() && !p.total?.trim() && !p.fiscal?.trim() && !p.other?.trim();
}

/**
 * The project tables the document keeps of those the 绩效目标表 page shows: all but the blank ones of
 * table 7 projects, which the page shows (and the packet leaves out) whether kept or not. Kept, the
 * 60,000 blank tables of a large department made the first field stored on the page a change of
 * 60,000 tables (copied, checked and held for 撤销: ~1 s) and every later one a copy of them all.
 */
export function keptTables(projects: readonly ProjectTable[], fig: Figures): ProjectTable[] {
  const rows = projectRowsOf(fig);
  return projects.filter((p) => p.projectId === undefined || !isBlankTable(p) || !tableProject(rows, p.projectId));
}
