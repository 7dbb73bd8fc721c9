import { type AmountUnit, type Fen, normaliseNumberText, parseBoundedAmount } from '../../money';
import { cellText, type GridReader, norm, numberText } from './grid';
import { isNumberingRow, looksNumeric, type TableHeader } from './columns';
import type { TableRegion } from './regions';

/** One amount as the workbook shows it. */
export interface ReadAmount {
  fen: Fen;
}

/** A data row of a recognised table, before it is given a meaning. */
export interface RowRecord {
  /** Excel row number (1-based), for messages. */
  line: number;
  code: string;
  name: string;
  project: string;
  /** Two-sided tables: the label of each side. */
  labels: { income: string; expenditure: string };
  amounts: Map<string, ReadAmount>;
  /** Amount columns of each side that the row fills (two-sided tables). */
  side: { income: Map<string, ReadAmount>; expenditure: Map<string, ReadAmount> };
  /** Cell notes on the row's amount columns, by column number (批注 kept through Excel). */
  notes: Map<string, string>;
}

export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The data rows under a header: blank rows, repeated page headers and notes are passed over. */
export function readRows(region: TableRegion, header: TableHeader, unit: AmountUnit, warn: (m: string) => void): RowRecord[] {
  const { reader } = region;
  const headerWords = new Set(header.columns.flatMap((c) => c.path.map(norm)));
  const where = (r: number, c: number) => `工作表“${reader.sheet.name}”${columnLetter(c)}${r + 1} 单元格`;
  const out: RowRecord[] = [];
  const notes = new Map((reader.sheet.notes ?? []).map((n) => [`${n.row},${n.col}`, n.text]));
  for (let r = header.headerEnd + 1; r < region.end; r++) {
    const texts = reader.rowTexts(r);
    if (texts.length === 0) continue;
    const line = texts.join('');
    // Meta lines of a continued page, the empty-table sentence, notes, and the next table's `表N`.
    if (/编制部门|单位[:：]|为空表|※/.test(line) || /^注[:：]/.test(line) || /^表\s*\d+$/.test(line)) continue;
    if (isNumberingRow(texts)) continue;
    if (!texts.some(looksNumeric) && texts.every((t) => headerWords.has(norm(t)))) continue;
    const rec: RowRecord = {
      line: r + 1,
      code: codeOf(reader, r, header),
      name: '',
      project: '',
      labels: { income: '', expenditure: '' },
      amounts: new Map(),
      side: { income: new Map(), expenditure: new Map() },
      notes: new Map(),
    };
    header.columns.forEach((col, i) => {
      const c = header.at[i]!;
      if (c < 0) return;
      if (col.kind === 'name') rec.name = reader.text(r, c);
      else if (col.kind === 'project') rec.project = reader.text(r, c);
      else if (col.kind === 'label') rec.labels[col.side ?? 'income'] = reader.text(r, c);
      else if (col.kind === 'amount') {
        const note = notes.get(`${r},${c}`);
        if (note) rec.notes.set(col.col!, note);
        const a = readAmount(reader.raw(r, c), unit);
        const shown = cellText(reader.raw(r, c));
        if (a === 'bad' && shown.startsWith('=')) warn(`${where(r, c)}是没有保存计算结果的公式“${shown}”，已按空白处理（请在 Excel 中打开、保存后再导入）`);
        else if (a === 'bad') warn(`${where(r, c)}“${shown}”不是金额，已按空白处理`);
        else if (a) {
          rec.amounts.set(col.col!, a);
          if (col.side) rec.side[col.side].set(col.col!, a);
        }
      }
    });
    if (!rec.name && rec.labels.income) rec.name = rec.labels.income;
    out.push(rec);
  }
  return out;
}

/** The row's code from 类 | 款 | 项 (numbers stored as numbers lose leading zeros: pad them back). */
function codeOf(reader: GridReader, r: number, header: TableHeader): string {
  if (header.wholeCode !== undefined) return reader.text(r, header.wholeCode).replace(/\D/g, '');
  const widths = [3, 2, 2];
  let code = '';
  header.columns.forEach((col, i) => {
    if (col.kind !== 'code') return;
    const c = header.at[i]!;
    const t = c < 0 ? '' : cellText(reader.raw(r, c)).replace(/\s/g, '');
    if (!/^\d+$/.test(t)) return;
    const part = col.part ?? 0;
    // A whole code typed into the 类 column (`2010302`) is taken as it is.
    if (part === 0 && t.length > 3) code = t;
    else if (code.length === [0, 3, 5][part]) code += t.padStart(widths[part]!, '0');
  });
  return code;
}

/** Blank and dashes are zero; anything else must be a number (text with separators is fine). */
export function readAmount(v: unknown, unit: AmountUnit): ReadAmount | null | 'bad' {
  if (v === null || v === undefined) return null;
  const text = typeof v === 'number' ? (Number.isFinite(v) ? numberText(v) : '') : normaliseNumberText(String(v));
  if (text === '' || /^[-—–]+$/.test(text)) return null;
  const p = parseBoundedAmount(text, unit);
  if (!p.ok) return 'bad';
  if (p.fen === 0) return null;
  return { fen: p.fen };
}
