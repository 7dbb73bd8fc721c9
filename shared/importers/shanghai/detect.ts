import type { ShanghaiVariant } from '../../formats/shanghai-budget';

/** Titles of the Shanghai 部门/单位预算 tables after `2025年部门` / `2025年预算单位`, in table order. */
export const SHANGHAI_TITLES = [
  '财务收支预算总表',
  '收入预算总表',
  '支出预算总表',
  '财政拨款收支预算总表',
  '一般公共预算支出功能分类预算表',
  '政府性基金预算支出功能分类预算表',
  '国有资本经营预算支出功能分类预算表',
  '一般公共预算基本支出部门预算经济分类预算表',
  '“三公”经费和机关运行经费预算表',
] as const;

const NUM = '[\\d一二三四五六七八九十]{1,3}';
/**
 * A table's numbering before its title: `1.`, `4．`, `5、`, `表1`, `表一：`, `附表3`, `（2）`
 * (`表1 2025年…` squashed is `表12025年…`: the number ends where the year starts).
 */
const NUMBERING = new RegExp(`^(?:附?表\\s*(?:${NUM}(?!\\d)|\\d{1,2}(?=20\\d{2}年))\\s*[.．、:：]?|\\d{1,2}\\s*[.．、]|[（(]\\s*${NUM}\\s*[)）]\\s*[.．、]?)\\s*`);
/**
 * A title as printed, whitespace removed: the department's name and the year (`2025年`,
 * `2025年度`) are each optional; the name is checked against the packet's own names.
 */
const TITLE = new RegExp(`^(.*?)(?:(20\\d{2})年度?)?(部门|预算单位|单位)(${SHANGHAI_TITLES.join('|')})$`);

export interface TitleLine {
  no: number;
  /** The year in the title; undefined when the title prints none. */
  year?: number;
  variant: ShanghaiVariant;
}

/** The names a packet prints for its department or unit (`编制部门：X`, `预算主管部门：X`). */
export function packetNames(lines: readonly string[]): string[] {
  const names = new Set<string>();
  for (const l of lines) {
    for (const m of l.matchAll(/(?:编制部门|编制单位|预算主管部门|主管部门|预算单位)[:：]\s*(\S+)/g)) {
      const name = m[1]!.replace(/单位[:：].*$/, '');
      if (name.length >= 2) names.add(name);
    }
  }
  return [...names];
}

/**
 * A table title line of a Shanghai packet (not a contents line with leader dots, not a sentence
 * that mentions the table): what stands before the year may only be numbering and the name of the
 * packet's department (or the start of it, e.g. `上海市普陀区`), as printed in `names`.
 */
export function shanghaiTitle(line: string, names: readonly string[] = []): TitleLine | undefined {
  if (/…|\.{3}|·{3}/.test(line)) return undefined;
  const m = TITLE.exec(line.trim().replace(NUMBERING, '').replace(/\s+/g, '').replace(/["]/g, '”').replace(/^”/, '“'));
  if (!m) return undefined;
  const prefix = m[1]!;
  if (prefix && !(prefix.length >= 2 && names.some((n) => n.startsWith(prefix)))) return undefined;
  const title: TitleLine = { no: SHANGHAI_TITLES.indexOf(m[4] as (typeof SHANGHAI_TITLES)[number]) + 1, variant: m[3] === '部门' ? 'dept' : 'unit' };
  if (m[2]) title.year = Number(m[2]);
  return title;
}

/** Whether a table's title at `at` is followed by its 编制部门/编制单位 line (a table, not a contents entry). */
export const headedAt = (lines: readonly string[], at: number): boolean => lines.slice(at + 1, at + 4).some((l) => /编制(部门|单位)/.test(l));

/**
 * The packet's variant when at least five of the nine table titles are there, or when a table
 * of the packet stands with its title and 编制部门 line (a part of a packet: the tables it has
 * are read, the others reported missing); else not a Shanghai budget packet.
 */
export function detectShanghai(lines: readonly string[]): ShanghaiVariant | undefined {
  const names = packetNames(lines);
  const found = new Map<number, ShanghaiVariant>();
  let headed = false;
  lines.forEach((l, i) => {
    const t = shanghaiTitle(l, names);
    if (!t || t.no === 9) return;
    found.set(t.no, t.variant);
    if (headedAt(lines, i)) headed = true;
  });
  if (found.size < 5 && !headed) return undefined;
  return [...found.values()].filter((v) => v === 'dept').length * 2 >= found.size ? 'dept' : 'unit';
}

/** The packet's year when no table title prints it: the cover (`上海市普陀区2025年区级部门预算`), else any title or heading. */
export function packetYear(lines: readonly string[]): number | undefined {
  for (const re of [/(20\d{2})年度?[^，。；]{0,20}?(?:部门|单位)预算/, /(20\d{2})年度?(?:部门|预算单位|单位)/, /(20\d{2})年/]) {
    for (const l of lines) {
      const m = re.exec(l.replace(/\s+/g, ''));
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}
