/**
 * The printed explanation text of a Shanghai packet, kept for the audit (`narrative.printed`):
 * 部门/单位预算编制说明 (before the tables) and 其他相关情况说明 (after them). Headings are
 * told from the contents page by having no leader dots; page numbers are dropped.
 */
export const SH_PRINTED = { compilation: 'sh.compilation', other: 'sh.other' } as const;

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
