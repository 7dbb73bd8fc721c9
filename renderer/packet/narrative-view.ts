import type { GeneratedNarrative } from '../../shared/narrative/generate';
import { type InputField, inputPathText, narrativeInputs } from '../../shared/narrative/inputs';
import type { Paragraph } from '../../shared/narrative/types';
import type { BudgetDocument } from '../../shared/model';
import { overrideFindings } from '../../shared/rules/narrative-overrides';

/** Which paragraphs 情况说明 shows: the open section's first `count` (the page shows them in pages). */
export interface NarrativePage {
  open: string;
  count: number;
}

export interface NarrativeSectionHead {
  id: string;
  numeral: string;
  title: string;
  paragraphs: number;
  /** Empty input fields under the section's paragraphs that the text needs. */
  missing: number;
}

/**
 * What 情况说明 shows of a written text: every section's heading and counts, and the paragraphs of
 * the page asked for with their input fields. Plain data: a large department's is made in the
 * text worker and posted to the window (the whole text of 100,000 items is ~65 MB as JSON: ~5 s to
 * clone, where a page of it is a few KB).
 */
export interface NarrativeView {
  year: number;
  /** Inputs the text still needs (待填写). */
  missing: number;
  /** Hand-written paragraphs whose numbers disagree with the tables: paragraph id → why. */
  wrong: Array<[string, string]>;
  sections: NarrativeSectionHead[];
  page: NarrativePage;
  /** The open section's first `page.count` paragraphs (none when no section is open). */
  paragraphs: Paragraph[];
  /** The input fields of those paragraphs. */
  fields: InputField[];
}

/** Per written text: its fields by paragraph and its headings (a text is written once per revision of the document). */
interface Outline {
  fields: Map<string, InputField[]>;
  sections: NarrativeSectionHead[];
  wrong: Array<[string, string]>;
}

const OUTLINES = new WeakMap<GeneratedNarrative, Outline>();

function outlineOf(doc: BudgetDocument, n: GeneratedNarrative): Outline {
  const known = OUTLINES.get(n);
  if (known) return known;
  const fields = new Map<string, InputField[]>();
  for (const f of narrativeInputs(doc, n)) {
    const list = fields.get(f.paragraph);
    if (list) list.push(f);
    else fields.set(f.paragraph, [f]);
  }
  // A section's 待填写 are its empty fields that the text needs (as the page's total counts them):
  // a field left empty that is not needed (a reason where nothing changed, a 空则为… figure) is not one.
  const needed = new Set(n.missing.map((m) => m.field));
  const sections = n.sections.map((s): NarrativeSectionHead => {
    let missing = 0;
    for (const p of s.paragraphs) for (const f of fields.get(p.id) ?? []) if (f.value === '' && needed.has(inputPathText(f.path))) missing++;
    return { id: s.id, numeral: s.numeral, title: s.title, paragraphs: s.paragraphs.length, missing };
  });
  const outline = { fields, sections, wrong: overrideFindings(n).map((f): [string, string] => [f.rowKey, f.message]) };
  OUTLINES.set(n, outline);
  return outline;
}

/** The view of `page` of text `n`, written from `doc` (the document as it was when the text was written). */
export function narrativeView(doc: BudgetDocument, n: GeneratedNarrative, page: NarrativePage): NarrativeView {
  const o = outlineOf(doc, n);
  const paragraphs = n.sections.find((s) => s.id === page.open)?.paragraphs.slice(0, page.count) ?? [];
  const fields = paragraphs.flatMap((p) => o.fields.get(p.id) ?? []);
  return { year: n.year, missing: n.missing.length, wrong: o.wrong, sections: o.sections, page: { ...page }, paragraphs, fields };
}

/** A view made for `had` also shows `want` (the same section, at least as many paragraphs). */
export function viewCovers(had: NarrativePage, want: NarrativePage): boolean {
  return had.open === want.open && had.count >= want.count;
}
