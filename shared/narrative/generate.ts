import type { BudgetSession } from '../engine/session';
import type { MissingInput } from './builder';
import { NarrativeContext } from './context';
import { chineseNumeral } from './sections/common';
import { overviewSection } from './sections/s01-overview';
import { incomeSection } from './sections/s02-income';
import { expenditureSection } from './sections/s03-expenditure';
import { fiscalSection } from './sections/s04-fiscal';
import { generalBudgetSection } from './sections/s05-general-budget';
import { basicSection } from './sections/s06-basic';
import { projectsSection } from './sections/s07-projects';
import { fundLikeSection } from './sections/s08-fund-like';
import { threePublicSection } from './sections/s10-three-public';
import { carryoverSection } from './sections/s11-carryover';
import { otherSection } from './sections/s12-other';
import type { Narrative, Paragraph, Section } from './types';

export interface GeneratedNarrative extends Narrative {
  /** Inputs the text needs and the accountant has not given (prior-year figures, reasons…). */
  missing: MissingInput[];
}

const TITLES: Array<[string, (ctx: NarrativeContext) => Paragraph[]]> = [
  ['关于{D}{Y}年收支预算情况总体说明', overviewSection],
  ['关于{D}{Y}年收入预算情况说明', incomeSection],
  ['关于{D}{Y}年支出预算情况说明', expenditureSection],
  ['关于{D}{Y}年财政拨款收支预算情况的总体说明', fiscalSection],
  ['关于{D}{Y}年一般公共预算当年拨款情况说明', generalBudgetSection],
  ['关于{D}{Y}年一般公共预算基本支出情况说明', basicSection],
  ['关于{D}{Y}年一般公共预算项目支出情况说明', projectsSection],
  ['关于{D}{Y}年政府性基金预算拨款情况说明', (c) => fundLikeSection(c, 8)],
  ['关于{D}{Y}年国有资本经营预算拨款情况说明', (c) => fundLikeSection(c, 9)],
  ['关于{D}{Y}年财政拨款“三公”经费预算情况说明', threePublicSection],
  ['关于{D}{Y}年上年结转结余预算情况说明', carryoverSection],
  ['其他重要事项的情况说明', otherSection],
];

/**
 * 第三部分 部门预算情况说明, generated from the session's tables, last year's figures and the
 * accountant's inputs. Paragraphs the accountant overrode (`narrative.overrides[id]`) are
 * replaced by the hand-written text and marked; the generated runs stay for the number check.
 */
export function generateNarrative(session: BudgetSession): GeneratedNarrative {
  const ctx = new NarrativeContext(session);
  const overrides = session.document.narrative.overrides;
  const sections: Section[] = TITLES.map(([title, build], i) => {
    const paragraphs = build(ctx).map((p): Paragraph => {
      const o = overrides[p.id];
      return o === undefined ? p : { ...p, runs: [o], overridden: true, generated: p.runs };
    });
    return {
      id: `s${i + 1}`,
      numeral: chineseNumeral(i + 1),
      title: title.replace('{D}', ctx.dept).replace('{Y}', String(ctx.year)),
      paragraphs,
    };
  });
  return { department: ctx.dept, year: ctx.year, sections, missing: ctx.missing };
}

/** Section headings of 第三部分 as the contents list them. */
export function sectionTitles(department: string, year: number): string[] {
  return TITLES.map(([t], i) => `${chineseNumeral(i + 1)}、${t.replace('{D}', department).replace('{Y}', String(year))}`);
}
