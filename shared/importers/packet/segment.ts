import { type SourceLine, squash } from './lines';
import { tableNumberLine, titleOf, unknownTitle } from './titles';

export interface TableRegion {
  no: number;
  /** Line number of the title, for warnings. */
  titleLine: number;
  /** The number printed as `表 N`, when it differs from what the title says. */
  printedNo?: number;
  /** Lines after the title up to the next table or part. */
  lines: SourceLine[];
}

export interface PacketSegments {
  part1: SourceLine[];
  tables: TableRegion[];
  part3: SourceLine[];
  part4: SourceLine[];
  /** Tables whose title appears more than once: the later copies are ignored. */
  duplicates: TableRegion[];
  /** Headings of tables the format does not have (`表12 部门政府采购预算表`): they end the table before; their content is skipped. */
  unknown: Array<{ title: string; titleLine: number; lines: number }>;
}

const PART = /^第([一二三四五])部分/;

function partOf(line: string): number | undefined {
  if (!line.includes('部')) return undefined;
  const m = PART.exec(squash(line));
  return m ? '一二三四五'.indexOf(m[1]!) + 1 : undefined;
}

/** A title is real when a table header follows soon (a table of contents lists titles only). */
function headerFollows(lines: readonly SourceLine[], from: number, within = 8): boolean {
  let seen = 0;
  for (let i = from + 1; i < lines.length && seen < within; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    seen++;
    const s = squash(t);
    if (/^编制(部门|单位)|单位[:：]?万元|^※/.test(s)) return true;
    if (titleOf(t) || partOf(t)) return false;
  }
  return false;
}

/**
 * Split a packet into its parts and table regions. Tables are found by title wherever they
 * are; the parts by their headings (the last heading before the tables opens part 1, so a
 * table of contents does not).
 */
export function segment(lines: readonly SourceLine[]): PacketSegments {
  const starts: Array<{ no: number; at: number; printedNo?: number; unknown?: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    // Every title ends in 表: test that before the costlier title match.
    if (t === '' || t.length > 80 || !t.includes('表')) continue;
    const title = titleOf(t);
    if (!title) {
      // A table the format does not have, after the known ones started: it ends the table before it.
      if (starts.length > 0) {
        const unknown = unknownHeading(lines, i);
        if (unknown) {
          starts.push({ no: 0, at: unknown.at, unknown: unknown.title });
          i = Math.max(i, unknown.skipTo);
        }
      }
      continue;
    }
    // “一般公共预算基本支出情况表（续）” over a continued page may stand without a repeated header.
    if (!headerFollows(lines, i) && !(title.continued && starts[starts.length - 1]?.no === title.no)) continue;
    let printedNo = title.hinted;
    for (let j = i - 1; j >= 0 && j >= i - 3 && printedNo === undefined; j--) {
      if (lines[j]!.text !== '') printedNo = tableNumberLine(lines[j]!.text);
    }
    starts.push({ no: title.no, at: i, ...(printedNo !== undefined && printedNo !== title.no ? { printedNo } : {}) });
  }
  const firstTable = starts[0]?.at ?? lines.length;
  // Part headings after the tables start: the first 第三部分 heading ends the last table.
  let part3At = -1;
  let part4At = -1;
  for (let i = firstTable; i < lines.length; i++) {
    const p = partOf(lines[i]!.text);
    if (p === 3 && part3At < 0) part3At = i;
    if (p === 4 && part3At >= 0 && part4At < 0) part4At = i;
  }
  let part1At = -1;
  let part2At = firstTable;
  for (let i = 0; i < firstTable; i++) {
    const p = partOf(lines[i]!.text);
    if (p === 1) part1At = i;
  }
  for (let i = Math.max(part1At, 0); i < firstTable; i++) if (partOf(lines[i]!.text) === 2) part2At = i;

  const tables: TableRegion[] = [];
  const duplicates: TableRegion[] = [];
  const unknown: PacketSegments['unknown'] = [];
  const seen = new Set<number>();
  const tablesEnd = part3At >= 0 ? part3At : lines.length;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    if (s.at >= tablesEnd) break;
    const next = starts[k + 1];
    let end = Math.min(next ? next.at : tablesEnd, tablesEnd);
    // Drop a `表 N` line that belongs to the next title.
    while (end > s.at + 1 && (lines[end - 1]!.text === '' || tableNumberLine(lines[end - 1]!.text) !== undefined)) end--;
    if (s.unknown !== undefined) {
      unknown.push({ title: s.unknown, titleLine: lines[s.at]!.no, lines: end - s.at });
      continue;
    }
    const region: TableRegion = { no: s.no, titleLine: lines[s.at]!.no, lines: lines.slice(s.at + 1, end) };
    if (s.printedNo !== undefined) region.printedNo = s.printedNo;
    const prev = tables[tables.length - 1];
    if (prev && prev.no === s.no && !duplicates.some((d) => d.no === s.no)) {
      // The title repeated on the next page: the table continues.
      // (A loop: spreading a huge region into push() overflows the stack.)
      for (const l of region.lines) prev.lines.push(l);
    } else if (seen.has(s.no)) duplicates.push(region);
    else {
      seen.add(s.no);
      tables.push(region);
    }
  }
  return {
    part1: part1At >= 0 ? lines.slice(part1At + 1, part2At > part1At ? part2At : firstTable) : [],
    tables,
    part3: part3At >= 0 ? lines.slice(part3At + 1, part4At >= 0 ? part4At : lines.length) : [],
    part4: part4At >= 0 ? lines.slice(part4At + 1) : [],
    duplicates,
    unknown,
  };
}

/**
 * A heading of a table the format does not have, at line `i`: `表12 部门政府采购预算表` on one line,
 * or `表 12` / `表十二` on its own line with a title ending in 表 right after it, followed by a
 * table header. `at` is where the heading starts, `skipTo` its last line.
 */
function unknownHeading(lines: readonly SourceLine[], i: number): { title: string; at: number; skipTo: number } | undefined {
  const t = lines[i]!.text;
  const no = tableNumberLine(t);
  if (no !== undefined) {
    for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
      const next = lines[j]!.text;
      if (next === '') continue;
      const title = unknownTitle(next);
      return title && !titleOf(next) && headerFollows(lines, j) ? { title: `${squash(t)} ${title}`, at: i, skipTo: j } : undefined;
    }
    return undefined;
  }
  const title = unknownTitle(t);
  // Without a number on its line, only a title right over 编制部门 / 单位 (a row name ending in 表 is no heading).
  return title && headerFollows(lines, i, 2) ? { title, at: i, skipTo: i } : undefined;
}
