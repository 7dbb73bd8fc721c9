import { type CodeKind, codeListFor } from '../../shared/classification/names';
import type { BudgetDocument } from '../../shared/model';
import type { Outcome } from './store';

/**
 * Row additions and deletions as changes of the document; the session lays the tables out
 * again, so the 款/类 rows of a new 项 appear by themselves. Each returns a Chinese reason on refusal.
 */

export interface CodeChoice {
  code: string;
  name: string;
  /** Names of the parent 类 and 款, to tell apart the many 行政运行. */
  path: string;
}

/** Codes of one length the user can pick from: the document's list, its printed names, the built-in list. */
export function codeChoices(doc: BudgetDocument, kind: CodeKind): CodeChoice[] {
  const len = kind === 'function' ? 7 : 5;
  const { list } = codeListFor(doc);
  const names = new Map(list[kind]);
  const nameOf = (c: string) => doc.names[c] ?? names.get(c) ?? '';
  const out: CodeChoice[] = [];
  for (const [code] of names) {
    if (code.length !== len) continue;
    const parents = kind === 'function' ? [code.slice(0, 3), code.slice(0, 5)] : [code.slice(0, 3)];
    out.push({ code, name: nameOf(code), path: parents.map(nameOf).filter(Boolean).join(' › ') });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Match by code prefix (spaces ignored: "201 03 01") or by a piece of the name. */
export function searchCodes(choices: readonly CodeChoice[], query: string, limit = 50): CodeChoice[] {
  const q = query.replace(/\s+/g, '');
  if (!q) return choices.slice(0, limit);
  const byCode = /^\d+$/.test(q);
  return choices.filter((c) => (byCode ? c.code.startsWith(q) : c.name.includes(q) || c.path.includes(q))).slice(0, limit);
}

export function addFunctionItem(doc: BudgetDocument, code: string, name?: string): Outcome {
  const c = code.replace(/\s+/g, '');
  if (!/^\d{7}$/.test(c)) return { ok: false, reason: `“${code}”不是功能分类项级科目编码（应为 7 位数字，如 2010301）` };
  if (doc.functionRows.some((r) => r.code === c)) return { ok: false, reason: `科目 ${c} 已在表中，不能重复添加` };
  if (!knownName(doc, c, 'function') && !name?.trim()) return { ok: false, reason: `科目 ${c} 不在科目表中，请同时填写科目名称` };
  doc.functionRows.push(name?.trim() && !knownName(doc, c, 'function') ? { code: c, name: name.trim(), values: {} } : { code: c, values: {} });
  return { ok: true };
}

export function deleteFunctionItem(doc: BudgetDocument, code: string): Outcome {
  const i = doc.functionRows.findIndex((r) => r.code === code);
  if (i < 0) return { ok: false, reason: `没有科目 ${code}` };
  const used = doc.projectRows.filter((p) => p.code === code).length;
  if (used > 0) return { ok: false, reason: `科目 ${code} 下还有 ${used} 个项目（表7），请先删除这些项目` };
  doc.functionRows.splice(i, 1);
  return { ok: true };
}

export function addEconomicItem(doc: BudgetDocument, code: string, name?: string): Outcome {
  const c = code.replace(/\s+/g, '');
  if (!/^\d{5}$/.test(c)) return { ok: false, reason: `“${code}”不是经济分类款级科目编码（应为 5 位数字，如 30201）` };
  if (doc.economicRows.some((r) => r.code === c)) return { ok: false, reason: `经济科目 ${c} 已在表中，不能重复添加` };
  if (!knownName(doc, c, 'economic') && !name?.trim()) return { ok: false, reason: `经济科目 ${c} 不在科目表中，请同时填写科目名称` };
  doc.economicRows.push(name?.trim() && !knownName(doc, c, 'economic') ? { code: c, name: name.trim(), values: {} } : { code: c, values: {} });
  return { ok: true };
}

export function deleteEconomicItem(doc: BudgetDocument, code: string): Outcome {
  const i = doc.economicRows.findIndex((r) => r.code === code);
  if (i < 0) return { ok: false, reason: `没有经济科目 ${code}` };
  doc.economicRows.splice(i, 1);
  return { ok: true };
}

export function addProject(doc: BudgetDocument, p: { code: string; project: string; unit?: string }): Outcome & { id?: string } {
  const c = p.code.replace(/\s+/g, '');
  if (!/^\d{7}$/.test(c)) return { ok: false, reason: `“${p.code}”不是功能分类项级科目编码（应为 7 位数字）` };
  if (!knownName(doc, c, 'function') && !doc.functionRows.some((r) => r.code === c)) return { ok: false, reason: `科目 ${c} 不在科目表中，请先在表2添加该科目` };
  const project = p.project.trim();
  if (!project) return { ok: false, reason: '项目名称不能为空' };
  const id = nextId(doc.projectRows.map((r) => r.id), 'p');
  const unit = p.unit?.trim();
  doc.projectRows.push(unit && unit !== doc.department ? { id, code: c, project, unit, values: {} } : { id, code: c, project, values: {} });
  return { ok: true, id };
}

export function deleteProject(doc: BudgetDocument, id: string): Outcome {
  const i = doc.projectRows.findIndex((r) => r.id === id);
  if (i < 0) return { ok: false, reason: '没有这个项目' };
  doc.projectRows.splice(i, 1);
  return { ok: true };
}

export function addCarryover(doc: BudgetDocument, p: { project: string; unit?: string }): Outcome & { id?: string } {
  const project = p.project.trim();
  if (!project) return { ok: false, reason: '项目名称不能为空' };
  const id = nextId(doc.carryoverRows.map((r) => r.id), 'c');
  const unit = p.unit?.trim();
  doc.carryoverRows.push(unit && unit !== doc.department ? { id, project, unit, values: {} } : { id, project, values: {} });
  return { ok: true, id };
}

export function deleteCarryover(doc: BudgetDocument, id: string): Outcome {
  const i = doc.carryoverRows.findIndex((r) => r.id === id);
  if (i < 0) return { ok: false, reason: '没有这个结转项目' };
  doc.carryoverRows.splice(i, 1);
  return { ok: true };
}

function knownName(doc: BudgetDocument, code: string, kind: CodeKind): boolean {
  return Boolean(doc.names[code] ?? codeListFor(doc).list[kind].get(code));
}

function nextId(existing: readonly string[], prefix: string): string {
  const used = new Set(existing);
  let n = existing.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
