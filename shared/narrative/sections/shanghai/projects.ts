import { Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { ProjectField } from '../../inputs';
import type { Paragraph } from '../../types';
import { chineseNumeral } from '../common';

/**
 * The seven headings of one project's 项目经费情况说明 (Shanghai 部门预算), in print order, with
 * the `narrative.projects[name]` field each prints and what an empty field prints instead
 * (undefined: nothing; the field is then reported as 待填写).
 */
export const SH_PROJECT_HEADINGS: ReadonlyArray<{ field: ProjectField; title: string; fallback?: (dept: string, year: number) => string }> = [
  { field: 'overview', title: '项目概述' },
  { field: 'basis', title: '立项依据' },
  { field: 'undertaker', title: '实施主体', fallback: (dept) => `${dept}。` },
  { field: 'plan', title: '实施方案' },
  { field: 'period', title: '实施周期', fallback: (_, year) => `${year}年全年度。` },
  { field: 'budget', title: '年度预算安排' },
  { field: 'targets', title: '绩效目标', fallback: () => '详见单位的项目绩效目标表。' },
];

/** Paragraph id of a project's title line (its fields hang under it in the 情况说明 page), and back. */
const TITLE_PREFIX = 'sh7.p:';
export const shProjectTitleId = (name: string) => `${TITLE_PREFIX}${name}`;
export const shProjectOfTitleId = (id: string): string | undefined => (id.startsWith(TITLE_PREFIX) ? id.slice(TITLE_PREFIX.length) : undefined);

/**
 * 项目经费情况说明: for each project the accountant lists (`narrative.projectNotes`), its title
 * and the seven headings with the text written for them. Text only: the packets print no amounts
 * here (a project's money is in the tables and its 绩效目标表).
 */
export function shanghaiProjectNotesSection(ctx: NarrativeContext): Paragraph[] {
  const { dept, year } = ctx;
  const { projectNotes, projects } = ctx.fig.doc.narrative;
  if (projectNotes.length === 0) {
    ctx.missing.push({ paragraph: 'sh7.none', field: 'narrative.projectNotes', label: '项目经费情况说明的项目名称' });
    return [new Para('sh7.none').t(`本部门${year}年项目经费情况说明尚未列出项目。`).build()];
  }
  const out: Paragraph[] = [];
  for (const name of projectNotes) {
    const info = projects[name] ?? {};
    const id = shProjectTitleId(name);
    out.push(new Para(id, 'title').t(`${name}项目经费情况说明`).build());
    SH_PROJECT_HEADINGS.forEach(({ field, title, fallback }, i) => {
      out.push(new Para(`${id}.${field}.h`, 'heading').t(`${chineseNumeral(i + 1)}、${title}`).build());
      let body = info[field]?.trim() ?? '';
      if (!body && fallback) body = fallback(dept, year);
      if (!body) ctx.missing.push({ paragraph: id, field: `narrative.projects.${name}.${field}`, label: `项目“${name}”的${title}` });
      out.push(new Para(`${id}.${field}`).t(body).build());
    });
  }
  return out;
}
