import type { BudgetDocument, PerformanceIndicator } from '../../model';
import { type Fen, parseBoundedAmount } from '../../money';
import type { Figure } from '../builder';
import { runSteps, type Steps } from '../../engine/steps';
import { type Figures, type MoneyRow, ROWS_PER_STEP } from '../figures';
import { projectRowsSteps, tableOrder } from './table-order';

/** A 绩效目标表 with its amounts resolved from the document (what the packet prints). */
export interface ResolvedOverall {
  department: string;
  contact: string;
  phone: string;
  goal: string;
  total: Figure;
  /** 财政资金 上级安排 / 本级安排, 其他资金 as entered (or the tables' split when not entered). */
  superior: Figure;
  own: Figure;
  other: Figure;
  /** What the tables say 财政资金 and 其他资金 are, for the agreement check. */
  fiscalExpected: Figure;
  otherExpected: Figure;
  indicators: PerformanceIndicator[];
}

export interface ResolvedProject {
  key: string;
  name: string;
  unit: string;
  manager: string;
  goal: string;
  total: Figure;
  fiscal: Figure;
  other: Figure;
  /** Set for a table 7 project: the amount the table holds. */
  tableAmount?: Figure;
  indicators: PerformanceIndicator[];
}

function entered(doc: BudgetDocument, text: string | undefined, field: string): Figure | null {
  if (text === undefined || text.trim() === '') return null;
  const p = parseBoundedAmount(text, doc.unit);
  return p.ok ? { fen: p.fen, source: { kind: 'input', field } } : null;
}

function sumOf(parts: Figure[]): Figure {
  return { fen: parts.reduce((s: Fen, p) => s + p.fen, 0), source: { kind: 'sum', of: parts.map((p) => p.source) } };
}

/** Table 2 总计 columns: 财政资金 = 3–8 and 11 (财政拨款结转); 其他资金 = 9, 10, 12. */
export function resolveOverall(fig: Figures): ResolvedOverall {
  const doc = fig.doc;
  const o = doc.performanceTargets?.overall;
  const c = (col: string) => fig.cell(2, 'total', col);
  const superiorT = sumOf(['4', '6', '8'].map(c));
  const ownT = sumOf(['3', '5', '7', '11'].map(c));
  const otherT = sumOf(['9', '10', '12'].map(c));
  return {
    department: doc.department,
    contact: o?.contact ?? '',
    phone: o?.phone ?? '',
    goal: o?.goal ?? '',
    total: fig.cell(2, 'total', '1'),
    superior: entered(doc, o?.superior, 'performanceTargets.overall.superior') ?? superiorT,
    own: entered(doc, o?.own, 'performanceTargets.overall.own') ?? ownT,
    other: entered(doc, o?.other, 'performanceTargets.overall.other') ?? otherT,
    fiscalExpected: sumOf([superiorT, ownT]),
    otherExpected: otherT,
    indicators: o?.indicators ?? [],
  };
}

/** Each Figures' projects, made once: the 绩效目标表 page, its findings and the text check ask in turn (60,000 projects at 100,000 items). */
const RESOLVED = new WeakMap<Figures, readonly ResolvedProject[]>();

/**
 * One 项目支出绩效目标表 per project: those the accountant filled in, then a blank one for each
 * table 7 project without a table yet (so none is forgotten in print).
 */
export function resolveProjects(fig: Figures): readonly ResolvedProject[] {
  return runSteps(resolveProjectsSteps(fig));
}

/** `resolveProjects` in steps of a few ms (the 绩效目标表 page of a large department makes them off its first task). */
export function* resolveProjectsSteps(fig: Figures): Steps<readonly ResolvedProject[]> {
  let r = RESOLVED.get(fig);
  if (!r) {
    r = yield* resolveAll(fig);
    RESOLVED.set(fig, r);
  }
  return r;
}

/** The projects of `fig` are made already: `resolveProjects` answers at once. */
export const projectsResolved = (fig: Figures): boolean => RESOLVED.has(fig);

function* resolveAll(fig: Figures): Steps<ResolvedProject[]> {
  const doc = fig.doc;
  const stored = doc.performanceTargets?.projects ?? [];
  const slots = yield* tableOrder(stored, yield* projectRowsSteps(fig));
  const unitOf = new Map(doc.projectRows.map((p) => [`p:${p.id}`, p.unit]));
  const out: ResolvedProject[] = [];
  for (let k = 0; k < slots.length; k++) {
    if (k > 0 && k % ROWS_PER_STEP === 0) yield;
    const { index: i, row } = slots[k]!;
    if (i === undefined) {
      out.push(blankFor(fig, row, unitOf.get(row.key) ?? doc.department));
      continue;
    }
    const p = stored[i]!;
    const field = `performanceTargets.projects.${i}`;
    const zero = (f: string): Figure => ({ fen: 0, source: { kind: 'input', field: `${field}.${f}` } });
    const tableAmount = row ? fig.cell(7, row.key, '1') : undefined;
    const fiscal = entered(doc, p.fiscal, `${field}.fiscal`) ?? tableAmount ?? zero('fiscal');
    const other = entered(doc, p.other, `${field}.other`) ?? zero('other');
    const total = entered(doc, p.total, `${field}.total`) ?? sumOf([fiscal, other]);
    const r: ResolvedProject = {
      key: row?.key ?? `perf:${i}`,
      name: p.name,
      unit: p.unit ?? doc.department,
      manager: p.manager ?? '',
      goal: p.goal,
      total,
      fiscal,
      other,
      indicators: p.indicators,
    };
    if (tableAmount) r.tableAmount = tableAmount;
    out.push(r);
  }
  return out;
}

/** The blank 项目支出绩效目标表 of a table 7 project: its amount from the table, nothing filled in. */
function blankFor(fig: Figures, row: MoneyRow, unit: string): ResolvedProject {
  const amount = fig.cell(7, row.key, '1');
  return {
    key: row.key,
    name: row.project ?? row.name,
    unit,
    manager: '',
    goal: '',
    total: amount,
    fiscal: amount,
    other: { fen: 0, source: { kind: 'count', what: 'none' } },
    tableAmount: amount,
    indicators: [],
  };
}

/** A 绩效目标表 with neither a goal nor an indicator is not printed (and 十二（四） then says no “见下表”). */
export const hasTargets = (t: { goal: string; indicators: readonly unknown[] }): boolean => t.goal.trim() !== '' || t.indicators.length > 0;
