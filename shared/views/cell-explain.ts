import type { BudgetSession } from '../engine/session';
import type { Term } from '../templates/types';

/**
 * Why a computed (grey) cell cannot be typed into, and where to enter instead — from the
 * table's template, so it holds for every format. Shown on hover and when the user types
 * into the cell.
 */
export function explainComputedCell(session: BudgetSession, table: number, rowKey: string, col: string): string | undefined {
  if (session.role(table, rowKey, col) !== 'derived') return undefined;
  const layout = session.layout(table);
  const t = layout.template;
  const column = t.columns.find((c) => c.no === col);
  const colName = (no: string) => session.columnLabel(table, no);
  const cellName = (term: Term) => {
    const no = term.table ?? table;
    return `${no === table ? '' : `表${no} `}${session.rowLabel(no, term.row)} ${session.columnLabel(no, term.col)}`;
  };

  if (t.kind === 'fixed') {
    const def = t.rows.find((r) => r.key === rowKey)?.cells[col];
    if (def && 'terms' in def) {
      const parts = def.terms.map((x, i) => `${i === 0 ? (x.coef === -1 ? '−' : '') : x.coef === -1 ? ' − ' : ' + '}${cellName(x)}`).join('');
      const others = [...new Set(def.terms.map((x) => x.table ?? table).filter((n) => n !== table))];
      const where = others.length > 0 ? `请在${others.map((n) => `表${n}`).join('、')}中录入` : '请修改它的组成数';
      return `此格由程序计算，不能直接录入：= ${parts}。${where}。`;
    }
  }
  if (column?.role === 'derived' && column.sum) {
    // Where to type: the entered columns under this sum, through any sub-totals (小计).
    const entered = (no: string, seen: Set<string>): string[] => {
      const c = t.columns.find((x) => x.no === no);
      if (!c?.sum || seen.has(no)) return [no];
      seen.add(no);
      return c.sum.flatMap((x) => entered(x, seen));
    };
    const into = entered(col, new Set());
    return `此栏由程序计算，不能直接录入：${colName(col)} = ${column.sum.map(colName).join(' + ')}（同一行相加）。请在${into.map((n) => `第${n}栏`).join('、')}录入。`;
  }
  const row = layout.byKey.get(rowKey);
  if (row && t.kind === 'hier' && row.level !== 'leaf') {
    const what = row.level === 'total' ? '总计' : row.level === 'unit' ? '单位合计' : row.level === 'class' ? '类合计' : '款合计';
    const leaf = t.rowSet === 'project' ? '项目' : t.rowSet === 'carryover' ? '结转项目' : t.rowSet === 'economic' ? '款' : '项';
    return `此格是${what}，等于下级各行之和，不能直接录入。请在下级的${leaf}行录入。`;
  }
  return '此格由程序计算，不能直接录入。';
}
