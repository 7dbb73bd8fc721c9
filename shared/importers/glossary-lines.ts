import type { GlossaryEntry } from '../narrative/glossary';
import { squash } from './packet/lines';

/** How one format prints its 名词解释, for `readGlossaryLines`. */
export interface GlossaryLayout {
  /** The part's heading, matched against the line with its spaces removed (not the 目录 line). */
  heading: RegExp;
  /** An entry's first line: group 1 the term, group 2 the definition's start. */
  entry: RegExp;
  /** A line that ends the part (the next part's heading). */
  end?: RegExp;
  /** A line that ends the part once its entries have begun (lines before them, such as a contents page's, are passed over). */
  closes?: RegExp;
  /** Whether spaces inside lines are dropped (a PDF's layout spaces) or kept (trimmed only). */
  squash: boolean;
}

/**
 * The printed 名词解释 of a packet: from its heading, each entry with its definition run on over
 * the lines the page width broke; a line before the first entry ends the part when the layout has
 * an end marker (nothing there is the glossary), else it is passed over.
 */
export function readGlossaryLines(lines: readonly string[], layout: GlossaryLayout): GlossaryEntry[] {
  const at = lines.findIndex((l) => layout.heading.test(squash(l)));
  if (at < 0) return [];
  const out: GlossaryEntry[] = [];
  for (const l of lines.slice(at + 1)) {
    const s = layout.squash ? squash(l) : l.trim();
    if (!s) continue;
    if (layout.end?.test(s) || (out.length > 0 && layout.closes?.test(s))) break;
    const m = layout.entry.exec(s);
    if (m) out.push({ term: m[1]!.trim(), definition: m[2]!.trim() });
    else if (out.length) out.at(-1)!.definition += s;
    else if (layout.end) break;
  }
  return out;
}
