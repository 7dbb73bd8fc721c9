import type { FixedTableTemplate } from '../../templates/types';
import type { TableView, TableViewRow } from '../../views/table-view';
import { isClassLine, lineLabel, twoSidedLines } from '../../views/two-sided';
import { type HeaderLeaf, headerHtml } from './header';
import { esc, withThousands } from './html';
import { type CellText, type PrintGeometry, PAGE_CONTENT_PT, geometryOf, headerHeightPt, rowHeightPt, wrapLines } from './print-metrics';

/** A table cut into parts a page can hold: its header (repeated on each page), rows with their printed heights. */
export interface TableParts {
  /** `<table class="…">` opening tag. */
  open: string;
  /** `<colgroup>` and `<thead>`, the same on every page of the table. */
  head: string;
  /**
   * `depth`, for a hierarchical table's rows and a two-sided table's lines: a heading row
   * (总计/类/款) is kept with the first row below it. `total`: a 合计/总计 line; those ending a
   * table do not go over to a page of their own (the last page carries rows above them too).
   */
  rows: Array<{ html: string; height: number; depth?: number; total?: boolean }>;
  /** Printed after the table on its last page (the empty-table sentence). */
  after: string;
  /** Height of `after` (pt), 0 without one. */
  afterHeight: number;
  /** Height of the header rows (pt). */
  headHeight: number;
}

/** One of the 11 tables as the packet prints it, from `tableView` (nothing is recomputed here). */
export function tableHtml(view: TableView): string {
  const p = tableParts(view);
  return `${p.open}${p.head}<tbody>${p.rows.map((r) => r.html).join('')}</tbody></table>${p.after}`;
}

export function tableParts(view: TableView): TableParts {
  const t = view.template;
  if (t.kind === 'fixed') return view.rows.some((r) => r.side) ? twoSidedParts(view, t) : linesParts(view);
  const leaves: HeaderLeaf[] = [
    ...t.codeColumns.map((c) => ({ path: [t.codeHeader ?? '科目编码', c], number: '※', className: 'code' })),
    { path: [t.nameHeader], number: '※', className: 'name' },
    ...(t.projectHeader ? [{ path: [t.projectHeader], number: '※', className: 'name' }] : []),
    ...t.columns.map((c) => ({ path: [...(c.group ?? []), c.name], number: c.no, className: 'amount' })),
  ];
  const g = geometryOf(view.no, leaves);
  const nameAt = t.codeColumns.length;
  const rows: TableParts['rows'] = [];
  if (!view.empty) {
    for (const r of view.rows) {
      const codes = r.codeParts.map((p) => `<td class="code">${esc(p)}</td>`).join('');
      const nameCell = r.level === 'leaf' && t.projectHeader ? (r.name ?? '') : r.name;
      const projectText = r.level === 'leaf' ? (r.project ?? '') : '';
      const project = t.projectHeader ? `<td class="name">${esc(projectText)}</td>` : '';
      const amounts = t.columns.map((c) => `<td class="amount">${withThousands(r.cells[c.no]?.text)}</td>`).join('');
      const texts: CellText[] = [{ col: nameAt, text: nameCell, depth: r.depth }];
      if (t.projectHeader) texts.push({ col: nameAt + 1, text: projectText, depth: 0 });
      rows.push({
        html: `<tr class="lv-${r.level}">${codes}<td class="name d${Math.min(r.depth, 4)}">${esc(nameCell)}</td>${project}${amounts}</tr>`,
        height: rowHeightPt(g, texts),
        depth: r.depth,
        ...(r.level === 'total' ? { total: true } : {}),
      });
    }
  }
  const emptyText = view.empty && view.emptySentence ? view.emptySentence : undefined;
  const empty = emptyText ? `<p class="empty-sentence">${esc(emptyText)}</p>` : '';
  // An imported packet's own note under the table is reprinted there.
  const noteText = view.notePrinted && view.note ? view.note : undefined;
  const sentence = noteText ? `${empty}<p class="empty-sentence table-note">${esc(noteText)}</p>` : empty;
  return {
    open: `<table class="budget t${view.no}">`,
    head: colgroup(g) + headerHtml(leaves),
    rows,
    after: sentence,
    afterHeight: sentencesHeightPt([emptyText, noteText]),
    headHeight: headerHeightPt(g, leaves, true),
  };
}

