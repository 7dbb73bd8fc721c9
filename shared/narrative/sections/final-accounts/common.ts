import { codeListFor } from '../../../classification/names';
import type { TableViewRow } from '../../../views/table-view';
import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import { changeAgainst, completionBp, relation } from '../../final-accounts/comparison';
import { statedDirection } from '../../reason-direction';
import type { Source } from '../../types';

/**
 * What the 决算 情况说明 sections share: last year's 决算数 (`priorYear`, here 上年决算数), the
 * year's 年初预算 (`initialBudget`), the wording of a change against either, and the 项 lines
 * of a function table. Reasons live in `narrative.reasons` under `fa.…` keys.
 */
export const PRIOR_NAME = '上年决算数';

/** Last year's 决算数 at a `priorYear` path; logged as missing when not given. */
export function lastYear(ctx: NarrativeContext, field: string, paragraph: string, label: string): Figure | null {
  const p = ctx.fig.prior(field);
  if (!p) {
    ctx.missing.push({ paragraph, field: `priorYear.${field}`, label: `${label}的${PRIOR_NAME}` });
    return null;
  }
  return { fen: p.fen, source: { kind: 'prior', field, name: PRIOR_NAME } };
}

/** The year's 年初预算 at an `initialBudget` path; logged as missing when not given (and `required`). */
export function initialBudget(ctx: NarrativeContext, field: string, paragraph: string, label: string, required = true): Figure | null {
  const b = ctx.fig.budget(field);
  if (!b && required) ctx.missing.push({ paragraph, field: `initialBudget.${field}`, label: `${label}的年初预算数` });
  return b;
}

/**
 * “与{上年}相比，{what}增加 X 万元，增长 Y%” (or 减少/下降, or “…{what}持平”); the rate is that of the
 * printed figures (shared/narrative/final-accounts/comparison.ts). Returns the direction.
 */
export function versusLastYear(p: Para, current: Figure, prior: Figure, what: string, lead: string, flat = `${lead}${what}持平`): 'up' | 'down' | 'flat' {
  const c = changeAgainst(current.fen, prior.fen);
  if (c.word === '持平') {
    p.t(flat);
    return 'flat';
  }
  const change: Source = { kind: 'change', current: current.source, previous: prior.source };
  p.t(`${lead}${what}${c.word}`).amount({ fen: c.amount, source: change }, `${what}比上年${c.word}额（本年决算 − 上年决算）`);
  p.t(`万元，${c.rateWord}`).percent(c.bp, { kind: 'rate', current: current.source, previous: prior.source }, `${what}${c.rateWord}率（增减额 ÷ 上年决算）`);
  p.t('%');
  return c.word === '增加' ? 'up' : 'down';
}

/** 完成率 token: 决算数 ÷ 年初预算数; 0.00% when neither has money, nothing when only the budget is 0. */
export function completion(p: Para, final: Figure, budget: Figure, what: string, lead: string): boolean {
  const bp = completionBp(final.fen, budget.fen) ?? (final.fen === 0 ? 0 : null);
  if (bp === null) return false;
  p.t(lead).percent(bp, { kind: 'share', part: final.source, whole: budget.source, method: 'half-up' }, `${what}完成率（决算数 ÷ 年初预算数）`).t('%');
  return true;
}

/**
 * “决算数大于（小于）预算数的主要原因：…” or “决算数与预算数持平”: the word follows the figures
 * (大于/小于/等于 must match them); the reason is asked for only when they differ.
 */
export function budgetWording(ctx: NarrativeContext, p: Para, final: Figure, budget: Figure, reasonKey: string, label: string, subject = '决算数'): void {
  const rel = relation(final.fen, budget.fen);
  if (rel === 'equal') {
    p.t(`${subject}与预算数持平。`);
    return;
  }
  const word = rel === 'greater' ? '大于' : '小于';
  const reason = ctx.reason(reasonKey, p.id, `${label}决算数${word}预算数`);
  // A reason written when the 决算 was below the budget reads wrong once it is above (and the reverse).
  const said = reason ? statedDirection(reason) : undefined;
  const change = rel === 'greater' ? 'up' : 'down';
  if (reason && said && said !== change) ctx.reasonConflicts.push({ paragraph: p.id, field: `narrative.reasons.${reasonKey}`, label, change, reason, versus: 'budget' });
  p.t(reason ? `${subject}${word}预算数的主要原因：${reason}。` : `${subject}${word}预算数。`);
}

