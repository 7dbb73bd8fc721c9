import type { ZodIssue } from 'zod';
import { describeZodIssue } from '../model/zod-issue';
import { isRuleId } from '../rules/catalog';
import type { FormatTemplate, TableTemplate } from '../templates/types';
import { FORMAT_FIELD_NAMES, formatSchema } from './schema';
import { termCycles } from './term-cycles';
import { NARRATIVE_WRITERS } from './writers';

export type FormatResult = { ok: true; format: FormatTemplate } | { ok: false; error: string };

/** Largest format file we read; a format is a few hundred KB at most. */
const MAX_FORMAT_CHARS = 4 * 1024 * 1024;

function describePath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '格式文件';
  return path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : Object.hasOwn(FORMAT_FIELD_NAMES, p) ? `${FORMAT_FIELD_NAMES[p]}（${p}）` : p)).join(' → ');
}

function describeIssue(issue: ZodIssue): string {
  return describeZodIssue(issue, describePath(issue.path));
}

/**
 * References that zod cannot see: every column, row and table a format names must exist,
 * sums must not loop, and checks must use a rule the program knows.
 */
function referenceProblems(f: FormatTemplate): string[] {
  const problems: string[] = [];
  const byNo = new Map<number, TableTemplate>();
  for (const t of f.tables) {
    if (byNo.has(t.no)) problems.push(`表${t.no}：表号重复`);
    byNo.set(t.no, t);
  }
  const hasCol = (no: number, col: string) => byNo.get(no)?.columns.some((c) => c.no === col) ?? false;
  const hasRow = (no: number, row: string) => {
    const t = byNo.get(no);
    return t?.kind === 'fixed' ? t.rows.some((r) => r.key === row) : t !== undefined;
  };
  const where = (no: number, col: string) => (byNo.has(no) ? `表${no} 没有第${col}栏` : `没有表${no}`);
  for (const t of f.tables) {
    const seen = new Set<string>();
    for (const c of t.columns) {
      if (seen.has(c.no)) problems.push(`表${t.no} 第${c.no}栏：栏号重复`);
      seen.add(c.no);
      if (t.kind === 'hier' && c.role === 'derived' && !c.sum?.length) problems.push(`表${t.no} 第${c.no}栏：计算栏缺少求和来源（sum）`);
      for (const s of c.sum ?? []) if (!hasCol(t.no, s)) problems.push(`表${t.no} 第${c.no}栏的求和来源：${where(t.no, s)}`);
    }
    problems.push(...sumCycles(t));
    if (t.kind === 'hier') {
      if (!t.levels.includes('leaf')) problems.push(`表${t.no} 层级（levels）：缺少明细层 leaf`);
      for (const w of t.includeWhen ?? []) for (const c of w.cols) if (!hasCol(w.table, c)) problems.push(`表${t.no} 列入条件：${where(w.table, c)}`);
    } else {
      const keys = new Set<string>();
      for (const r of t.rows) {
        if (keys.has(r.key)) problems.push(`表${t.no} 行“${r.key}”：行键重复`);
        keys.add(r.key);
      }
      for (const r of t.rows) {
        if (r.pairWith && !t.rows.some((x) => x.key === r.pairWith && x.side === 'expenditure')) {
          problems.push(`表${t.no} 行“${r.key}”：并列的支出行“${r.pairWith}”不存在`);
        }
        for (const [col, cell] of Object.entries(r.cells)) {
          if (!hasCol(t.no, col)) problems.push(`表${t.no} 行“${r.key}”：${where(t.no, col)}`);
          if (!('terms' in cell)) continue;
          for (const term of cell.terms) {
            const no = term.table ?? t.no;
            if (!hasCol(no, term.col)) problems.push(`表${t.no} 行“${r.key}”的计算来源：${where(no, term.col)}`);
            else if (!hasRow(no, term.row)) problems.push(`表${t.no} 行“${r.key}”的计算来源：表${no} 没有行“${term.row}”`);
          }
        }
      }
    }
  }
  problems.push(...termCycles(f));
  f.checks.forEach((d, i) => {
    const at = `表间核对第 ${i + 1} 项`;
    if (!isRuleId(d.rule)) problems.push(`${at}：规则“${d.rule}”本程序不认识（自定义核对请用 format.identity 并写明 title）`);
    const refs: Array<[number, string]> =
      d.kind === 'cells'
        ? [[d.at.table, d.at.col], ...d.expected.map((t): [number, string] => [t.table ?? d.at.table, t.col])]
        : d.kind === 'each-leaf'
          ? [[d.table, d.col], ...d.expected.cols.map((c): [number, string] => [d.expected.table, c])]
          : d.kind === 'by-code'
            ? [[d.table, d.col], [d.from.table, d.from.col]]
            : [[d.table, d.col]];
    for (const [no, col] of refs) if (!hasCol(no, col)) problems.push(`${at}：${where(no, col)}`);
  });
  const sectionCount = f.narrative?.length ?? 0;
  f.parts?.forEach((p, i) => {
    for (const n of p.sections ?? []) {
      if (p.content !== 'narrative') problems.push(`组成部分第 ${i + 1} 项：只有情况说明部分（narrative）可以列节次`);
      else if (n > sectionCount) problems.push(`组成部分第 ${i + 1} 项：情况说明没有第 ${n} 节（共 ${sectionCount} 节）`);
    }
  });
  f.narrative?.forEach((s, i) => {
    if (!Object.hasOwn(NARRATIVE_WRITERS, s.writer)) {
      problems.push(`情况说明第 ${i + 1} 节：段落生成方式“${s.writer}”本程序不认识（可用：${Object.keys(NARRATIVE_WRITERS).join('、')}）`);
    }
  });
  return problems;
}

