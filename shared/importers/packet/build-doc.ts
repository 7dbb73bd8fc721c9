import type { BudgetDocument, CarryoverRow, EconomicRow, FunctionRow, ProjectRow } from '../../model';
import type { FixedTableTemplate, HierTableTemplate } from '../../templates/types';
import type { ParsedFixedTable } from './fixed';
import { isCodeLabel, type ParsedHierTable } from './hier';
import { formatExact } from '../../money/format';
import { centsText } from './tokens';
import type { ImportWarning } from './warnings';

/**
 * Put what the tables printed into a document: amounts of entered cells become values,
 * every printed derived cell (totals, 小计, 类/款 rows, tables 1 and 4) is kept under
 * `printed` so the checker can compare it with the recomputed figure.
 */
export class DocumentFiller {
  private readonly fn = new Map<string, FunctionRow>();
  private readonly econ = new Map<string, EconomicRow>();
  private projects = 0;
  private carry = 0;

  /**
   * `yuanTables`: tables printed in 元 whose amounts are not all whole hundreds of 元: their values
   * are 分 (hundredths of 元) and are kept exactly, as 万元 with up to 6 decimals.
   */
  constructor(
    readonly doc: BudgetDocument,
    private readonly warn: (w: ImportWarning) => void,
    private readonly yuanTables: ReadonlySet<number> = new Set(),
  ) {}

  /** A parsed amount of table `no` as the document's 万元 text. */
  private text(no: number, v: number): string {
    return this.yuanTables.has(no) ? formatExact(v, '万元') : centsText(v);
  }

  private printed(table: number, row: string, col: string, cents: number): void {
    this.doc.printed[`${table}|${row}|${col}`] = this.text(table, cents);
  }

  private fnRow(code: string, name: string | undefined): FunctionRow {
    let r = this.fn.get(code);
    if (!r) {
      r = { code, values: {} };
      if (name) r.name = name;
      this.fn.set(code, r);
      this.doc.functionRows.push(r);
    } else if (!r.name && name) r.name = name;
    return r;
  }

  hier(t: HierTableTemplate, p: ParsedHierTable): void {
    const entered = new Set(t.columns.filter((c) => c.role === 'entered').map((c) => c.no));
    const seen = new Set<string>();
    for (const row of p.rows) {
      const prefix = row.unit ? `${row.unit}/` : '';
      if (row.kind === 'total' || row.kind === 'unit' || row.kind === 'class' || row.kind === 'kuan') {
        const key = row.kind === 'total' ? 'total' : row.kind === 'unit' ? (row.unit || row.name === this.doc.department || isCodeLabel(row.name) ? 'unit' : `unit:${row.name}`) : prefix + row.code;
        if (row.kind === 'unit' && key !== 'unit' && !this.doc.subUnits.includes(row.name)) this.doc.subUnits.push(row.name);
        if ((row.kind === 'class' || row.kind === 'kuan') && row.code && row.name && this.doc.names[row.code] === undefined) this.doc.names[row.code] = row.name;
        for (const [col, v] of row.values) this.printed(t.no, key, col, v);
        continue;
      }
      let key: string;
      let values: Record<string, string>;
      if (t.rowSet === 'function' || t.rowSet === 'economic') {
        const code = row.code ?? '';
        const want = t.rowSet === 'function' ? 7 : 5;
        if (code.length !== want) {
          this.warn({ table: t.no, line: row.line, message: `科目编码“${code}”位数不对（应为 ${want} 位），该行已略去` });
          continue;
        }
        if (seen.has(code)) {
          this.warn({ table: t.no, line: row.line, message: `科目 ${code} 在本表重复出现，只取第一次` });
          continue;
        }
        seen.add(code);
        if (t.rowSet === 'function') values = this.fnRow(code, row.name).values;
        else {
          let r = this.econ.get(code);
          if (!r) {
            r = { code, values: {} };
            if (row.name) r.name = row.name;
            this.econ.set(code, r);
            this.doc.economicRows.push(r);
          }
          values = r.values;
        }
        key = code;
      } else if (t.rowSet === 'project') {
        const id = `p${++this.projects}`;
        const r: ProjectRow = { id, code: row.code ?? '', project: row.project ?? '', values: {} };
        if (!/^\d{7}$/.test(r.code)) {
          this.warn({ table: t.no, line: row.line, message: `项目“${row.project ?? row.name}”的科目编码“${r.code}”不是 7 位，该行已略去` });
          continue;
        }
        if (row.name) r.name = row.name;
        if (row.unit) r.unit = row.unit;
        this.doc.projectRows.push(r);
        values = r.values;
        key = `p:${id}`;
      } else {
        const id = `c${++this.carry}`;
        const r: CarryoverRow = { id, project: row.name, values: {} };
        if (row.unit) r.unit = row.unit;
        this.doc.carryoverRows.push(r);
        values = r.values;
        key = `c:${id}`;
      }
      for (const [col, v] of row.values) {
        if (entered.has(col)) values[`${t.no}.${col}`] = this.text(t.no, v);
        else this.printed(t.no, key, col, v);
      }
    }
  }

  fixed(t: FixedTableTemplate, p: ParsedFixedTable): void {
    for (const [key, cols] of p.cells) {
      const def = t.rows.find((r) => r.key === key);
      if (!def) continue;
      for (const [col, v] of cols) {
        const cell = def.cells[col];
        if (!cell) {
          this.warn({ table: t.no, message: `“${def.label}”第 ${col} 栏不应有数（${this.text(t.no, v)}），已略去` });
          continue;
        }
        if ('entered' in cell) {
          const no = String(t.no);
          if (!this.doc.fixed[no]) this.doc.fixed[no] = {};
          const table = this.doc.fixed[no]!;
          if (!table[key]) table[key] = {};
          table[key]![col] = this.text(t.no, v);
        } else this.printed(t.no, key, col, v);
      }
    }
  }
}
