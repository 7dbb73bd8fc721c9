import { BUILTIN_LIST } from '../../classification/names';
import { cellId, valueKey } from '../../engine/cell-id';
import { BudgetSession } from '../../engine/session';
import { type BudgetDocument, type CarryoverRow, documentBoundError, type EconomicRow, type FunctionRow, type ProjectRow } from '../../model';
import { COMMENT_MAX_CHARS } from '../../model/schema';
import { type AmountUnit, type Fen, formatExact, formatWan, roundToWanCent } from '../../money';
import type { FixedTableTemplate, HierTableTemplate, TableTemplate } from '../../templates/types';
import { norm } from './grid';
import { LineMatcher } from './labels';
import type { ReadAmount, RowRecord } from './rows';

/** A recognised table: its template and its data rows. */
export interface ReadTable {
  table: TableTemplate;
  sheet: string;
  records: RowRecord[];
}

/** What each table showed for its derived cells: cell id → amount (0 for blank). */
type Shown = Map<string, Fen>;

/**
 * Turn recognised rows into a document: entered cells become values, and every derived cell the
 * workbook shows that the app would compute differently is kept as printed, so the tables read
 * back exactly as they were shown.
 */
export class DocumentAssembler {
  private readonly fn = new Map<string, FunctionRow>();
  private readonly econ = new Map<string, EconomicRow>();
  private readonly projects: ProjectRow[] = [];
  private readonly carry: CarryoverRow[] = [];
  private readonly units = new Set<string>();
  private readonly shown: Shown = new Map();
  rows = 0;

  constructor(
    private readonly doc: BudgetDocument,
    private readonly warn: (m: string) => void,
  ) {}

  private get unit(): AmountUnit {
    return this.doc.unit;
  }

  add(t: ReadTable): void {
    if (t.table.kind === 'fixed') this.addFixed(t.table, t);
    else if (t.table.rowSet === 'function' || t.table.rowSet === 'economic') this.addCoded(t.table, t);
    else if (t.table.rowSet === 'project') this.addProjects(t.table, t);
    else this.addCarryover(t.table, t);
  }

  private skip(t: ReadTable, r: RowRecord, why: string): void {
    this.warn(`表${t.table.no}（工作表“${t.sheet}”第${r.line}行）${why}，已忽略`);
  }

  /** Entered columns go to the row's values; derived ones are remembered as shown. */
  private put(t: HierTableTemplate, rowKey: string, r: RowRecord, values: Record<string, string> | null): void {
    this.rows++;
    for (const [col, text] of r.notes) this.comment(t.no, rowKey, col, text);
    for (const c of t.columns) {
      const a = r.amounts.get(c.no);
      if (c.role === 'entered' && values) {
        if (a) values[valueKey(t.no, c.no)] = formatExact(a.fen, this.unit);
      } else this.shown.set(cellId(t.no, rowKey, c.no), a?.fen ?? 0);
    }
  }

  /** A cell note read back as the document's 批注 (the app's own export writes them as notes). */
  private comment(table: number, rowKey: string, col: string, text: string): void {
    const note = text.trim().slice(0, COMMENT_MAX_CHARS);
    if (!note) return;
    this.doc.comments ??= {};
    this.doc.comments[cellId(table, rowKey, col)] = note;
  }

  private isTotal(r: RowRecord): boolean {
    return !r.code && /^(总计|合计)$/.test(norm(r.name));
  }

  private noteName(code: string, name: string, kind: 'function' | 'economic'): void {
    if (name && BUILTIN_LIST[kind].get(code) !== name && !this.doc.names[code]) this.doc.names[code] = name;
  }

  private addCoded(t: HierTableTemplate, read: ReadTable): void {
    const economic = t.rowSet === 'economic';
    const leafLength = economic ? 5 : 7;
    const kind = economic ? 'economic' : 'function';
    const seen = new Set<string>();
    for (const r of read.records) {
      const key = r.code || (this.isTotal(r) ? 'total' : '');
      if (key && seen.has(key)) {
        this.skip(read, r, `${r.code ? `科目 ${r.code}` : '总计行'}重复出现，只取第一次出现的一行`);
        continue;
      }
      if (key) seen.add(key);
      if (this.isTotal(r)) {
        this.put(t, 'total', r, null);
      } else if (r.code.length === leafLength) {
        const map = economic ? this.econ : this.fn;
        let row = map.get(r.code);
        if (!row) {
          row = { code: r.code, values: {} };
          map.set(r.code, row);
        }
        if (r.name && !row.name && BUILTIN_LIST[kind].get(r.code) !== r.name) row.name = r.name;
        this.put(t, r.code, r, row.values);
      } else if (r.code.length === 3 || (!economic && r.code.length === 5)) {
        this.noteName(r.code, r.name, kind);
        this.put(t, r.code, r, null);
      } else this.skip(read, r, r.code ? `科目编码“${r.code}”位数不对` : `“${r.name}”没有科目编码`);
    }
  }

