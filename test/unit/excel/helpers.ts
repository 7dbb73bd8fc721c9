import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { type BudgetDocument, loadDocument } from '../../../shared/model';

export const FIXTURES = join(__dirname, '../../fixtures');
export const PACKETS = ['003_d8581a66e967af08', '004_b7e4b340c6b3bf95', '000_76f4246f7dc2bf91'] as const;

/** A real packet as a document: the committed fixture document, or the packet text imported. */
export function packetDoc(id: string): BudgetDocument {
  const json = join(FIXTURES, `${id.slice(0, 3)}.budget.json`);
  if (existsSync(json)) {
    const r = loadDocument(readFileSync(json, 'utf8'));
    if (r.ok) return r.doc;
  }
  const r = importPacketText(readFileSync(join(FIXTURES, `${id}.txt`), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

export function expectedTables(id: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', `${id}.tables.json`), 'utf8'));
}

export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export function sheetOf(wb: ExcelJS.Workbook, no: number): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name.startsWith(`表${no} `));
  if (!ws) throw new Error(`no sheet for table ${no}`);
  return ws;
}

/** Row number (1-based) of the first row whose column `col` reads `text`. */
export function findRow(ws: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`“${text}” not found in column ${col} of ${ws.name}`);
}

export function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as { merges?: string[] }).merges ?? [];
}
