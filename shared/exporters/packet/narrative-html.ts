import { isHeadingRole, type Source } from '../../narrative/types';
import type { GeneratedNarrative } from '../../narrative/generate';
import { esc } from './html';

/** Names a cell for people: `表1 收入总计 第1栏（收入预算数）`. */
export type CellLabel = (table: number, row: string, col: string) => string;

/** A cell labeller over a session's layouts (row names, column names). */
export function sessionCellLabel(session: { rowLabel(t: number, r: string): string; columnLabel(t: number, c: string): string }): CellLabel {
  return (t, r, c) => `表${t}“${session.rowLabel(t, r)}”${session.columnLabel(t, c)}`;
}

/** Where a number comes from, in words, for the preview's tooltip. */
export function describeSource(s: Source, label?: CellLabel): string {
  const d = (x: Source) => describeSource(x, label);
  switch (s.kind) {
    case 'cell': {
      const [t, r = '', c = ''] = s.cell.split('|');
      return label ? label(Number(t), r, c) : `表${t} ${r} 第${c}栏`;
    }
    case 'prior':
      return `${s.name ?? '上年预算数'}（${s.field}）`;
    case 'budget':
      return `年初预算数（${s.field}）`;
    case 'input':
      return `填写项（${s.field}）`;
    case 'sum':
      return s.of.map(d).join(' + ');
    case 'change':
      return `${d(s.current)} − ${d(s.previous)}`;
    case 'rate':
      return `(${d(s.current)} − ${d(s.previous)}) ÷ ${d(s.previous)}`;
    case 'share':
      return `${d(s.part)} ÷ ${d(s.whole)}${s.method === 'largest-remainder' ? '（最大余数法凑足100%）' : ''}`;
    case 'count':
      return `计数（${s.what}）`;
  }
}

/** A section named like the part that prints it (Shanghai 项目经费情况说明): no second heading, no contents line. */
export const repeatsPart = (partHeading: string, sectionTitle: string): boolean => partHeading.endsWith(sectionTitle);

/**
 * 第三部分 as HTML, its top-level elements each complete (a sheet joins them by lines; a preview can
 * add a long one a part at a time). Numbers are spans carrying their source (a `title` for the
 * preview, invisible in print); the `afterPerformance` tables are inserted where 十二（四） says “见下表”.
 */
export function narrativeElements(
  n: GeneratedNarrative,
  afterPerformance: readonly string[],
  traced: boolean,
  label?: CellLabel,
  part: { heading: string; sections?: readonly number[] } = { heading: `第三部分 ${n.year}年部门预算情况说明` },
): string[] {
  const out: string[] = [`<h2 class="part">${esc(part.heading)}</h2>`];
  for (const s of part.sections ? part.sections.flatMap((i) => n.sections[i] ?? []) : n.sections) {
    if (!repeatsPart(part.heading, s.title)) out.push(`<h3>${s.numeral}、${esc(s.title)}</h3>`);
    for (const p of s.paragraphs) {
      const body = p.runs
        .map((r) => (typeof r === 'string' ? esc(r) : traced ? `<span class="num" title="${esc(`${r.label}：${describeSource(r.source, label)}`)}">${esc(r.text)}</span>` : esc(r.text)))
        .join('');
      const tag = isHeadingRole(p.role) ? 'h4' : 'p';
      out.push(`<${tag} class="${p.role}${p.overridden && traced ? ' overridden' : ''}" data-id="${esc(p.id)}">${body}</${tag}>`);
      if (p.performanceTables) for (const t of afterPerformance) out.push(t);
    }
  }
  return out;
}
