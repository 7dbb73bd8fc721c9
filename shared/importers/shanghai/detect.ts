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

const TITLE = new RegExp(`^(?:\\d+\\s*[.．、]\\s*)?(20\\d{2})年(部门|预算单位|单位)(${SHANGHAI_TITLES.join('|')})$`);

export interface TitleLine {
  no: number;
  year: number;
  variant: ShanghaiVariant;
}

/** A table title line of a Shanghai packet (not a contents line with leader dots). */
export function shanghaiTitle(line: string): TitleLine | undefined {
  if (line.includes('…')) return undefined;
  const m = TITLE.exec(line.replace(/\s+/g, '').replace(/["]/g, '”').replace(/^”/, '“'));
  if (!m) return undefined;
  return { no: SHANGHAI_TITLES.indexOf(m[3] as (typeof SHANGHAI_TITLES)[number]) + 1, year: Number(m[1]), variant: m[2] === '部门' ? 'dept' : 'unit' };
}

/** The packet's variant when at least five of the nine table titles are there; else not a Shanghai budget packet. */
export function detectShanghai(lines: readonly string[]): ShanghaiVariant | undefined {
  const found = new Map<number, ShanghaiVariant>();
  for (const l of lines) {
    const t = shanghaiTitle(l);
    if (t && t.no !== 9) found.set(t.no, t.variant);
  }
  if (found.size < 5) return undefined;
  return [...found.values()].filter((v) => v === 'dept').length * 2 >= found.size ? 'dept' : 'unit';
}
