import type { TableView, TableViewRow } from '../../views/table-view';
import { type HeaderLeaf, headerHtml } from './header';
import { esc, withThousands } from './html';

/** One of the 11 tables as the packet prints it, from `tableView` (nothing is recomputed here). */
export function tableHtml(view: TableView): string {
  const t = view.template;
  if (t.kind === 'fixed') return view.rows.some((r) => r.side) ? twoSidedHtml(view) : linesHtml(view);
  const leaves: HeaderLeaf[] = [
    ...t.codeColumns.map((c) => ({ path: [t.codeHeader ?? '科目编码', c], number: '※', className: 'code' })),
    { path: [t.nameHeader], number: '※', className: 'name' },
    ...(t.projectHeader ? [{ path: [t.projectHeader], number: '※', className: 'name' }] : []),
    ...t.columns.map((c) => ({ path: [...(c.group ?? []), c.name], number: c.no, className: 'amount' })),
  ];
  const body: string[] = [];
  if (!view.empty) {
    for (const r of view.rows) {
      const codes = r.codeParts.map((p) => `<td class="code">${esc(p)}</td>`).join('');
      const nameCell = r.level === 'leaf' && t.projectHeader ? (r.name ?? '') : r.name;
      const project = t.projectHeader ? `<td class="name">${r.level === 'leaf' ? esc(r.project ?? '') : ''}</td>` : '';
      const amounts = t.columns.map((c) => `<td class="amount">${withThousands(r.cells[c.no]?.text)}</td>`).join('');
      body.push(`<tr class="lv-${r.level}">${codes}<td class="name d${Math.min(r.depth, 4)}">${esc(nameCell)}</td>${project}${amounts}</tr>`);
    }
  }
  const table = `<table class="budget t${view.no}">${colgroup(leaves)}${headerHtml(leaves)}<tbody>${body.join('')}</tbody></table>`;
  const sentence = view.empty && view.emptySentence ? `<p class="empty-sentence">${esc(view.emptySentence)}</p>` : '';
  return table + sentence;
}

/** Tables 1 and 4: income lines on the left, expenditure lines on the right, totals on the last row. */
function twoSidedHtml(view: TableView): string {
  const income = view.rows.filter((r) => r.side === 'income');
  const spend = view.rows.filter((r) => r.side === 'expenditure');
  const inCols = view.columns.filter((c) => income.some((r) => r.cells[c.no]));
  const outCols = view.columns.filter((c) => spend.some((r) => r.cells[c.no]));
  const inGroup = inCols[0]?.group?.[0] ?? '收入';
  const outGroup = outCols[0]?.group?.[0] ?? '支出';
  const leaves: HeaderLeaf[] = [
    { path: [inGroup, '项目'], number: '', className: 'name' },
    ...inCols.map((c) => ({ path: [inGroup, c.name], number: '', className: 'amount' })),
    { path: [outGroup, '支出功能分类'], number: '', className: 'name' },
    ...outCols.map((c) => ({ path: [outGroup, c.name], number: '', className: 'amount' })),
  ];
  const head = headerHtml(leaves).replace(/<tr class="col-numbers">.*?<\/tr>/, '');
  const isTotal = (r: TableViewRow) => r.key === 'in.total' || r.key === 'out.total';
  const left = income.filter((r) => !isTotal(r));
  const right = spend.filter((r) => !isTotal(r));
  const side = (r: TableViewRow | undefined, cols: typeof inCols) =>
    r
      ? `<td class="name d${Math.min(r.depth, 4)}">${esc(r.name)}</td>${cols.map((c) => `<td class="amount">${withThousands(r.cells[c.no]?.text)}</td>`).join('')}`
      : `<td class="name"></td>${cols.map(() => '<td class="amount"></td>').join('')}`;
  const body: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) body.push(`<tr>${side(left[i], inCols)}${side(right[i], outCols)}</tr>`);
  body.push(`<tr class="lv-total">${side(income.find(isTotal), inCols)}${side(spend.find(isTotal), outCols)}</tr>`);
  return `<table class="budget t${view.no}">${colgroup(leaves)}${head}<tbody>${body.join('')}</tbody></table>`;
}

/** Table 10: one column of line names and the amount columns. */
function linesHtml(view: TableView): string {
  const t = view.template;
  const leaves: HeaderLeaf[] = [
    { path: [t.kind === 'fixed' ? t.lineHeader : ''], number: '※', className: 'name' },
    ...view.columns.map((c) => ({ path: [...(c.group ?? []), c.name], number: c.no, className: 'amount' })),
  ];
  const body = view.rows.map(
    (r) =>
      `<tr class="${r.depth === 0 ? 'lv-total' : ''}"><td class="name d${Math.min(r.depth, 4)}">${esc(r.name)}</td>${view.columns
        .map((c) => `<td class="amount">${withThousands(r.cells[c.no]?.text)}</td>`)
        .join('')}</tr>`,
  );
  return `<table class="budget t${view.no}">${colgroup(leaves)}${headerHtml(leaves)}<tbody>${body.join('')}</tbody></table>`;
}

/**
 * Fixed column widths (the table is `table-layout: fixed`): code parts narrow, names wide,
 * amounts sharing the rest equally, so long header words wrap instead of widening a column.
 */
function colgroup(leaves: readonly HeaderLeaf[]): string {
  const codes = leaves.filter((l) => l.className === 'code').length;
  const names = leaves.filter((l) => l.className === 'name').length;
  const amounts = leaves.length - codes - names;
  const codeW = 2.6;
  const nameW = names > 1 ? Math.min(20, 44 / names) : amounts > 6 ? 17 : 30;
  const amountW = (100 - codes * codeW - names * nameW) / Math.max(1, amounts);
  const w = (l: HeaderLeaf) => (l.className === 'code' ? codeW : l.className === 'name' ? nameW : amountW);
  return `<colgroup>${leaves.map((l) => `<col style="width:${w(l).toFixed(2)}%">`).join('')}</colgroup>`;
}
