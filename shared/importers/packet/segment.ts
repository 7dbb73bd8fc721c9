import { type SourceLine, squash } from './lines';
import { tableNumberLine, titleOf } from './titles';

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
}

const PART = /^第([一二三四五])部分/;

function partOf(line: string): number | undefined {
  if (!line.includes('部')) return undefined;
  const m = PART.exec(squash(line));
  return m ? '一二三四五'.indexOf(m[1]!) + 1 : undefined;
}

/** A title is real when a table header follows soon (a table of contents lists titles only). */
function headerFollows(lines: readonly SourceLine[], from: number): boolean {
  let seen = 0;
  for (let i = from + 1; i < lines.length && seen < 8; i++) {
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
  const starts: Array<{ no: number; at: number; printedNo?: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    // Every title ends in 表: test that before the costlier title match.
    if (t === '' || t.length > 80 || !t.includes('表')) continue;
    const title = titleOf(t);
    if (!title || !headerFollows(lines, i)) continue;
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
  const seen = new Set<number>();
  const tablesEnd = part3At >= 0 ? part3At : lines.length;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    if (s.at >= tablesEnd) break;
    const next = starts[k + 1];
    let end = Math.min(next ? next.at : tablesEnd, tablesEnd);
    // Drop a `表 N` line that belongs to the next title.
    while (end > s.at + 1 && (lines[end - 1]!.text === '' || tableNumberLine(lines[end - 1]!.text) !== undefined)) end--;
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
  };
}
