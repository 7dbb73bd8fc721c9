import { FINDINGS_SHEET } from '../../exporters/workbook/sheet-name';
import { type BudgetDocument, documentBoundError, newDocument } from '../../model';
import { DEFAULT_FORMAT_ID } from '../../formats/registry';
import { templateById } from '../../templates/registry';
import type { FormatTemplate } from '../../templates/types';
import { WarningList } from '../../limits/warning-list';
import { cellAddress } from './cell-address';
import { DocumentAssembler, type ReadTable } from './assemble';
import { readHeader, type TableHeader } from './columns';
import { GridReader, type WorkbookGrid } from './grid';
import { findRegions, type TableRegion } from './regions';
import { readRows } from './rows';

export type { GridError, GridMerge, GridNote, GridValue, SheetGrid, WorkbookGrid } from './grid';

export type WorkbookImport =
  | { ok: true; doc: BudgetDocument; warnings: string[]; summary: { tables: number; rows: number; warnings: number } }
  | { ok: false; error: string };

export interface WorkbookImportOptions {
  /** Budget year to assume when the workbook states none (the caller knows today's date). */
  fallbackYear: number;
  template?: string;
  /** A format loaded from a file: its tables are looked for, and it is stored in the document. */
  format?: FormatTemplate;
}

export const NOT_A_BUDGET =
  '这不是部门预算公开工作簿：没有在任何工作表中找到公开表的表名（如“部门收支总体情况表”“部门收入总体情况表”）。';

/**
 * Read a workbook's cells back into a document: tables are found by their titles and header
 * words (not by sheet name or position), columns by their numbers or header words.
 */
export function importWorkbookGrid(grid: WorkbookGrid, opts: WorkbookImportOptions): WorkbookImport {
  const template = opts.format ?? templateById(opts.template ?? DEFAULT_FORMAT_ID);
  if (!template) return { ok: false, error: `未知的表格格式“${opts.template}”` };
  const warnings = new WarningList();
  // Error cells first: they change what is read, so they lead the list.
  for (const sheet of grid.sheets) {
    for (const e of sheet.errors ?? []) {
      warnings.push(`工作表“${sheet.name}”${cellAddress(e.row, e.col)} 单元格是错误值 ${e.code}，按空白读取`);
    }
  }
  const regions: { region: TableRegion; header: TableHeader }[] = [];
  // Visible sheets first: a hidden copy of a table is the one to leave out.
  for (const sheet of [...grid.sheets.filter((x) => !x.hidden), ...grid.sheets.filter((x) => x.hidden)]) {
    const found = findRegions(new GridReader(sheet), template.tables);
    if (found.length === 0) {
      if (sheet.name !== FINDINGS_SHEET && sheet.rows.some((r) => r.some((v) => v !== null && v !== ''))) {
        warnings.push(`工作表“${sheet.name}”中没有识别出公开表，已忽略`);
      }
      continue;
    }
    for (const region of found) regions.push({ region, header: readHeader(region) });
  }
  if (regions.length === 0) return { ok: false, error: NOT_A_BUDGET };

  const department = regions.find((x) => x.header.department)?.header.department ?? departmentFromTitle(grid.title);
  const unit = regions.find((x) => x.header.unit)?.header.unit ?? '万元';
  if (!department) {
    return { ok: false, error: '工作簿中有公开表的表名，但没有“编制部门：……”一行，无法确定部门；请补上编制部门后再导入。' };
  }
  const year = yearOf(grid, regions.map((x) => x.region));
  if (year === undefined) warnings.push(`工作簿中没有写明预算年度，按 ${opts.fallbackYear} 年导入`);
  const doc = newDocument(department, year ?? opts.fallbackYear, unit, template.id, opts.format);

  const tables = new Map<number, ReadTable>();
  for (const { region, header } of regions) {
    if (header.unit && header.unit !== unit) {
      warnings.push(`表${region.table.no}的金额单位是${header.unit}，与其他表（${unit}）不同，按${unit}读取`);
    }
    const missing = header.columns.filter((c, i) => c.kind === 'amount' && header.at[i] === -1).map((c) => c.col);
    if (missing.length > 0 && missing.length < header.columns.filter((c) => c.kind === 'amount').length) {
      warnings.push(`表${region.table.no}（工作表“${region.reader.sheet.name}”）缺少第 ${missing.join('、')} 栏，按空白处理`);
    }
    const records = readRows(region, header, unit, (m) => warnings.push(`表${region.table.no}：${m}`));
    const t = tables.get(region.table.no);
    if (!t || t.records.length === 0) tables.set(region.table.no, { table: region.table, sheet: region.reader.sheet.name, records });
    else if (records.length > 0) {
      // A second copy (last year's sheet, a hidden draft): importing both would double the amounts.
      warnings.push(`表${region.table.no}在工作表“${t.sheet}”和“${region.reader.sheet.name}”中都有，只导入了“${t.sheet}”中的`);
    }
  }
  if ([...tables.values()].every((t) => t.records.length === 0) && !regions.some((x) => x.header.at.some((c) => c >= 0))) {
    return { ok: false, error: '工作簿中只找到了公开表的表名，没有找到表头和数据，无法导入。' };
  }
  for (const t of template.tables) if (!tables.has(t.no)) warnings.push(`工作簿中没有找到表${t.no}“${t.title}”`);

  const asm = new DocumentAssembler(doc, warnings.push);
  for (const t of [...tables.values()].sort((a, b) => a.table.no - b.table.no)) asm.add(t);
  const out = asm.finish();
  const bound = documentBoundError(out); // the one amount bound: an imported document must open and save
  if (bound) return { ok: false, error: `工作簿中的金额超出本程序可处理的范围，未导入：${bound}` };
  return { ok: true, doc: out, warnings: warnings.list(), summary: { tables: tables.size, rows: asm.rows, warnings: warnings.count } };
}

function departmentFromTitle(title: string | undefined): string | undefined {
  return title ? /^(.+?)\s*\d{4}\s*年部门预算公开表$/.exec(title)?.[1] : undefined;
}

function yearOf(grid: WorkbookGrid, regions: TableRegion[]): number | undefined {
  const pick = (text: string | undefined) => {
    const m = text ? /((?:19|20|21)\d{2})\s*年/.exec(text) : null;
    return m ? Number(m[1]) : undefined;
  };
  const fromTitle = pick(grid.title);
  if (fromTitle) return fromTitle;
  for (const r of regions) {
    for (let row = r.titleRow; row < r.end; row++) {
      const y = pick(r.reader.rowTexts(row).join(''));
      if (y) return y;
    }
  }
  return undefined;
}
