import type { HierTableTemplate } from '../../templates/types';
import { type AssignRow, assignColumns } from './assign';
import type { TableBody } from './body';
import { squash } from './lines';
import { columnsByHeaderWords } from './header-map';
import { type RawRow, rawRows, tabColumns } from './raw-rows';
import { centsText } from './tokens';
import type { ImportWarning } from './warnings';

export type RowKind = 'total' | 'unit' | 'class' | 'kuan' | 'leaf';

export interface ParsedRow {
  line: number;
  kind: RowKind;
  /** Full code (3, 5 or 7 digits) of coded rows. */
  code?: string;
  name: string;
  project?: string;
  /** Sub-unit the row belongs to (table 7), undefined for the department itself. */
  unit?: string;
  /** Column number → hundredths of 万元, as printed. */
  values: Map<string, number>;
  /** Columns of its amounts inferred (the text lost the empty cells), not read from the layout. */
  inferred?: boolean;
  /** A unit row read as the department though it printed something else (for the audit). */
  misprinted?: { label: string; as: 'code' | 'project' | 'none' };
}

export interface ParsedHierTable {
  no: number;
  rows: ParsedRow[];
  emptyStated?: string;
  notes: string[];
}

export interface HierContext {
  department?: string;
  /** Printed or listed name of a function code, to split 科目名称 from 项目名称 in table 7. */
  functionName: (code: string) => string | undefined;
  /** Columns that can hold money at all, when another table already says so. */
  active?: ReadonlySet<string>;
  prior?: (row: ParsedRow, col: string, amount: number) => number;
}

const TOTAL = /^(总计|合计|总合计)$/;

function codeLength(t: HierTableTemplate): number {
  return t.codeColumns.length;
}

function classify(t: HierTableTemplate, raw: RawRow, ctx: HierContext, seenCoded: boolean): { kind: RowKind; code?: string; name: string; project?: string } | undefined {
  const code = raw.codes.join('');
  const text = raw.texts.join(' ').trim();
  if (code) {
    const depth = raw.codes.length;
    const max = codeLength(t);
    const kind: RowKind = depth >= max ? 'leaf' : depth === 1 ? 'class' : 'kuan';
    if (t.rowSet === 'project' && kind === 'leaf') {
      const [name, project] = splitProject(raw, code, ctx);
      return { kind, code, name, project };
    }
    return { kind, code, name: squash(text) };
  }
  if (TOTAL.test(squash(text))) return { kind: 'total', name: '总计' };
  if (t.levels.includes('unit') && (!seenCoded || t.rowSet === 'carryover')) {
    const s = squash(text);
    if (t.rowSet === 'project' || (ctx.department && s === squash(ctx.department))) return { kind: 'unit', name: s };
  }
  // A carried-over project prints its amounts; a text without any is something else under the table.
  if (t.rowSet === 'carryover' && raw.amounts.length > 0) return { kind: 'leaf', name: text };
  return undefined;
}

/** A label made only of letters and digits (`65230024T000000012345`): a code, not a unit's name. */
export function isCodeLabel(name: string): boolean {
  return /^[0-9A-Za-z-]{6,}$/.test(name) && /\d{4}/.test(name);
}

/** Table 7 leaf rows print 科目名称 and 项目名称 side by side. */
function splitProject(raw: RawRow, code: string, ctx: HierContext): [string, string] {
  if (raw.texts.length >= 2) return [squash(raw.texts[0]!), raw.texts.slice(1).join('').trim()];
  const text = (raw.texts[0] ?? '').trim();
  const known = ctx.functionName(code);
  if (known && squash(text).startsWith(squash(known))) {
    // Remove the name, however the PDF spaced it, and keep the rest as the project.
    let k = 0;
    let i = 0;
    const target = squash(known);
    while (i < text.length && k < target.length) {
      if (!/\s/.test(text[i]!)) k++;
      i++;
    }
    return [target, text.slice(i).trim()];
  }
  const sp = text.indexOf(' ');
  return sp > 0 ? [text.slice(0, sp), text.slice(sp + 1).trim()] : [text, ''];
}

