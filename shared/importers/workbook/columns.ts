import { fixedColumns, hierColumns, type SheetColumn } from '../../exporters/workbook/columns';
import type { TableTemplate } from '../../templates/types';
import { norm } from './grid';
import type { TableRegion } from './regions';

/** What the rows under a title say about the table: meta line, header extent, column positions. */
export interface TableHeader {
  department?: string;
  unit?: '万元' | '元';
  /** Last header row (the numbering row when there is one). */
  headerEnd: number;
  columns: SheetColumn[];
  /** Grid column of each template sheet column, by index into `columns` (-1: not found). */
  at: number[];
  /** Column holding the whole code when a workbook does not split 类 | 款 | 项. */
  wholeCode?: number;
}

const NUMERIC = /^[-－]?[\d,，０-９]+([.．][\d０-９]+)?$/;

export function looksNumeric(text: string): boolean {
  return NUMERIC.test(text.replace(/[\s\u3000]/g, ''));
}

/** What stands over the name columns in a numbering row: `※`, or words some offices use. */
const isMark = (t: string) => /^(※|\*|栏次|行次|序号)$/.test(t);

/** The `※ 1 2 3 …` row: marks and the column numbers in increasing order. */
export function isNumberingRow(texts: string[]): boolean {
  if (texts.length < 2) return false;
  let last = 0;
  let numbers = 0;
  for (const t of texts) {
    if (isMark(t)) continue;
    if (!/^\d{1,2}$/.test(t)) return false;
    const n = Number(t);
    if (n <= last) return false;
    last = n;
    numbers++;
  }
  return numbers >= 1;
}

export function templateColumns(t: TableTemplate): SheetColumn[] {
  return t.kind === 'hier' ? hierColumns(t) : fixedColumns(t);
}

export function readHeader(region: TableRegion): TableHeader {
  const { reader, titleRow, end } = region;
  const header: TableHeader = { headerEnd: titleRow, columns: templateColumns(region.table), at: [] };
  let start = titleRow + 1;
  let numbering = -1;
  let firstData = -1;
  for (let r = titleRow + 1; r < Math.min(end, titleRow + 16); r++) {
    const texts = reader.rowTexts(r);
    if (texts.length === 0) continue;
    const line = texts.join(' ');
    if (/编制部门|单位[:：]/.test(line)) {
      readMeta(line, header);
      start = r + 1;
      continue;
    }
    if (isNumberingRow(texts)) {
      numbering = r;
      break;
    }
    if (texts.some(looksNumeric)) {
      firstData = r;
      break;
    }
  }
  const headerEnd = numbering >= 0 ? numbering : firstData >= 0 ? firstData - 1 : Math.min(end - 1, start + 2);
  header.headerEnd = headerEnd;
  const headerRows: number[] = [];
  for (let r = start; r <= (numbering >= 0 ? numbering - 1 : headerEnd); r++) headerRows.push(r);
  let width = 0;
  for (let r = start; r <= headerEnd; r++) width = Math.max(width, reader.width(r));

  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const p: string[] = [];
    for (const r of headerRows) {
      const t = norm(reader.text(r, c));
      if (t && p[p.length - 1] !== t) p.push(t);
    }
    paths.push(p);
  }
  const at = header.columns.map(() => -1);
  const used = new Set<number>();
  if (numbering >= 0) {
    const left = header.columns.map((c, i) => (c.kind === 'amount' ? -1 : i)).filter((i) => i >= 0);
    let nextLeft = 0;
    for (let c = 0; c < width; c++) {
      const t = reader.text(numbering, c);
      if (isMark(t)) {
        const i = left[nextLeft++];
        if (i !== undefined && matchesLeft(header.columns[i]!, paths[c] ?? [])) {
          at[i] = c;
          used.add(c);
        }
      } else if (/^\d{1,2}$/.test(t)) {
        const i = header.columns.findIndex((x) => x.kind === 'amount' && x.col === t);
        if (i >= 0 && at[i] === -1) {
          at[i] = c;
          used.add(c);
        }
      }
    }
  }
  byWords(header.columns, paths, at, used, (a, b) => a === b);
  byWords(header.columns, paths, at, used, (a, b) => a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a)));
  // Worded a little differently (`上级一般公共预算转移支付`): most character pairs in common.
  byWords(header.columns, paths, at, used, (a, b) => a.length >= 4 && b.length >= 4 && dice(a, b) >= 0.75);
  header.at = at;
  if (header.columns.some((c, i) => c.kind === 'code' && at[i] === -1)) {
    const whole = paths.findIndex((p, c) => !used.has(c) && (p[p.length - 1] ?? '').includes('编码'));
    if (whole >= 0) header.wholeCode = whole;
  }
  return header;
}

/** A `※` column is taken in order unless its header clearly names another kind of column. */
function matchesLeft(col: SheetColumn, path: string[]): boolean {
  const leaf = path[path.length - 1];
  if (!leaf) return true;
  const want = norm(col.path[col.path.length - 1] ?? '');
  if (col.kind === 'code') return leaf === want || leaf.includes('编码') || leaf.length <= 2;
  if (col.kind === 'project') return leaf.includes('项目');
  return !/^(类|款|项)$/.test(leaf);
}

/** Assign still-unplaced columns by their header words, left to right, keeping the template's order. */
function byWords(
  columns: SheetColumn[],
  paths: string[][],
  at: number[],
  used: Set<number>,
  same: (grid: string, want: string) => boolean,
): void {
  columns.forEach((col, i) => {
    if (at[i] !== -1) return;
    const want = norm(col.path[col.path.length - 1] ?? '');
    const groups = col.path.slice(0, -1).map(norm);
    const before = Math.max(-1, ...at.slice(0, i));
    const after = at.slice(i + 1).find((x) => x >= 0) ?? Number.POSITIVE_INFINITY;
    const candidates: number[] = [];
    for (let c = before + 1; c < Math.min(after, paths.length); c++) {
      const p = paths[c]!;
      if (!used.has(c) && p.length > 0 && same(p[p.length - 1]!, want)) candidates.push(c);
    }
    // Prefer a column under the same groups (two 合计 columns in tables 4 and 11).
    const fit = candidates.find((c) => groups.every((g) => paths[c]!.includes(g))) ?? candidates[0];
    if (fit !== undefined) {
      at[i] = fit;
      used.add(fit);
    }
  });
}

/** Dice coefficient of character bigrams, 0…1. */
export function dice(a: string, b: string): number {
  const grams = (t: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}

function readMeta(line: string, header: TableHeader): void {
  const dept = /编制部门\s*[:：]\s*(.*?)(?:\s*单位\s*[:：].*)?$/.exec(line);
  if (dept?.[1]?.trim()) header.department = dept[1].trim();
  const unit = /单位\s*[:：]\s*(万元|元)/.exec(line);
  if (unit) header.unit = unit[1] as '万元' | '元';
}
