import type { TableView } from '../../views/table-view';
import { esc } from './html';
import { PAGE_CONTENT_PT } from './print-metrics';
import { tableParts } from './table-html';

/** Heights (pt) of the blocks above a table, from packet.css (font size × 1.75 line height + margins). */
const PART_HEADING = 14 * 1.75 + 2.83;
const TITLE_BLOCK = 10 * 1.75 + (15 * 1.75 + 14.17) + (9 * 1.75 + 2.83);
const CONTINUED_BLOCK = 12 * 1.75 + 8.5 + (9 * 1.75 + 2.83);

/**
 * One table as the landscape sheets it prints on: the first headed 表 N and the title, each
 * following one “表N（续）”, every one with the header rows. Rows are shared out by their
 * estimated printed heights, so the browser never has to break a sheet into two pages.
 */
export function tableSheets(view: TableView, department: string, partHeading?: string): string[] {
  const p = tableParts(view);
  const meta = `<div class="table-meta"><span>编制部门：${esc(department)}</span><span>单位：${view.template.printUnit ?? '万元'}</span></div>`;
  const first = `${partHeading ? `<h2 class="part">${partHeading}</h2>` : ''}
<div class="table-no">表 ${view.no}</div><div class="table-title">${esc(view.title)}</div>
${meta}`;
  const continued = `<div class="table-cont">表${view.no}（续）</div>
${meta}`;
  type Row = (typeof p.rows)[number];
  const chunks: Row[][] = [[]];
  let room = PAGE_CONTENT_PT.height - TITLE_BLOCK - (partHeading ? PART_HEADING : 0) - p.headHeight;
  for (const r of p.rows) {
    const page = chunks.at(-1)!;
    if (r.height > room && page.length > 0) {
      // A 类 or 款 heading does not end a page with its rows on the next: it goes over with them.
      const carried: Row[] = [];
      while (page.length > 1 && r.depth !== undefined && (page.at(-1)!.depth ?? Number.POSITIVE_INFINITY) < (carried[0]?.depth ?? r.depth)) carried.unshift(page.pop()!);
      chunks.push(carried);
      room = PAGE_CONTENT_PT.height - CONTINUED_BLOCK - p.headHeight - carried.reduce((a, c) => a + c.height, 0);
    }
    chunks.at(-1)!.push(r);
    room -= r.height;
  }
  return chunks.map(
    (rows, i) =>
      `<section class="sheet landscape${i > 0 ? ' continued' : ''}">${i === 0 ? first : continued}${p.open}${p.head}<tbody>${rows.map((r) => r.html).join('')}</tbody></table>${
        i === chunks.length - 1 ? p.after : ''
      }</section>`,
  );
}
