import type { BudgetSession } from '../../engine/session';
import { partHeading as formatPartHeading, partsOf } from '../../formats/labels';
import { xinjiangBudget2024 } from '../../formats/xinjiang-budget-2024';
import { Figures } from '../../narrative/figures';
import { type GeneratedNarrative, generateNarrative, narrativeGroups, sectionTitles } from '../../narrative/generate';
import { glossaryOf } from '../../narrative/glossary';
import { hasTargets, resolveOverall, resolveProjects } from '../../narrative/performance/resolve';
import { chineseNumeral } from '../../narrative/sections/common';
import type { PartDecl } from '../../templates/types';
import { printedTableView } from '../../views/table-view';
import { PACKET_CSS } from './css';
import { esc } from './html';
import { narrativeElements, repeatsPart, sessionCellLabel } from './narrative-html';
import { overallPerformanceHtml, projectPerformanceHtml } from './performance-html';
import { profileHtml } from './profile-html';
import { tableSheets } from './table-pages';

/**
 * One table printed on its own (文件 → 打印当前表), on the sheets the packet prints it on: 表 N and
 * its title, 编制部门 and 单位, the header on every page and 表N（续） on each continuation page.
 */
export function singleTableHtml(session: BudgetSession, no: number): string {
  if (!session.template.tables.some((t) => t.no === no)) throw new Error(`此文档的表格格式中没有表${no}`);
  const doc = session.document;
  const view = printedTableView(session, no);
  const sheets = tableSheets(view, doc.department);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.department)} 表${no} ${esc(view.title)}</title><style>${PACKET_CSS}</style></head><body>\n${sheets.join('\n')}\n</body></html>`;
}

export interface PacketOptions {
  /** Mark numbers with their sources and overridden paragraphs (on-screen preview only). */
  traced?: boolean;
  /** Date printed under the glossary, e.g. `2024年2月23日`. */
  date?: string;
  narrative?: GeneratedNarrative;
  /** The text when first needed (a preview whose store keeps it per version). */
  narrativeOf?: () => GeneratedNarrative;
}

/**
 * The whole disclosure packet as one HTML document, in the published order: cover, contents,
 * 第一部分 部门概况, 第二部分 the 11 tables (A4 landscape), 第三部分 情况说明 with the
 * performance-target tables, 第四部分 名词解释. Printed to PDF by electron/print.
 */
export function packetHtml(session: BudgetSession, opts: PacketOptions = {}): string {
  const p = packetPieces(session, opts);
  return `${p.head}\n${[...p.sheets()].join('\n')}\n${p.tail}`;
}

/** A sheet (`into` false) or more elements of the last sheet (`into` true), each a complete HTML fragment. */
export interface SheetPart {
  html: string;
  into: boolean;
}

/** The packet as its document head, its sheets one by one, and its end: a preview shows the first sheets before the rest are made. */
export interface PacketPieces {
  head: string;
  /** The sheets in print order, each made when asked for (a table's rows are computed when its first sheet is). */
  sheets(): Generator<string>;
  /**
   * The same sheets as parts of at most `maxChars` (or one element) for a preview to add one at a time: a
   * sheet whole, except a long 第三部分 (at 100,000 items its project tables are 38 MB of HTML, which
   * the window took 3 s to add at once), whose first part is the sheet with its first elements and
   * whose other parts are more of its elements (`into`: added into the last sheet).
   */
  sheetParts(maxChars: number): Generator<SheetPart>;
  tail: string;
  /** The 第三部分 text the packet prints (generated once, when first needed). */
  narrative(): GeneratedNarrative;
}

export function packetPieces(session: BudgetSession, opts: PacketOptions = {}): PacketPieces {
  const doc = session.document;
  const d = esc(doc.department);
  const y = doc.year;
  let made = opts.narrative;
  const narrative = () => {
    made ??= opts.narrativeOf?.() ?? generateNarrative(session);
    return made;
  };
  const tablesOf = session.template.tables;

  const fmt = session.template;
  const fill = (t: string) => t.replace('{D}', d).replace('{Y}', String(y));
  // The parts in the format's order; the 第N部分 (or 一、) numbers follow that order.
  const parts = partsOf(fmt);
  /** Heading of the i-th part, unescaped (the department is filled in raw). */
  const headingAt = (i: number) => formatPartHeading(fmt, doc, i);
  const partHeading = (content: PartDecl['content']) => {
    const i = parts.findIndex((p) => p.content === content);
    return i < 0 ? '' : esc(headingAt(i));
  };
  // Which narrative sections each narrative part prints, in the order those parts come.
  const groups = narrativeGroups(session);
  const groupOf = (i: number) => groups[parts.slice(0, i).filter((p) => p.content === 'narrative').length] ?? [];
  const coverLine = fill(fmt.cover ?? xinjiangBudget2024.cover ?? '{Y}年部门预算公开');

  const cover = `<section class="sheet cover first"><div class="dept">${d}</div><div class="year">${esc(coverLine)}</div>${
    opts.date ? `<div class="date">${esc(opts.date)}</div>` : ''
  }</section>`;

  const tocOf: Record<PartDecl['content'], string[]> = {
    profile: [`<p class="l2">一、主要职能</p><p class="l2">二、${parts.find((p) => p.content === 'profile')?.composition ? '部门决算单位构成' : '机构设置及人员情况'}</p>`],
    tables: tablesOf.map((t) => `<p class="l2">${chineseNumeral(t.no)}、${esc(t.title)}</p>`),
    narrative: [],
    glossary: [],
  };
  const tocEntries = (i: number) =>
    parts[i]!.content === 'narrative'
      ? sectionTitles(session, groupOf(i))
          .filter((t) => !repeatsPart(headingAt(i), t.replace(/^[^、]+、/, '')))
          .map((t) => `<p class="l2">${esc(t)}</p>`)
      : tocOf[parts[i]!.content];
  const toc = [
    '<section class="sheet toc"><h1 class="contents">目录</h1>',
    ...parts.flatMap((_, i) => [`<p class="l1">${esc(headingAt(i))}</p>`, ...tocEntries(i)]),
    '</section>',
  ].join('');

  const profileAt = parts.findIndex((p) => p.content === 'profile');
  const part1 = `<section class="sheet">${profileHtml(doc, profileAt < 0 ? undefined : headingAt(profileAt), parts[profileAt]?.composition ?? false)}</section>`;

  function* tables(): Generator<string> {
    for (const [i, t] of tablesOf.entries()) yield* tableSheets(printedTableView(session, t.no), doc.department, i === 0 ? partHeading('tables') : undefined);
  }

  /** The performance-target tables, each a complete element (the overall table '' when it has no targets). */
  let perfTables: string[] | undefined;
  const perf = () => {
    if (perfTables === undefined) {
      const fig = new Figures(session);
      const overall = resolveOverall(fig);
      perfTables = [hasTargets(overall) ? overallPerformanceHtml(overall, y) : '', ...resolveProjects(fig).filter(hasTargets).map((p) => projectPerformanceHtml(p, y))];
    }
    return perfTables;
  };
  /** The top-level elements of the narrative part `i` (its sheet's content joined by lines). */
  const narrativeOf = (i: number) =>
    narrativeElements(narrative(), perf(), opts.traced ?? false, sessionCellLabel(session), { heading: headingAt(i), sections: groupOf(i) });

  const glossary = glossaryOf(doc, session.template)
    .map((g, i) => `<p>${chineseNumeral(i + 1)}、<b>${esc(g.term)}</b>：${esc(g.definition)}</p>`)
    .join('');
  const part4 = `<section class="sheet glossary"><h2 class="part">${partHeading('glossary')}</h2>${glossary}<div class="sign"><p>${d}</p>${
    opts.date ? `<p>${esc(opts.date)}</p>` : ''
  }</div></section>`;

  /** The sheets in order, a 第三部分 as the index of its part (made by the caller, whole or in parts). */
  function* ordered(): Generator<string | number> {
    yield cover;
    yield toc;
    for (const [i, p] of parts.entries()) {
      if (p.content === 'narrative') yield i;
      else if (p.content === 'tables') yield* tables();
      else yield p.content === 'profile' ? part1 : part4;
    }
  }
  function* sheets(): Generator<string> {
    for (const s of ordered()) yield typeof s === 'number' ? `<section class="sheet">${narrativeOf(s).join('\n')}</section>` : s;
  }
  function* sheetParts(maxChars: number): Generator<SheetPart> {
    for (const s of ordered()) {
      if (typeof s !== 'number') {
        yield { html: s, into: false };
        continue;
      }
      // Its elements some maxChars at a time: the first opens the sheet, the others go into it.
      let html = '';
      let first = true;
      const part = () => {
        const out: SheetPart = first ? { html: `<section class="sheet">${html}</section>`, into: false } : { html, into: true };
        html = '';
        first = false;
        return out;
      };
      for (const el of narrativeOf(s)) {
        if (html && html.length + el.length >= maxChars) yield part();
        html += html ? `\n${el}` : el;
      }
      if (html || first) yield part();
    }
  }
  return {
    head: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${d}${esc(coverLine)}</title><style>${PACKET_CSS}</style></head><body>`,
    sheets,
    sheetParts,
    tail: '</body></html>',
    narrative,
  };
}