/** Tables 1 and 4: income lines on the left, expenditure lines on the right, totals on the last row. */
function twoSidedParts(view: TableView, t: FixedTableTemplate): TableParts {
  const income = view.rows.filter((r) => r.side === 'income');
  const spend = view.rows.filter((r) => r.side === 'expenditure');
  const inCols = view.columns.filter((c) => income.some((r) => r.cells[c.no]));
  const outCols = view.columns.filter((c) => spend.some((r) => r.cells[c.no]));
  const inGroup = inCols[0]?.group?.[0] ?? '收入';
  const outGroup = outCols[0]?.group?.[0] ?? '支出';
  const leaves: HeaderLeaf[] = [
    { path: [inGroup, t.lineHeader], number: '', className: 'name' },
    ...inCols.map((c) => ({ path: [inGroup, c.name], number: '', className: 'amount' })),
    { path: [outGroup, t.expenditureLineHeader ?? '支出功能分类'], number: '', className: 'name' },
    ...outCols.map((c) => ({ path: [outGroup, c.name], number: '', className: 'amount' })),
  ];
  const g = geometryOf(view.no, leaves);
  const head = headerHtml(leaves).replace(/<tr class="col-numbers">.*?<\/tr>/, '');
  // A 类 line (决算 表6 `301 工资福利支出`) prints bold, as the 类 rows of the other tables; the
  // line beside it on the other side may be a 款, so the cells say it, not the row.
  const side = (r: TableViewRow | undefined, cols: typeof inCols) => {
    if (!r) return `<td class="name"></td>${cols.map(() => '<td class="amount"></td>').join('')}`;
    const cls = isClassLine(r) ? ' lv-class' : '';
    return `<td class="name d${Math.min(r.depth, 4)}${cls}">${esc(lineLabel(r))}</td>${cols.map((c) => `<td class="amount${cls}">${withThousands(r.cells[c.no]?.text)}</td>`).join('')}`;
  };
  const texts = (l: TableViewRow | undefined, r: TableViewRow | undefined): CellText[] => [
    { col: 0, text: l ? lineLabel(l) : '', depth: l?.depth ?? 0 },
    { col: inCols.length + 1, text: r ? lineLabel(r) : '', depth: r?.depth ?? 0 },
  ];
  const rows: TableParts['rows'] = [];
  const { lines, totals } = twoSidedLines(t, view.rows);
  // A line heads what follows as deep as the shallower of its two sides (表6: 310 beside 30399).
  for (const [l, r] of lines) rows.push({ html: `<tr>${side(l, inCols)}${side(r, outCols)}</tr>`, height: rowHeightPt(g, texts(l, r)), depth: Math.min(l?.depth ?? Number.POSITIVE_INFINITY, r?.depth ?? Number.POSITIVE_INFINITY) });
  const [lt, rt] = totals;
  rows.push({ html: `<tr class="lv-total">${side(lt, inCols)}${side(rt, outCols)}</tr>`, height: rowHeightPt(g, texts(lt, rt)), total: true });
  return { open: `<table class="budget t${view.no}">`, head: colgroup(g) + head, rows, after: '', afterHeight: 0, headHeight: headerHeightPt(g, leaves, false) };
}

/** Table 10: one column of line names and the amount columns. */
function linesParts(view: TableView): TableParts {
  const t = view.template;
  const leaves: HeaderLeaf[] = [
    { path: [t.kind === 'fixed' ? t.lineHeader : ''], number: '※', className: 'name' },
    ...view.columns.map((c) => ({ path: [...(c.group ?? []), c.name], number: c.no, className: 'amount' })),
  ];
  const g = geometryOf(view.no, leaves);
  const rows = view.rows.map((r) => ({
    html: `<tr class="${r.depth === 0 ? 'lv-total' : ''}"><td class="name d${Math.min(r.depth, 4)}">${esc(r.name)}</td>${view.columns
      .map((c) => `<td class="amount">${withThousands(r.cells[c.no]?.text)}</td>`)
      .join('')}</tr>`,
    height: rowHeightPt(g, [{ col: 0, text: r.name, depth: r.depth }]),
    ...(r.depth === 0 ? { total: true } : {}),
  }));
  return { open: `<table class="budget t${view.no}">`, head: colgroup(g) + headerHtml(leaves), rows, after: '', afterHeight: 0, headHeight: headerHeightPt(g, leaves, true) };
}

/**
 * Height (pt) of the sentences under a table (packet.css `p.empty-sentence`: 12pt, line height
 * 1.75, first line indented 2em, 4mm above, 0.3em below).
 */
function sentencesHeightPt(texts: ReadonlyArray<string | undefined>): number {
  let h = 0;
  for (const t of texts) if (t) h += (4 * 72) / 25.4 + wrapLines(`\u3000\u3000${t}`, PAGE_CONTENT_PT.width, 12) * 12 * 1.75 + 0.3 * 12;
  return h;
}

/**
 * Fixed column widths (the table is `table-layout: fixed`): code parts narrow, names wide,
 * amounts sharing the rest equally, so long header words wrap instead of widening a column.
 */
function colgroup(g: PrintGeometry): string {
  return `<colgroup>${g.percents.map((p) => `<col style="width:${p.toFixed(2)}%">`).join('')}</colgroup>`;
}
