import type { ZodIssue } from 'zod';
import { BUILTIN_FORMATS, formatOf } from '../formats/registry';
import { formatProblems } from '../formats/validate';
import type { FormatTemplate } from '../templates/types';
import { documentIssues } from './document-bounds';
import { readCodeLists, readRows } from './fast-rows';
import { INPUT_BOUNDS } from '../limits/input-bounds';
import { describePath, FIELD_NAMES } from './field-names';
import { migrate } from './migrate';
import { type BudgetDocument, documentSchema, documentShape } from './schema';
import { describeZodIssue } from './zod-issue';

/** `verbatim`: the document is the text parsed as it is (nothing migrated, filled in or dropped). */
export type LoadResult = { ok: true; doc: BudgetDocument; verbatim?: true } | { ok: false; error: string };

/** Largest document text we try to parse; a real department is far below this. */
export const MAX_DOCUMENT_CHARS = 40 * 1024 * 1024;

function describeIssue(issue: ZodIssue): string {
  if (issue.code === 'custom' && issue.params?.located) return issue.message;
  return describeZodIssue(issue, describePath(issue.path));
}

function describeIssues(all: readonly ZodIssue[]): string {
  const more = all.length > 5 ? `（另有 ${all.length - 5} 处）` : '';
  return `${all.slice(0, 5).map(describeIssue).join('；')}${more}`;
}

/** Parse, migrate and validate a document. Either a whole valid document or a Chinese reason; never half. */
export function loadDocument(text: string): LoadResult {
  if (text.length > MAX_DOCUMENT_CHARS) return { ok: false, error: '文件过大，不是本程序保存的预算文档' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `文件不是有效的预算文档（JSON 格式错误，可能已损坏或不完整${jsonErrorPlace(text, e)}）` };
  }
  return validateDocument(raw, true);
}

/**
 * Where JSON.parse stopped, as line and column. Never its message: V8 quotes the text around
 * the error, and a message must not echo the content of whatever file was opened.
 */
function jsonErrorPlace(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return text.trim() === '' ? '：文件是空的' : '';
  const at = Math.min(Number(m[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `：第 ${line} 行第 ${at - lineStart + 1} 列`;
}

/**
 * `owned`: the caller gives `raw` up (a fresh JSON.parse), so the document may keep its row
 * values records instead of copies.
 */
export function validateDocument(raw: unknown, owned = false): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: '文件不是预算文档（内容不是对象）' };
  const obj = raw as Record<string, unknown>;
  if (obj.format !== 'budget-desk-document') return { ok: false, error: '文件不是本程序的预算文档（缺少文件类型标识 format）' };
  const migrated = migrate(obj);
  if (!migrated.ok) return migrated;
  const parsed = parseDocument(migrated.value, owned);
  if (!parsed.ok) return { ok: false, error: `预算文档内容有误：${describeIssues(parsed.issues)}` };
  return withCarriedFormat(parsed.doc);
}

/**
 * The schema's reading of a migrated document (documentSchema). Rows plainly valid are read by
 * hand (fast-rows.ts) and the schema reads the rest: the same document, or the same issues.
 */
export function parseDocument(value: Record<string, unknown>, owned = false): { ok: true; doc: BudgetDocument } | { ok: false; issues: ZodIssue[] } {
  const tooMany = rowCountIssue(value);
  if (tooMany) return { ok: false, issues: [tooMany] };
  const rows = readRows(value, owned);
  if (!rows) {
    const junk = nonObjectRows(value);
    if (junk) return { ok: false, issues: [junk] };
    const parsed = documentSchema.safeParse(value);
    return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, issues: parsed.error.issues };
  }
  // The code lists too, when plainly valid: the schema then sees the key (its place in the output) without the list.
  const lists = 'classification' in value ? readCodeLists(value.classification) : null;
  const rest = { ...value, functionRows: [], economicRows: [], projectRows: [], carryoverRows: [], ...(lists ? { classification: undefined } : {}) };
  const shape = documentShape.safeParse(rest);
  if (!shape.success) return { ok: false, issues: shape.error.issues };
  const doc: BudgetDocument = { ...shape.data, ...rows, ...(lists ? { classification: lists } : {}) };
  const issues = documentIssues(doc, { syntax: false });
  if (issues.length === 0) return { ok: true, doc };
  return { ok: false, issues: issues.map((i) => ({ code: 'custom', path: i.path, message: i.message, params: { located: i.located } }) as ZodIssue) };
}

/**
 * More rows than a document may hold (INPUT_BOUNDS.maxDocumentRows), counted from the lists'
 * lengths before any row is read: a file of a million rows held the window on 正在打开 for over
 * seven minutes, and 1.5 million empty objects took the schema 20 s to describe.
 */
