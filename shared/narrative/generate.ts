import type { BudgetSession } from '../engine/session';
import type { NarrativeWriter } from '../formats/writers';
import { xinjiangBudget2024 } from '../formats/xinjiang-budget-2024';
import type { NarrativeSectionDecl } from '../templates/types';
import type { MissingInput } from './builder';
import { NarrativeContext } from './context';
import type { Figures } from './figures';
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
import { faBasicSection } from './sections/final-accounts/basic';
import { faFundSection } from './sections/final-accounts/funds';
import { faGeneralBudgetSection } from './sections/final-accounts/general-budget';
import { faOtherSection, faPerformanceSection } from './sections/final-accounts/other';
import { faThreePublicSection } from './sections/final-accounts/three-public';
import { faExpenditureSection, faFiscalSection, faIncomeSection, faOverviewSection } from './sections/final-accounts/totals';
import { shanghaiCompilationSection } from './sections/shanghai/compilation';
import { shanghaiAssetsSection, shanghaiPerformanceSection, shanghaiProcurementSection } from './sections/shanghai/other';
import { shanghaiProjectNotesSection } from './sections/shanghai/projects';
import { shanghaiRunningCostSection, shanghaiThreePublicSection } from './sections/shanghai/three-public';
import type { ReasonConflict } from './reason-direction';
import type { Narrative, Paragraph, Section } from './types';

export interface GeneratedNarrative extends Narrative {
  /** Inputs the text needs and the accountant has not given (prior-year figures, reasons…). */
  missing: MissingInput[];
  /** Written reasons whose wording says the opposite of the change they explain. */
  reasonConflicts: ReasonConflict[];
}

/** The figures a narrative was written from, so checks of the same session reuse them. */
const FIGURES = new WeakMap<GeneratedNarrative, Figures>();
export const narrativeFigures = (n: GeneratedNarrative): Figures | undefined => FIGURES.get(n);

/** The paragraph writer each format section names (shared/formats/writers.ts lists the names). */
const WRITERS: Record<NarrativeWriter, (ctx: NarrativeContext) => Paragraph[]> = {
  overview: overviewSection,
  income: incomeSection,
  expenditure: expenditureSection,
  fiscal: fiscalSection,
  'general-budget': generalBudgetSection,
  basic: basicSection,
  projects: projectsSection,
  'government-fund': (c) => fundLikeSection(c, 8),
  'state-capital': (c) => fundLikeSection(c, 9),
  'three-public': threePublicSection,
  carryover: carryoverSection,
  other: otherSection,
  'sh-compilation': shanghaiCompilationSection,
  'sh-three-public': shanghaiThreePublicSection,
  'sh-running-cost': shanghaiRunningCostSection,
  'sh-procurement': shanghaiProcurementSection,
  'sh-performance': shanghaiPerformanceSection,
  'sh-assets': shanghaiAssetsSection,
  'sh-project-notes': shanghaiProjectNotesSection,
  'fa-overview': faOverviewSection,
  'fa-income': faIncomeSection,
  'fa-expenditure': faExpenditureSection,
  'fa-fiscal': faFiscalSection,
  'fa-general-budget': faGeneralBudgetSection,
  'fa-basic': faBasicSection,
  'fa-three-public': faThreePublicSection,
  'fa-government-fund': (c) => faFundSection(c, 8),
  'fa-state-capital': (c) => faFundSection(c, 9),
  'fa-performance': faPerformanceSection,
  'fa-other': faOtherSection,
};

/** The sections the session's format declares (a format without any has the Xinjiang 2024 ones). */
function sectionsOf(session: BudgetSession): NarrativeSectionDecl[] {
  return session.template.narrative ?? xinjiangBudget2024.narrative ?? [];
}

/**
 * The sections (0-based) each narrative part of the packet prints, in order: one part with all
 * of them unless the format splits them (PartDecl.sections).
 */
export function narrativeGroups(session: BudgetSession): number[][] {
  const n = sectionsOf(session).length;
  const all = [...Array(n).keys()];
  const parts = (session.template.parts ?? xinjiangBudget2024.parts ?? []).filter((p) => p.content === 'narrative');
  if (!parts.length) return [all];
  return parts.map((p) => (p.sections ? p.sections.map((k) => k - 1).filter((k) => k < n) : all));
}

/** 一、二… of each section: its place within the part that prints it. */
function numerals(session: BudgetSession): string[] {
  const out: string[] = [];
  for (const g of narrativeGroups(session)) {
    g.forEach((k, j) => {
      out[k] ??= chineseNumeral(j + 1);
    });
  }
  return sectionsOf(session).map((_, i) => out[i] ?? chineseNumeral(i + 1));
}

const fill = (title: string, department: string, year: number) => title.replace('{D}', department).replace('{Y}', String(year));

/**
 * 第三部分 部门预算情况说明, generated from the session's tables, last year's figures and the
 * accountant's inputs. Paragraphs the accountant overrode (`narrative.overrides[id]`) are
 * replaced by the hand-written text and marked; the generated runs stay for the number check.
 */
export function generateNarrative(session: BudgetSession): GeneratedNarrative {
  const ctx = new NarrativeContext(session);
  const overrides = session.document.narrative.overrides;
  const numeral = numerals(session);
  const sections: Section[] = sectionsOf(session).map(({ title, writer }, i) => {
    const paragraphs = WRITERS[writer as NarrativeWriter](ctx).map((p): Paragraph => {
      const o = overrides[p.id];
      return o === undefined ? p : { ...p, runs: [o], overridden: true, generated: p.runs };
    });
    return {
      id: `s${i + 1}`,
      numeral: numeral[i]!,
      title: fill(title, ctx.dept, ctx.year),
      paragraphs,
    };
  });
  const n: GeneratedNarrative = { department: ctx.dept, year: ctx.year, sections, missing: ctx.missing, reasonConflicts: ctx.reasonConflicts };
  FIGURES.set(n, ctx.fig);
  return n;
}

/** Section headings of the narrative (or of the given sections, 0-based) as the contents list them. */
export function sectionTitles(session: BudgetSession, only?: readonly number[]): string[] {
  const { department, year } = session.document;
  const numeral = numerals(session);
  const all = sectionsOf(session);
  return (only ?? all.map((_, i) => i)).map((i) => `${numeral[i]}、${fill(all[i]!.title, department, year)}`);
}
