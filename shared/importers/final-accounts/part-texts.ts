import type { BudgetDocument } from '../../model';
import { readGlossaryLines } from '../glossary-lines';

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Part 1 of a 部门决算: 一、主要职能 as text, and 二、部门决算单位构成's table (序号 单位名称 备注),
 * whose units other than the department itself become its sub-units.
 */
export function readPart1(lines: readonly string[], doc: BudgetDocument): void {
  // The contents page lists the same headings: take the ones the 单位构成 table follows.
  const header = lines.findIndex((l) => /^序号单位名称/.test(squash(l)));
  const before = header >= 0 ? lines.slice(0, header) : lines;
  const units = before.findLastIndex((l) => /^二、(部门决算单位构成|机构设置)/.test(squash(l)));
  const start = before.findLastIndex((l, i) => i < units && /^一、主要职能$/.test(squash(l)));
  if (start >= 0 && units > start) doc.profile.functions = lines.slice(start + 1, units).map((l) => l.trim()).filter(Boolean).join('\n');
  if (header < 0) return;
  const list: Array<{ name: string; note?: string }> = [];
  for (const l of lines.slice(header + 1)) {
    if (l.trim() === '') continue;
    const m = /^\s*(\d{1,3})\s+(\S+)(?:\s+(.+?))?\s*$/.exec(l);
    // The table ends at the first line that is not `序号 单位名称 [备注]`.
    if (!m || Number(m[1]) !== list.length + 1) break;
    const unit: { name: string; note?: string } = { name: m[2]! };
    if (m[3]) unit.note = m[3].trim();
    list.push(unit);
  }
  if (list.length === 0) return;
  doc.profile.units = list;
  doc.subUnits = list.map((u) => u.name).filter((n) => !/（本级）$|\(本级\)$/.test(n) && n !== doc.department);
}

/** 第四部分 名词解释: `一、财政拨款收入：指…` entries, continued lines joined. */
export function readGlossary(lines: readonly string[]): Array<{ term: string; definition: string }> {
  return readGlossaryLines(lines, { heading: /^第[三四五]部分(?:专业)?名词解释$/, entry: /^[一二三四五六七八九十]{1,3}、\s*([^:：]{1,40}?)\s*[:：](.*)$/, closes: /^第[一二三四五六七八九十]部分/, squash: false });
}
