import type { BudgetDocument, CarryoverRow, EconomicRow, FunctionRow, ProjectRow } from './schema';

/**
 * The document's long lists (the four row arrays and the 科目代码表) checked by hand, exactly as
 * the schema (schema.ts) would accept them, and copied in the schema's key order as zod would
 * output them. A large department has tens of thousands of rows and zod reads them several times
 * slower; on anything this check does not know to be valid (an unknown key, a wrong type, a bad
 * code or amount), it answers null and the schema reads the document, saying what is wrong.
 */
export interface Rows {
  functionRows: FunctionRow[];
  economicRows: EconomicRow[];
  projectRows: ProjectRow[];
  carryoverRows: CarryoverRow[];
}

export const ROW_KEYS = ['functionRows', 'economicRows', 'projectRows', 'carryoverRows'] as const;

const VALUE_KEY = /^\d{1,2}\.\d{1,2}$/;
const AMOUNT = /^-?\d{1,15}(\.\d{1,6})?$/;
const CODE7 = /^\d{7}$/;
const CODE5 = /^\d{5}$/;
const ROW_ID = /^[^/]+$/;

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own keys of `r` all among `allowed` (zod would drop any other, so the copy must be made by zod). */
function onlyKeys(r: Raw, allowed: ReadonlySet<string>): boolean {
  for (const k in r) if (!allowed.has(k)) return false;
  return Object.getPrototypeOf(r) === Object.prototype;
}

/** The values record (`table.column` → amount), reused when `owned`, else copied; null if any entry is invalid. */
function values(v: unknown, owned: boolean): Record<string, string> | null {
  if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return null;
  for (const k in v) {
    const a = v[k];
    if (typeof a !== 'string' || !VALUE_KEY.test(k) || !AMOUNT.test(a)) return null;
  }
  return owned ? (v as Record<string, string>) : { ...(v as Record<string, string>) };
}

const optionalString = (r: Raw, k: string) => !(k in r) || typeof r[k] === 'string';

const FUNCTION_KEYS = new Set(['code', 'name', 'values']);
const PROJECT_KEYS = new Set(['id', 'code', 'name', 'project', 'unit', 'values']);
const CARRYOVER_KEYS = new Set(['id', 'project', 'unit', 'values']);

function coded(r: unknown, code: RegExp, owned: boolean): FunctionRow | null {
  if (!isObject(r) || !onlyKeys(r, FUNCTION_KEYS)) return null;
  if (typeof r.code !== 'string' || !code.test(r.code) || !optionalString(r, 'name')) return null;
  const v = values(r.values, owned);
  if (!v) return null;
  return 'name' in r ? { code: r.code, name: r.name as string, values: v } : { code: r.code, values: v };
}

const unitOk = (r: Raw) => !('unit' in r) || (typeof r.unit === 'string' && !r.unit.startsWith('unit:'));

function project(r: unknown, owned: boolean): ProjectRow | null {
  if (!isObject(r) || !onlyKeys(r, PROJECT_KEYS)) return null;
  if (typeof r.id !== 'string' || !ROW_ID.test(r.id) || typeof r.code !== 'string' || !CODE7.test(r.code)) return null;
  if (!optionalString(r, 'name') || typeof r.project !== 'string' || !unitOk(r)) return null;
  const v = values(r.values, owned);
  if (!v) return null;
  const out: ProjectRow = { id: r.id, code: r.code } as ProjectRow;
  if ('name' in r) out.name = r.name as string;
  out.project = r.project;
  if ('unit' in r) out.unit = r.unit as string;
  out.values = v;
  return out;
}

function carryover(r: unknown, owned: boolean): CarryoverRow | null {
  if (!isObject(r) || !onlyKeys(r, CARRYOVER_KEYS)) return null;
  if (typeof r.id !== 'string' || !ROW_ID.test(r.id) || typeof r.project !== 'string' || !unitOk(r)) return null;
  const v = values(r.values, owned);
  if (!v) return null;
  const out: CarryoverRow = { id: r.id, project: r.project } as CarryoverRow;
  if ('unit' in r) out.unit = r.unit as string;
  out.values = v;
  return out;
}

function each<T>(list: unknown, read: (r: unknown) => T | null): T[] | null {
  if (!Array.isArray(list)) return null;
  const out: T[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = read(list[i]);
    if (r === null) return null;
    out[i] = r;
  }
  return out;
}

/**
 * The document's row arrays as the schema outputs them, or null when any is missing or not
 * plainly valid. `owned`: the caller gives up `doc` (a fresh JSON.parse), so its values records
 * are taken as they are instead of copied.
 */
export function readRows(doc: Raw, owned: boolean): Rows | null {
  const functionRows = each(doc.functionRows, (r) => coded(r, CODE7, owned));
  if (!functionRows) return null;
  const economicRows = each(doc.economicRows, (r) => coded(r, CODE5, owned));
  if (!economicRows) return null;
  const projectRows = each(doc.projectRows, (r) => project(r, owned));
  if (!projectRows) return null;
  const carryoverRows = each(doc.carryoverRows, (r) => carryover(r, owned));
  if (!carryoverRows) return null;
  return { functionRows, economicRows, projectRows, carryoverRows };
}

export type CodeLists = NonNullable<BudgetDocument['classification']>;

const ENTRY_KEYS = new Set(['code', 'name']);
const LIST_KEYS = new Set(['function', 'economic']);

function entry(e: unknown): { code: string; name: string } | null {
  if (!isObject(e) || !onlyKeys(e, ENTRY_KEYS) || typeof e.code !== 'string' || typeof e.name !== 'string') return null;
  return { code: e.code, name: e.name };
}

/**
 * The imported 科目代码表 (`classification`: thousands of code/name pairs, read by zod on every
 * open) as the schema outputs it, or null when it is not plainly valid (the schema then reads it).
 */
export function readCodeLists(v: unknown): CodeLists | null {
  if (!isObject(v) || !onlyKeys(v, LIST_KEYS)) return null;
  const fn = 'function' in v ? each(v.function, entry) : [];
  const ec = 'economic' in v ? each(v.economic, entry) : [];
  return fn && ec ? { function: fn, economic: ec } : null;
}
