import type { ColumnDef, FixedTableTemplate, HierTableTemplate } from '../../templates/types';

/** One column of a table sheet: a code part, the name/project/line label, or an amount column. */
export interface SheetColumn {
  kind: 'code' | 'name' | 'project' | 'label' | 'amount';
  /** Header labels, outermost first. */
  path: string[];
  /** Amount columns: the template column number. */
  col?: string;
  /** Code columns: which part (0 = 类, 1 = 款, 2 = 项). */
  part?: number;
  /** Two-sided tables (1, 4): which side the column belongs to. */
  side?: 'income' | 'expenditure';
}

/** Header of the line-name column on the expenditure side of tables 1 and 4, as printed. */
export const EXPENDITURE_LINE_HEADER = '支出功能分类';
/** Printed over the code and name columns when every amount column shares one group. */
export const SUBJECT_UMBRELLA = '科目';

/** Table 1 prints `预算数` under `收入` and under `支出`; the template names them `收入预算数`, `支出预算数`. */
export function sideName(c: ColumnDef): string {
  const g = c.group?.[c.group.length - 1];
  return g && c.name.startsWith(g) && c.name.length > g.length ? c.name.slice(g.length) : c.name;
}

const amountPath = (c: ColumnDef): string[] => [...(c.group ?? []), c.name];

export function hierColumns(t: HierTableTemplate): SheetColumn[] {
  const first = t.columns[0]?.group?.[0];
  const umbrella = t.codeHeader !== undefined && first !== undefined && t.columns.every((c) => c.group?.[0] === first);
  const pre = umbrella ? [SUBJECT_UMBRELLA] : [];
  const out: SheetColumn[] = t.codeColumns.map((label, part) => ({ kind: 'code', part, path: [...pre, t.codeHeader ?? '科目编码', label] }));
  out.push({ kind: 'name', path: [...pre, t.nameHeader] });
  if (t.projectHeader) out.push({ kind: 'project', path: [...pre, t.projectHeader] });
  for (const c of t.columns) out.push({ kind: 'amount', path: amountPath(c), col: c.no });
  return out;
}

/** Columns that income lines use; the rest belong to the expenditure side. */
export function incomeColumnNos(t: FixedTableTemplate): Set<string> {
  const s = new Set<string>();
  for (const r of t.rows) if (r.side === 'income') for (const k of Object.keys(r.cells)) s.add(k);
  return s;
}

export function isTwoSided(t: FixedTableTemplate): boolean {
  return t.rows.some((r) => r.side === 'income') && t.rows.some((r) => r.side === 'expenditure');
}

export function fixedColumns(t: FixedTableTemplate): SheetColumn[] {
  if (!isTwoSided(t)) {
    return [{ kind: 'label', path: [t.lineHeader] }, ...t.columns.map((c): SheetColumn => ({ kind: 'amount', path: amountPath(c), col: c.no }))];
  }
  const inc = incomeColumnNos(t);
  const side = (s: 'income' | 'expenditure', header: string): SheetColumn[] => {
    const cols = t.columns.filter((c) => inc.has(c.no) === (s === 'income'));
    const group = cols[0]?.group?.slice(0, 1) ?? [];
    return [
      { kind: 'label', path: [...group, header], side: s },
      ...cols.map((c): SheetColumn => ({ kind: 'amount', path: [...(c.group ?? []), sideName(c)], col: c.no, side: s })),
    ];
  };
  return [...side('income', t.lineHeader), ...side('expenditure', t.expenditureLineHeader ?? EXPENDITURE_LINE_HEADER)];
}
