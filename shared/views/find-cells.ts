import type { BudgetSession } from '../engine/session';
import { tableViewCell } from './table-view';

/**
 * 查找和替换 across the tables: where a piece of text (a code, a name, a project) or a number
 * (an amount as shown, 2 decimals) appears, and which of the amount hits a 替换 may change.
 */

export interface FindHit {
  table: number;
  rowKey: string;
  /** Column number of an amount hit; null for a code/name/project hit (the row's name cell). */
  col: string | null;
  field: 'code' | 'name' | 'project' | 'amount';
  /** The row as the tables name it (code and name), and the column (第3栏（财政拨款）or 名称). */
  rowLabel: string;
  colLabel: string;
  /** What the cell shows. */
  text: string;
  /** Amount hits: an entered (white) or a computed (grey) cell. */
  role?: 'entered' | 'derived';
  /** Amount hits: the whole amount equals the number sought (not just a run of its digits). */
  whole?: boolean;
}

export interface FindResult {
  hits: FindHit[];
  /** All hits, also those beyond `limit`. */
  total: number;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** `0.20` → `0.2`, `15.00` → `15`, `-0` → `0`: a number sought matches however many decimals it was typed with. */
function canonical(n: string): string {
  let t = n.replace(/^(-?)0+(?=\d)/, '$1');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

/** The hits of `query` in the given tables (all, by default), table by table in row order. */
export function findCells(session: BudgetSession, query: string, opts: { tables?: readonly number[]; limit?: number } = {}): FindResult {
  const q = query.trim();
  const hits: FindHit[] = [];
  let total = 0;
  if (!q) return { hits, total };
  const limit = opts.limit ?? 1000;
  const digits = q.replace(/[,，\s]/g, '');
  const numeric = NUMBER.test(digits);
  const want = numeric ? canonical(digits) : '';
  const compact = q.replace(/\s+/g, '');
  const tables = opts.tables ?? session.template.tables.map((t) => t.no);
  const add = (h: FindHit) => {
    total++;
    if (hits.length < limit) hits.push(h);
  };
  for (const no of tables) {
    // The layout's rows, not a whole table view: a text query reads no amount at all.
    const layout = session.layout(no);
    const columns = layout.template.columns;
    for (const r of layout.rows) {
      const rowLabel = session.rowLabel(no, r.key);
      if (r.code?.startsWith(compact)) add({ table: no, rowKey: r.key, col: null, field: 'code', rowLabel, colLabel: '科目编码', text: r.code });
      else if (r.name.includes(q)) add({ table: no, rowKey: r.key, col: null, field: 'name', rowLabel, colLabel: '名称', text: r.name });
      if (r.project && r.level === 'leaf' && r.project !== r.name && r.project.includes(q)) {
        add({ table: no, rowKey: r.key, col: null, field: 'project', rowLabel, colLabel: '项目名称', text: r.project });
      }
      if (!numeric) continue;
      for (const c of columns) {
        const cell = tableViewCell(session, no, r.key, c.no);
        if (!cell?.text) continue;
        const whole = canonical(cell.text) === want;
        if (!whole && !cell.text.includes(digits)) continue;
        add({ table: no, rowKey: r.key, col: c.no, field: 'amount', rowLabel, colLabel: session.columnLabel(no, c.no), text: cell.text, role: cell.role, whole });
      }
    }
  }
  return { hits, total };
}

export interface ReplacePlan {
  edits: Array<{ table: number; row: string; col: string; text: string }>;
  /** Hits left as they are, by why. */
  skipped: { derived: number; partial: number; text: number };
}

/**
 * What 替换 does with hits: an entered amount equal to the number sought takes `replacement`
 * (as if typed into it, in the document's entry unit); computed amounts, amounts that only
 * contain the digits, and codes/names are left alone and counted.
 */
export function planReplace(hits: readonly FindHit[], replacement: string): ReplacePlan {
  const text = replacement.trim().replace(/[,，]/g, '');
  const plan: ReplacePlan = { edits: [], skipped: { derived: 0, partial: 0, text: 0 } };
  for (const h of hits) {
    if (h.field !== 'amount' || h.col === null) plan.skipped.text++;
    else if (h.role !== 'entered') plan.skipped.derived++;
    else if (!h.whole) plan.skipped.partial++;
    else plan.edits.push({ table: h.table, row: h.rowKey, col: h.col, text });
  }
  return plan;
}

/** The skipped hits in words (empty when none): 跳过 2 个计算得出的单元格、1 处名称或编码. */
export function skippedText(s: ReplacePlan['skipped']): string {
  const parts: string[] = [];
  if (s.derived) parts.push(`${s.derived} 个计算得出的单元格（灰色，由其他单元格算出）`);
  if (s.partial) parts.push(`${s.partial} 个只有部分数字相同的金额`);
  if (s.text) parts.push(`${s.text} 处编码或名称（不在此替换）`);
  return parts.length ? `跳过 ${parts.join('、')}` : '';
}