/** A derived column may not (through other derived columns) sum itself. */
function sumCycles(t: TableTemplate): string[] {
  const sums = new Map(t.columns.map((c) => [c.no, c.sum ?? []]));
  const state = new Map<string, 1 | 2>();
  const bad: string[] = [];
  const visit = (no: string): boolean => {
    if (state.get(no) === 2) return false;
    if (state.get(no) === 1) return true;
    state.set(no, 1);
    const loop = (sums.get(no) ?? []).some(visit);
    state.set(no, 2);
    return loop;
  };
  for (const c of t.columns) if (visit(c.no)) bad.push(`表${t.no} 第${c.no}栏：求和来源循环引用`);
  return bad.slice(0, 1);
}

/** Validate a parsed JSON value as a format: whole and consistent, or a Chinese reason. */
export function validateFormat(raw: unknown): FormatResult {
  const parsed = formatSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map(describeIssue);
    const more = parsed.error.issues.length > 5 ? `（另有 ${parsed.error.issues.length - 5} 处）` : '';
    return { ok: false, error: `格式文件内容有误：${issues.join('；')}${more}` };
  }
  const format = parsed.data as FormatTemplate;
  const problems = formatProblems(format);
  return problems ? { ok: false, error: `格式文件内容有误：${problems}` } : { ok: true, format };
}

/**
 * What is inconsistent in a schema-valid format (references, loops, unknown rules), or null.
 * Also run on the format a document carries, so a crafted document cannot crash the engine.
 */
export function formatProblems(format: FormatTemplate): string | null {
  const problems = referenceProblems(format);
  if (!problems.length) return null;
  const more = problems.length > 5 ? `（另有 ${problems.length - 5} 处）` : '';
  return `${problems.slice(0, 5).join('；')}${more}`;
}

/** Parse a format file's text (JSON). */
export function parseFormat(text: string): FormatResult {
  if (text.length > MAX_FORMAT_CHARS) return { ok: false, error: '格式文件过大（超过 4 MB），不是表格格式文件' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `格式文件不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）` };
  }
  return validateFormat(raw);
}