/**
 * The department's row of table 7 stands right under 总计. Printed there with a 项 code instead of
 * its name (and no project), with a project's name (or a project-like name), or with no name, it is still that row: read as
 * the department, not as a project counted twice nor as a sub-unit, and marked for the audit.
 */
function relabelDepartmentRow(rows: ParsedRow[], ctx: HierContext): void {
  const department = ctx.department ? squash(ctx.department) : '';
  const projects = new Set(rows.filter((r) => r.kind === 'leaf' && r.project).map((r) => squash(r.project!)));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i - 1]!.kind !== 'total') continue;
    const r = rows[i]!;
    let misprinted: ParsedRow['misprinted'];
    // A 项 cannot come before its 类: a coded row followed by a 类 row is the unit row misprinted.
    if (r.kind === 'leaf' && !r.project && rows[i + 1]?.kind === 'class') misprinted = { label: `${r.code ?? ''} ${r.name}`.trim(), as: 'code' };
    else if (r.kind === 'unit' && r.name === '') misprinted = { label: '', as: 'none' };
    else if (r.kind === 'unit' && r.name !== department && projectLabel(r.name, projects)) misprinted = { label: r.name, as: 'project' };
    if (!misprinted) continue;
    r.kind = 'unit';
    r.name = department;
    delete r.code;
    delete r.project;
    r.misprinted = misprinted;
  }
}

/**
 * A unit row's label that names a project, not a unit: a project of the table (whole, or cut short
 * by the print), or a name with a project's ending (经费, 资金, 补助…) — a unit is a 机关, 中心,
 * 工作组…, never 经费.
 */
function projectLabel(name: string, projects: ReadonlySet<string>): boolean {
  if (projects.has(name) || /(?:经费|资金|补助|补贴|专项|项目|工程)$/.test(name)) return true;
  if (name.length < 4) return false;
  for (const p of projects) if (p.startsWith(name) || name.startsWith(p)) return true;
  return false;
}

/** Parent of each row by code prefix (and 总计/unit rows), in printed order. */
function parents(rows: readonly ParsedRow[]): Array<number | undefined> {
  const out: Array<number | undefined> = [];
  let total: number | undefined;
  let unit: number | undefined;
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => {
    let p: number | undefined;
    if (r.kind === 'total') {
      total = i;
      unit = undefined;
      byCode.clear();
    } else if (r.kind === 'unit') {
      p = total;
      unit = i;
      byCode.clear();
    } else if (r.code) {
      const up = r.kind === 'class' ? undefined : r.kind === 'kuan' ? r.code.slice(0, 3) : r.code.slice(0, r.code.length - 2);
      p = up !== undefined ? byCode.get(up) : undefined;
      if (p === undefined) p = up && r.kind === 'leaf' ? byCode.get(r.code.slice(0, 3)) : undefined;
      if (p === undefined) p = unit ?? total;
      byCode.set(r.code, i);
    } else p = unit ?? total;
    out.push(p);
  });
  return out;
}

