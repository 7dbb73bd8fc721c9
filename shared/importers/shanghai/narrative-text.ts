/**
 * The printed explanation text of a Shanghai packet, kept for the audit (`narrative.printed`):
 * 部门/单位预算编制说明 (before the tables), 其他相关情况说明 (after them) and a 部门 packet's
 * 项目经费情况说明 (shared/importers/shanghai/project-notes-text.ts). Headings are told from the
 * contents page by having no leader dots; page numbers are dropped.
 */
export const SH_PRINTED = { compilation: 'sh.compilation', other: 'sh.other', projects: 'sh.projects' } as const;

const COMPILATION = /^\d{4}年(?:部门|单位)预算编制说明$/;
const OTHER = /^其他相关情况说明$/;
/** What ends a text: a table title, the next part's heading, a project's 项目经费情况说明. */
const END = /(?:预算表|预算总表)$|项目经费情况说明$|^名词解释$/;
const PAGE_NUMBER = /^[-—–\s]*\d{1,4}[-—–\s]*$/;

export function shanghaiPrintedText(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const grab = (start: RegExp, key: string) => {
    const at = lines.findIndex((l) => start.test(l) && !l.includes('…'));
    if (at < 0) return;
    const body: string[] = [];
    for (let i = at + 1; i < lines.length && body.length < 2000; i++) {
      const l = lines[i]!;
      if (END.test(l) && !l.includes('…')) break;
      if (l && !PAGE_NUMBER.test(l)) body.push(l);
    }
    if (body.length) out[key] = body.join('\n');
  };
  grab(COMPILATION, SH_PRINTED.compilation);
  grab(OTHER, SH_PRINTED.other);
  return out;
}

/** 部门主要职能 as printed (first part of a Shanghai packet), for 第一部分 of the document; '' when absent. */
export function shanghaiFunctionsText(lines: readonly string[]): string {
  const at = lines.findIndex((l) => /主要职能$/.test(l) && l.length <= 60 && !l.includes('…') && !/^[一二三四五六七八九十]、/.test(l));
  if (at < 0) return '';
  const body: string[] = [];
  for (let i = at + 1; i < lines.length && body.length < 400; i++) {
    const l = lines[i]!;
    if (/机构设置$/.test(l) || END.test(l)) break;
    if (l && !PAGE_NUMBER.test(l)) body.push(l);
  }
  // A line broken by the page width continues the paragraph: paragraphs start with a number or 主要职能.
  const paras: string[] = [];
  for (const l of body) {
    if (paras.length === 0 || /^(?:\d{1,2}[.．、]|主要职能|[（(][一二三四五六七八九十\d]+[）)])/.test(l)) paras.push(l);
    else paras[paras.length - 1] += l;
  }
  return paras.join('\n');
}