function rowCountIssue(value: Record<string, unknown>, what = '文档共有'): ZodIssue | null {
  const counts = [...ROW_ARRAYS].map((key) => [key, Array.isArray(value[key]) ? (value[key] as unknown[]).length : 0] as const);
  const total = counts.reduce((n, [, c]) => n + c, 0);
  if (total <= INPUT_BOUNDS.maxDocumentRows) return null;
  const n = (c: number) => c.toLocaleString('en-US');
  const parts = counts.filter(([, c]) => c > 0).map(([key, c]) => `${FIELD_NAMES[key]} ${n(c)} 行`);
  return {
    code: 'custom',
    path: [],
    message: `${what} ${n(total)} 行（${parts.join('，')}），超过了一份预算文档的上限 ${n(INPUT_BOUNDS.maxDocumentRows)} 行`,
    params: { located: true },
  } as ZodIssue;
}

/**
 * An imported document with more rows than a document may hold (each table within the import's
 * own bound, all of them together over it), or null: the import is refused, not saved as a file
 * no command and no window would open.
 */
export function importedRowsError(doc: BudgetDocument): string | null {
  const issue = rowCountIssue(doc as unknown as Record<string, unknown>, '导入的内容共有');
  return issue ? `${issue.message}，未导入` : null;
}

/** From this many rows that are not rows, the loader names the first and counts them instead of the schema. */
const MANY_BAD_ROWS = 1000;

/**
 * Rows that are not rows at all (numbers, text, null), when there are many: named by the first
 * and counted, before the schema, which records a problem per element (~10 µs each): a file of
 * 19 million of them ran the check out of memory after minutes.
 */
function nonObjectRows(value: Record<string, unknown>): ZodIssue | null {
  for (const key of ROW_ARRAYS) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    let first = -1;
    let count = 0;
    for (let i = 0; i < list.length; i++) {
      const row = list[i];
      if (typeof row === 'object' && row !== null && !Array.isArray(row)) continue;
      if (first < 0) first = i;
      count++;
    }
    // A few are the schema's to describe, in its words (fast-rows.test.ts holds both readings equal).
    if (count > MANY_BAD_ROWS) {
      return { code: 'custom', path: [key, first], message: `不是一行（应为对象，实际为${describeValue(list[first])}）；共有 ${count} 项不是一行` } as ZodIssue;
    }
  }
  return null;
}

const describeValue = (v: unknown) => (v === null ? '空值' : Array.isArray(v) ? '列表' : typeof v === 'number' ? '数字' : typeof v === 'string' ? '文字' : typeof v === 'boolean' ? '是/否' : typeof v);

function withCarriedFormat(doc: BudgetDocument): LoadResult {
  const formatError = doc.customFormat ? formatProblems(doc.customFormat as FormatTemplate) : null;
  if (formatError) return { ok: false, error: `预算文档随附的表格格式有误：${formatError}` };
  // Checked here, not when the tables are laid out: a window given such a document had nothing to show.
  if (!formatOf(doc)) {
    const id = doc.template.length > 40 ? `${doc.template.slice(0, 40)}…` : doc.template;
    const known = Object.values(BUILTIN_FORMATS).map((f) => f.name).join('、');
    return { ok: false, error: `预算文档的表格格式“${id}”不是本程序认识的格式（本程序内置：${known}；文档也没有随附这种格式），无法打开` };
  }
  return { ok: true, doc };
}

const ROW_ARRAYS = new Set(['functionRows', 'economicRows', 'projectRows', 'carryoverRows']);
/** The parts whose amounts make up the document's total (AMOUNT_BOUND) or whose keys must be unique, and what reads every amount anew (the unit). */
const WHOLE_CHECK = new Set([...ROW_ARRAYS, 'fixed', 'printed', 'unit']);
/** Large parts the schema need not read again when an edit left them alone: emptied in the probe. */
const UNTOUCHED_EMPTY: Readonly<Record<string, unknown>> = { functionRows: [], economicRows: [], projectRows: [], carryoverRows: [], fixed: {}, printed: {}, names: {}, comments: {} };

/**
 * Why an edited document could not be saved and opened again (schema, amount bound, duplicate
 * codes), or null: the editing store checks each change with this before applying it. `changed`
 * (top-level keys the edit touched) spares re-reading what the edit left alone: the document
 * before it was valid (the store holds nothing else), so the schema reads only the parts changed,
 * and an edit of neither rows, entered or printed cells nor the unit (a form's text, a
 * 绩效目标表, last year's figures) has only its own amounts checked against the bound: the total
 * and the codes are as they were. (At 100,000 items every such edit re-read every amount: ~25 ms
 * of each field stored.)
 */
export function documentEditError(doc: BudgetDocument, changed?: ReadonlySet<string>): string | null {
  const tooMany = rowCountIssue(doc as unknown as Record<string, unknown>, '修改后文档将有');
  if (tooMany) return tooMany.message;
  const probe = changed ? Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, k in UNTOUCHED_EMPTY && !changed.has(k) ? UNTOUCHED_EMPTY[k] : v])) : doc;
  const shape = documentShape.safeParse(probe);
  if (!shape.success) return describeIssues(shape.error.issues);
  const fieldsOnly = changed !== undefined && ![...changed].some((k) => WHOLE_CHECK.has(k));
  const issues = documentIssues(doc, { fieldsOnly });
  return issues.length === 0 ? null : describeIssues(issues.map((i) => ({ code: 'custom', path: i.path, message: i.message, params: { located: i.located } }) as ZodIssue));
}

export { documentMessageText, serializeDocument } from './serialize';