export function parseHierTable(t: HierTableTemplate, body: TableBody, ctx: HierContext, warn: (w: ImportWarning) => void): ParsedHierTable {
  const result: ParsedHierTable = { no: t.no, rows: [], notes: body.notes };
  if (body.emptyStated) result.emptyStated = body.emptyStated;
  const tab = body.marker?.tabbed ? tabColumns(body.marker.cells) : undefined;
  const columnNos = t.columns.map((c) => c.no);
  // The columns this printed table has, as template column numbers.
  let present: ReadonlySet<string> | undefined;
  if (body.marker) {
    const printed = body.marker.cells.filter((c) => /^\d{1,2}$/.test(c));
    if (printed.length > 0 && printed.join(',') !== columnNos.join(',')) {
      const map = columnsByHeaderWords(body.headerText, t.columns, printed);
      if (map) {
        warn({ table: t.no, line: body.marker.line, message: `栏次为 ${printed.join(' ')}，与本表格式（${columnNos.join(' ')}）不同，按表头文字对应：${[...map].map(([p, c]) => `${p}→${c}`).join('，')}` });
        if (tab) for (const [i, p] of tab.numberAt) tab.numberAt.set(i, map.get(p) ?? p);
        present = new Set(map.values());
      } else {
        warn({ table: t.no, line: body.marker.line, message: `栏次为 ${printed.join(' ')}，与本表格式（${columnNos.join(' ')}）不一致，表头文字也对应不上，按栏号读取，请核对` });
        present = new Set(printed.filter((p) => columnNos.includes(p)));
      }
    }
  } else if (body.data.length > 0) {
    warn({ table: t.no, message: '没有找到栏次行（※ 1 2 3 …），按各行数字推断所在栏' });
  }
  const raws = rawRows(body.data, tab, codeLength(t));
  let seenCoded = false;
  for (const raw of raws) {
    for (const c of raw.oddCells) warn({ table: t.no, line: raw.line, message: `无法识别的单元格“${c}”，已略去` });
    const c = classify(t, raw, ctx, seenCoded);
    if (!c) {
      warn({ table: t.no, line: raw.line, message: `无法识别的行“${[...raw.codes, ...raw.texts].join(' ').slice(0, 40)}”，已略去` });
      continue;
    }
    if (c.code) seenCoded = true;
    const row: ParsedRow = { line: raw.line, kind: c.kind, name: c.name, values: new Map() };
    if (c.code) row.code = c.code;
    if (c.project !== undefined) row.project = c.project;
    result.rows.push(row);
    (row as ParsedRow & { raw?: RawRow }).raw = raw;
  }
  if (t.rowSet === 'project' && t.levels.includes('unit')) relabelDepartmentRow(result.rows, ctx);
  // Sub-units of table 7: unit rows other than the department.
  let unit: string | undefined;
  for (const r of result.rows) {
    // A unit row labelled with a project code is the department's own row misprinted, not a sub-unit.
    if (r.kind === 'unit') unit = (ctx.department && r.name === squash(ctx.department)) || isCodeLabel(r.name) ? undefined : r.name;
    else if (r.kind !== 'total') r.unit = unit;
  }

  const par = parents(result.rows);
  const assignRows: AssignRow[] = result.rows.map((r, i) => {
    const raw = (r as ParsedRow & { raw?: RawRow }).raw!;
    const a: AssignRow = { amounts: raw.amounts };
    if (raw.known) a.known = raw.known;
    const p = par[i];
    if (p !== undefined) a.parent = p;
    return a;
  });
  const columns = t.columns.filter((c) => !present || present.has(c.no)).map((c) => (c.sum ? { no: c.no, sum: c.sum } : { no: c.no }));
  const opts: Parameters<typeof assignColumns>[0] = { columns, rows: assignRows };
  if (ctx.active) opts.active = ctx.active;
  if (ctx.prior) {
    const prior = ctx.prior;
    opts.prior = (i, col, amount) => prior(result.rows[i]!, col, amount);
  }
  const solved = assignColumns(opts);
  result.rows.forEach((r, i) => {
    const raw = (r as ParsedRow & { raw?: RawRow }).raw!;
    delete (r as ParsedRow & { raw?: RawRow }).raw;
    const cols = solved.cols[i]!;
    if (raw.amounts.length > 0 && (!raw.known || raw.known.some((k) => k === undefined))) r.inferred = true;
    raw.amounts.forEach((a, k) => {
      const col = cols[k];
      if (col === undefined) return;
      r.values.set(col, (r.values.get(col) ?? 0) + a);
    });
    if (cols.length < raw.amounts.length) {
      warn({ table: t.no, line: r.line, message: `“${r.name}”有 ${raw.amounts.length} 个数，多于本表的栏数，未能读取` });
    }
  });
  for (const i of solved.inconsistent) {
    const r = result.rows[i]!;
    if (assignRows[i]!.known) continue;
    warn({ table: t.no, line: r.line, message: `“${r.name}”各数与本行合计关系对不上，按最接近的栏位读取（${[...r.values].map(([c, v]) => `第${c}栏 ${centsText(v)}`).join('，')}）` });
  }
  for (const i of solved.uncertain) {
    const r = result.rows[i]!;
    warn({ table: t.no, line: r.line, message: `“${r.name}”的数字所在栏不能唯一确定，推断为 ${[...r.values].map(([c, v]) => `第${c}栏 ${centsText(v)}`).join('，')}，请核对` });
  }
  return result;
}
