import type { BudgetDocument, PerformanceIndicator } from '../../model';
import { type Fen, parseBoundedAmount } from '../../money';
import type { Figure } from '../builder';
import type { Figures } from '../figures';

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
  let r = RESOLVED.get(fig);
  if (!r) {
    r = resolveAll(fig);
    RESOLVED.set(fig, r);
  }
  return r;
}

function resolveAll(fig: Figures): ResolvedProject[] {
  const doc = fig.doc;
  const t7 = fig.rowsWithMoney(7, 'leaf', '1');
  const byId = new Map(t7.map((r) => [r.key.slice(2), r]));
  const byName = new Map(t7.map((r) => [r.project ?? r.name, r]));
  const used = new Set<string>();
  const out: ResolvedProject[] = [];
  (doc.performanceTargets?.projects ?? []).forEach((p, i) => {
    const row = (p.projectId ? byId.get(p.projectId) : undefined) ?? byName.get(p.name);
    const field = `performanceTargets.projects.${i}`;
    const zero = (f: string): Figure => ({ fen: 0, source: { kind: 'input', field: `${field}.${f}` } });
    const tableAmount = row ? fig.cell(7, row.key, '1') : undefined;
    if (row) used.add(row.key);
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
  });
  // By row key, once: a large department has thousands of projects.
  const unitOf = new Map(doc.projectRows.map((p) => [`p:${p.id}`, p.unit]));
  for (const row of t7) {
    if (used.has(row.key)) continue;
    const amount = fig.cell(7, row.key, '1');
    out.push({
      key: row.key,
      name: row.project ?? row.name,
      unit: unitOf.get(row.key) ?? doc.department,
      manager: '',
      goal: '',
      total: amount,
      fiscal: amount,
      other: { fen: 0, source: { kind: 'count', what: 'none' } },
      tableAmount: amount,
      indicators: [],
    });
  }
  return out;
}

/** A 绩效目标表 with neither a goal nor an indicator is not printed (and 十二（四） then says no “见下表”). */
export const hasTargets = (t: { goal: string; indicators: readonly unknown[] }): boolean => t.goal.trim() !== '' || t.indicators.length > 0;