  private unitKey(name: string): { key: string; unit?: string } {
    if (!name || name === this.doc.department) return { key: 'unit' };
    return { key: `unit:${name}`, unit: name };
  }

  private addProjects(t: HierTableTemplate, read: ReadTable): void {
    let unit: { key: string; unit?: string } = { key: 'unit' };
    for (const r of read.records) {
      const prefix = unit.unit ? `${unit.unit}/` : '';
      if (this.isTotal(r)) this.put(t, 'total', r, null);
      else if (!r.code && !r.project) {
        unit = this.unitKey(r.name);
        if (unit.unit) this.units.add(unit.unit);
        this.put(t, unit.key, r, null);
      } else if (r.code.length === 7) {
        const row: ProjectRow = { id: String(this.projects.length + 1), code: r.code, project: r.project || r.name, values: {} };
        if (r.name && BUILTIN_LIST.function.get(r.code) !== r.name && r.project) row.name = r.name;
        if (unit.unit) row.unit = unit.unit;
        this.projects.push(row);
        this.put(t, `p:${row.id}`, r, row.values);
      } else if (r.code.length === 3 || r.code.length === 5) {
        this.noteName(r.code, r.name, 'function');
        this.put(t, prefix + r.code, r, null);
      } else this.skip(read, r, `科目编码“${r.code}”位数不对`);
    }
  }

  private addCarryover(t: HierTableTemplate, read: ReadTable): void {
    let unit: { key: string; unit?: string } = { key: 'unit' };
    let sawUnit = false;
    for (const r of read.records) {
      const name = r.name || r.project;
      if (this.isTotal(r)) this.put(t, 'total', r, null);
      else if (name === this.doc.department || this.units.has(name) || (!sawUnit && !name)) {
        sawUnit = true;
        unit = this.unitKey(name);
        this.put(t, unit.key, r, null);
      } else if (name) {
        const row: CarryoverRow = { id: String(this.carry.length + 1), project: name, values: {} };
        if (unit.unit) row.unit = unit.unit;
        this.carry.push(row);
        this.put(t, `c:${row.id}`, r, row.values);
      } else this.skip(read, r, '没有项目名称');
    }
  }

  private addFixed(t: FixedTableTemplate, read: ReadTable): void {
    const sides = t.rows.some((r) => r.side === 'income') ? (['income', 'expenditure'] as const) : ([undefined] as const);
    const matchers = new Map(sides.map((s) => [s, new LineMatcher(t.rows.filter((r) => r.side === s))]));
    const fixed = this.doc.fixed[String(t.no)] ?? {};
    for (const r of read.records) {
      for (const s of sides) {
        const label = s ? r.labels[s] : r.name;
        const amounts: Map<string, ReadAmount> = s ? r.side[s] : r.amounts;
        if (!label) {
          if (amounts.size > 0) this.skip(read, r, '金额没有对应的行名');
          continue;
        }
        const line = matchers.get(s)!.match(label);
        if (!line) {
          this.skip(read, r, `“${label}”不是本表的行`);
          continue;
        }
        this.rows++;
        for (const [col, cell] of Object.entries(line.cells)) {
          const note = r.notes.get(col);
          if (note) this.comment(t.no, line.key, col, note);
          const a = amounts.get(col);
          if ('entered' in cell) {
            if (a) {
              fixed[line.key] ??= {};
              fixed[line.key]![col] = formatExact(a.fen, this.unit);
            }
          } else this.shown.set(cellId(t.no, line.key, col), a?.fen ?? 0);
        }
      }
    }
    if (Object.keys(fixed).length > 0) this.doc.fixed[String(t.no)] = fixed;
  }

  /** The finished document: rows in code order, and what was shown where the app would differ. */
  finish(): BudgetDocument {
    const doc = this.doc;
    doc.functionRows = [...this.fn.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    doc.economicRows = [...this.econ.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    doc.projectRows = this.projects;
    doc.carryoverRows = this.carry;
    doc.subUnits = [...new Set([...this.units, ...this.carry.map((c) => c.unit).filter((u): u is string => !!u)])];
    if (documentBoundError(doc)) return doc; // refused by importWorkbookGrid; the engine could not open it
    const session = BudgetSession.open(doc);
    for (const [id, fen] of this.shown) {
      const [table, row, col] = splitId(id);
      const role = session.role(table, row, col);
      // Tables show 0.01 万元: a workbook in 元 agrees when it rounds to what the app shows.
      if (role === 'none' ? fen !== 0 : session.display(table, row, col) !== roundToWanCent(fen)) {
        doc.printed[id] = formatWan(fen, { thousands: false });
      }
    }
    return doc;
  }
}

function splitId(id: string): [number, string, string] {
  const a = id.indexOf('|');
  const b = id.lastIndexOf('|');
  return [Number(id.slice(0, a)), id.slice(a + 1, b), id.slice(b + 1)];
}
