import type { TableView } from '../../views/table-view';
import { esc } from './html';
import { BORDER_PT, PAGE_CONTENT_PT, PAGE_RESERVE_PT, wrapLines } from './print-metrics';
import { tableParts } from './table-html';

/** Heights (pt) of the blocks above a table, from packet.css (font size × 1.75 line height + margins). */
const META_BLOCK = 9 * 1.75 + 2.83;
const partHeadingBlock = (lines: number) => lines * 14 * 1.75 + 2.83;
const titleBlock = (lines: number) => 10 * 1.75 + (lines * 15 * 1.75 + 14.17) + META_BLOCK;
const CONTINUED_BLOCK = 12 * 1.75 + 8.5 + META_BLOCK;

/** Rows (not total lines) the last page of a table carries at least, when the table runs over pages. */
export const WIDOW_ROWS = 2;

/**
 * One table as the landscape sheets it prints on: the first headed 表 N and the title, each
 * following one “表N（续）”, every one with the header rows. Rows are shared out by their
 * printed heights (pageRows), so the browser never has to break a sheet into two pages.
 */
export function tableSheets(view: TableView, department: string, partHeading?: string): string[] {
  const p = tableParts(view);
  const meta = `<div class="table-meta"><span>编制部门：${esc(department)}</span><span>单位：${view.template.printUnit ?? '万元'}</span></div>`;
  const first = `${partHeading ? `<h2 class="part">${partHeading}</h2>` : ''}
<div class="table-no">表 ${view.no}</div><div class="table-title">${esc(view.title)}</div>
${meta}`;
  const continued = `<div class="table-cont">表${view.no}（续）</div>
${meta}`;
  // A page holds its blocks above the table, the header rows, the table's outer rule and a reserve.
  const room = PAGE_CONTENT_PT.height - PAGE_RESERVE_PT - p.headHeight - BORDER_PT;
  const above =
    titleBlock(wrapLines(view.title, PAGE_CONTENT_PT.width, 15)) + (partHeading ? partHeadingBlock(wrapLines(partHeading, PAGE_CONTENT_PT.width, 14)) : 0);
  const pages = pageRows(p.rows, { first: room - above, next: room - CONTINUED_BLOCK, after: p.afterHeight });
  return pages.map(
    (rows, i) =>
      `<section class="sheet landscape${i > 0 ? ' continued' : ''}">${i === 0 ? first : continued}${p.open}${p.head}<tbody>${rows.map((r) => r.html).join('')}</tbody></table>${
        i === pages.length - 1 ? p.after : ''
      }</section>`,
  );
}

export interface PagedRow {
  height: number;
  /** A heading row (总计/类/款) is shallower than the rows it heads. */
  depth?: number;
  /** A 合计/总计 line. */
  total?: boolean;
}

/** `a` heads `b`: a 类 or 款 row over the first of its rows. */
const heads = (a: PagedRow, b: PagedRow) => b.depth !== undefined && (a.depth ?? Number.POSITIVE_INFINITY) < b.depth;
const heightOf = (rows: readonly PagedRow[]) => rows.reduce((a, r) => a + r.height, 0);

/**
 * Rows shared out over pages: `first` pt of room on the first page, `next` on each after it,
 * and `after` pt under the last row (the sentence under the table). A page takes rows while they
 * fit, except that
 * - a 类 or 款 heading does not end a page with its rows on the next: it goes over with them;
 * - the last page carries at least WIDOW_ROWS rows above the table's closing total line(s) and
 *   sentence: they never stand alone on a page (决算 表6's 人员经费合计/公用经费合计).
 */
export function pageRows<R extends PagedRow>(rows: readonly R[], room: { first: number; next: number; after?: number }): R[][] {
  const after = room.after ?? 0;
  const pages: R[][] = [[]];
  let left = room.first;
  for (const r of rows) {
    const page = pages.at(-1)!;
    if (r.height > left && page.length > 0) {
      const carried: R[] = [];
      while (page.length > 1 && heads(page.at(-1)!, carried[0] ?? r)) carried.unshift(page.pop()!);
      pages.push(carried);
      left = room.next - heightOf(carried);
    }
    pages.at(-1)!.push(r);
    left -= r.height;
  }
  // The sentence goes under the last row; where it does not fit, onto a page of its own (given rows below).
  if (after > left && pages.at(-1)!.length > 0) pages.push([]);
  if (pages.length > 1) {
    const prev = pages.at(-2)!;
    const last = pages.at(-1)!;
    const fits = (r: R) => heightOf(last) + r.height + after <= room.next;
    while (prev.length > 1 && last.filter((r) => !r.total).length < WIDOW_ROWS && fits(prev.at(-1)!)) last.unshift(prev.pop()!);
    while (prev.length > 1 && last.length > 0 && heads(prev.at(-1)!, last[0]!) && fits(prev.at(-1)!)) last.unshift(prev.pop()!);
  }
  return pages;
}
