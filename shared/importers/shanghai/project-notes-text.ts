import type { ProjectField } from '../../narrative/inputs';
import { SH_PROJECT_HEADINGS } from '../../narrative/sections/shanghai/projects';
import { squash } from '../packet/lines';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
/** A project's title: “XX项目经费情况说明” (not the 目录 line, not the part heading “七、…”). */
const TITLE = /^(.{2,120}?)(?:项目)?经费情况说明$/;
const PART = new RegExp(`^(?:${NUMERAL}、)?项目经费情况说明$`);
/** “一、项目概述”, “（一）项目概述：text”, “1.立项依据” — text may follow on the same line. */
const HEADING = new RegExp(`^(?:${NUMERAL}[、.．]|[（(]${NUMERAL}[）)]|\\d{1,2}[、.．])?(${SH_PROJECT_HEADINGS.map((h) => h.title).join('|')})[:：]?(.*)$`);
/** What ends the part: another part or a table's title, a 绩效目标表 grid, a page number. */
const END = /^名词解释$|(?:预算表|预算总表)$|^项目名称/;
const PAGE_NUMBER = /^[-—–]*\d{1,4}[-—–]*$/;

export interface PrintedProjectNotes {
  /** Project names in print order. */
  names: string[];
  /** The seven texts of each project, by `narrative.projects` field. */
  fields: Record<string, Partial<Record<ProjectField, string>>>;
  /** The whole part as printed, for the audit's text checks. */
  text: string;
}

/**
 * The printed 项目经费情况说明 of a Shanghai 部门 packet: each “…项目经费情况说明” title, then
 * the seven headings with their text (lines a page width broke are joined; a heading printed
 * with its text on one line is split). Null when the packet has none.
 */
export function shanghaiProjectNotesText(lines: readonly string[]): PrintedProjectNotes | null {
  const titleOf = (s: string): string | undefined => {
    if (s.includes('…') || PART.test(s)) return undefined;
    const m = TITLE.exec(s);
    return m && !/^[一二三四五六七八九十\d]+[、.．]/.test(m[1]!) ? m[1]! : undefined;
  };
  const body = lines.map(squash).filter((s) => s && !PAGE_NUMBER.test(s));
  const out: PrintedProjectNotes = { names: [], fields: {}, text: '' };
  const text: string[] = [];
  let name: string | undefined;
  let field: ProjectField | undefined;
  for (const [i, s] of body.entries()) {
    // A title is one only when the headings follow it (not some other “…经费情况说明” line).
    const title = HEADING.test(body[i + 1] ?? '') ? titleOf(s) : undefined;
    if (title) {
      name = title;
      field = undefined;
      if (!out.fields[name]) out.names.push(name);
      out.fields[name] ??= {};
      text.push(s);
      continue;
    }
    if (name === undefined) continue;
    if (END.test(s)) {
      name = undefined;
      continue;
    }
    text.push(s);
    const h = HEADING.exec(s);
    if (h) {
      field = SH_PROJECT_HEADINGS.find((x) => x.title === h[1])!.field;
      if (h[2]) out.fields[name]![field] = h[2];
      continue;
    }
    if (field) out.fields[name]![field] = (out.fields[name]![field] ?? '') + s;
  }
  if (!out.names.length) return null;
  out.text = text.join('\n');
  return out;
}