/** 主要原因 of a change against last year (not asked for when flat). */
export function changeReason(ctx: NarrativeContext, key: string, paragraph: string, label: string, current: Figure, prior: Figure): string | undefined {
  return ctx.changeReason(key, paragraph, label, current, prior);
}

export interface ItemLine {
  code: string;
  row: string;
  /** 一般公共服务支出（类）财政事务（款）行政运行（项） */
  path: string;
  final: Figure;
}

/**
 * 项 lines of a function table that have money in `col` or a 年初预算 in `budgets`, in code order:
 * a 项 budgeted but not spent is listed too (its 决算数 is 0), named from the document's 科目 names.
 */
export function itemLines(ctx: NarrativeContext, table: number, col: string, budgets: Readonly<Record<string, string>>): ItemLine[] {
  const view = ctx.fig.viewOf(table);
  if (view?.template.kind !== 'hier') return [];
  const lines = new Map<string, ItemLine>();
  let cls = '';
  let kuan = '';
  const hasMoney = (r: TableViewRow) => Boolean(r.cells[col]?.text) || (r.code !== undefined && Object.hasOwn(budgets, r.code));
  for (const r of view.rows) {
    if (r.level === 'class') cls = r.name;
    else if (r.level === 'kuan') kuan = r.name;
    else if (r.level === 'leaf' && r.code && hasMoney(r)) {
      lines.set(r.code, { code: r.code, row: r.key, path: `${cls}（类）${kuan}（款）${r.name}（项）`, final: ctx.fig.cell(table, r.key, col) });
    }
  }
  const names = codeListFor(ctx.fig.doc).list.function;
  const name = (code: string) => ctx.fig.doc.functionRows.find((r) => r.code === code)?.name ?? ctx.fig.doc.names[code] ?? names.get(code) ?? code;
  for (const code of Object.keys(budgets)) {
    if (lines.has(code) || !/^\d{7}$/.test(code)) continue;
    lines.set(code, { code, row: code, path: `${name(code.slice(0, 3))}（类）${name(code.slice(0, 5))}（款）${name(code)}（项）`, final: ctx.fig.cell(table, code, col) });
  }
  return [...lines.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Classes (类 rows) of a function table with money in `col`: name and figure. */
export function classLines(ctx: NarrativeContext, table: number, col: string): Array<{ name: string; figure: Figure }> {
  const view = ctx.fig.viewOf(table);
  if (view?.template.kind !== 'hier') return [];
  return view.rows.filter((r) => r.level === 'class' && r.cells[col]?.text).map((r) => ({ name: r.name, figure: ctx.fig.cell(table, r.key, col) }));
}

/**
 * “n、{类}（类）{款}（款）{项}（项）。主要用于：…。年初预算为 X 万元，支出决算为 Y 万元。决算数小于预算数的
 * 主要原因：…” for each 项 line, as the template states them (持平: no reason).
 */
export function itemParagraphs(ctx: NarrativeContext, prefix: string, table: number, col: string, budgetRecord: 'gbItems' | 'fundItems' | 'soeItems', reasonPrefix: string): Para[] {
  const budgets = ctx.fig.doc.initialBudget?.[budgetRecord] ?? {};
  return itemLines(ctx, table, col, budgets).map((it, i) => {
    const p = new Para(`${prefix}.item.${it.code}`, 'item').t(`${i + 1}、${it.path}。`);
    const purpose = ctx.text(`purposes.${it.code}`, p.id, `${it.code} ${it.path} 主要用于`);
    if (purpose) p.t(`主要用于：${purpose}。`);
    const budget = initialBudget(ctx, `${budgetRecord}.${it.code}`, p.id, it.path);
    if (budget) p.t('年初预算为').amount(budget, `${it.path}年初预算数`).t('万元，');
    p.t('支出决算为').amount(it.final, `${it.path}支出决算数（表${table}）`).t('万元。');
    if (budget) budgetWording(ctx, p, it.final, budget, `${reasonPrefix}.${it.code}`, it.path);
    return p;
  });
}
