import type { GridMerge, GridNote } from '../../../shared/importers/workbook/grid';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';
import { entryBytes } from '../zip/zip-entry';
import { readZipDirectory, type ZipEntry } from '../zip/zip-directory';
import { writeZip, type ZipPart } from '../zip/write-zip';
import { withoutMainPrefix } from './main-prefix';
import { readSheetNotes } from './read-notes';
import { scanSheet } from './scan-sheet';
import { trimSharedStrings } from './trim-shared-strings';
import { readRelationships, scanWorkbookPart, sheetPartPath } from './scan-workbook-part';

export type Preflight =
  | {
      ok: true;
      /** A zip holding only the checked, cut-down parts: what exceljs gets instead of the file. */
      zip: Uint8Array;
      /** Each sheet's merges by sheet name, clipped to its cells (exceljs no longer sees them). */
      merges: Map<string, GridMerge[]>;
      /** Each sheet's cell notes (批注) by sheet name, read from its comments part (see read-notes). */
      notes: Map<string, GridNote[]>;
    }
  | { ok: false; error: string };

/** Parts besides the sheets that the import reads; everything else (themes, images, drawings,
 * comments, pivot caches, macros…) is neither inflated nor passed on. */
const OTHER_PARTS = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/core.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

const corrupt = (why: string) => ({
  ok: false as const,
  error: `工作簿已损坏，无法读取（${why}）。请在 Excel 中打开并另存为 .xlsx 后再试。`,
});
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const num = (n: number) => n.toLocaleString('en-US');

/**
 * Everything about a workbook that could make exceljs hang or exhaust memory, checked from the
 * zip before exceljs loads it: the declared and real size of every part read, rows and cells per
 * sheet, merges and shared strings, each against INPUT_BOUNDS. Returns a Chinese reason naming
 * the sheet, or a rebuilt zip that exceljs can load within the bounds. Never throws on bad bytes.
 */
export function preflightWorkbook(bytes: Uint8Array, bounds: Record<keyof typeof INPUT_BOUNDS, number> = INPUT_BOUNDS): Preflight {
  if (bytes.length > bounds.maxFileBytes) {
    return { ok: false, error: `文件有 ${mb(bytes.length)}，超过可导入的上限 ${mb(bounds.maxFileBytes)}。` };
  }
  const dir = readZipDirectory(bytes, bounds.maxWorkbookParts);
  if (!dir.ok) return corrupt(dir.reason);
  const byName = new Map<string, ZipEntry>();
  for (const e of dir.entries) byName.set(e.name.replace(/^\/+/, ''), e);

  const book = byName.get('xl/workbook.xml');
  if (!book) return { ok: false, error: '文件不是 Excel 工作簿（.xlsx）：压缩包中没有工作簿部件 xl/workbook.xml。' };
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  const small = [book, ...(rels ? [rels] : [])];
  const sizeError = sizeCheck(small, bounds.maxWorkbookXmlBytes, () => '工作簿目录');
  if (sizeError) return { ok: false, error: sizeError };
  const bookBytes = inflate(bytes, book);
  if (typeof bookBytes === 'string') return corrupt(bookBytes);
  const bookPart = scanWorkbookPart(bookBytes);
  if (!bookPart.ok) return corrupt('工作簿目录 xl/workbook.xml 不完整');
  const relsBytes = rels ? inflate(bytes, rels) : Buffer.alloc(0);
  if (typeof relsBytes === 'string') return corrupt(relsBytes);
  const targets = readRelationships(relsBytes);

  // The sheets exceljs would load, in workbook order, under the names it gives them.
  const sheets: { name: string; entry: ZipEntry }[] = [];
  const sheetName = new Map<ZipEntry, string>();
  for (const s of bookPart.sheets) {
    const target = targets.get(s.rId);
    const path = target === undefined ? undefined : sheetPartPath(target);
    const entry = path && SHEET_PART.test(path) ? byName.get(path) : undefined;
    if (!entry || sheetName.has(entry)) continue;
    sheets.push({ name: s.name, entry });
    sheetName.set(entry, s.name);
  }
  const others = OTHER_PARTS.map((n) => byName.get(n)).filter((e): e is ZipEntry => e !== undefined && e !== book);
  const error = sizeCheck([...others, ...sheets.map((s) => s.entry)], bounds.maxWorkbookXmlBytes - book.uncompressedSize, (e) =>
    sheetName.has(e) ? `工作表“${sheetName.get(e)}”` : e.name.endsWith('sharedStrings.xml') ? '共享字符串表（xl/sharedStrings.xml）' : `部件 ${e.name}`,
  );
  if (error) return { ok: false, error };

  const parts = new Map<ZipEntry, Buffer>([[book, bookPart.kept]]);
  for (const e of others) {
    const data = e === rels ? relsBytes : inflate(bytes, e);
    if (typeof data === 'string') return corrupt(data);
    parts.set(e, data);
  }

  const merges = new Map<string, GridMerge[]>();
  const notes = new Map<string, GridNote[]>();
  // What the notes may inflate: the XML budget the checked parts left over.
  let noteBudget = bounds.maxWorkbookXmlBytes - book.uncompressedSize - [...others, ...sheets.map((s) => s.entry)].reduce((n, e) => n + e.uncompressedSize, 0);
  let cells = 0;
  let mergeArea = 0;
  let maxSharedString = -1;
  for (const { name, entry } of sheets) {
    const data = inflate(bytes, entry);
    if (typeof data === 'string') return corrupt(data);
    const scan = scanSheet(data, {
      maxRows: bounds.maxSheetRows,
      maxCells: bounds.maxWorkbookCells - cells,
      clipRows: bounds.maxSheetRows,
      clipCols: bounds.maxSheetCols,
      maxMergeArea: bounds.maxMergeArea - mergeArea,
    });
    if (!scan.ok) {
      switch (scan.over) {
        case 'malformed':
          return corrupt(`工作表“${name}”的内容不完整`);
        case 'rows':
          return { ok: false, error: `工作表“${name}”的行数超过可导入的上限 ${num(bounds.maxSheetRows)} 行；请删去多余的行后再导入。` };
        case 'cells':
          return { ok: false, error: `工作簿的单元格超过可导入的上限 ${num(bounds.maxWorkbookCells)} 个（在工作表“${name}”处超出）；请删去多余的内容后再导入。` };
        case 'merges':
          return {
            ok: false,
            error: `合并单元格覆盖的单元格超过可导入的上限 ${num(bounds.maxMergeArea)} 个（在工作表“${name}”处超出）；请取消整行、整列或整张表的合并后再导入。`,
          };
      }
    }
    cells += scan.cells;
    mergeArea += scan.mergeArea;
    maxSharedString = Math.max(maxSharedString, scan.maxSharedString);
    merges.set(name, scan.merges);
    parts.set(entry, scan.kept);
    const read = readSheetNotes(bytes, byName, entry.name.replace(/^\/+/, ''), noteBudget);
    noteBudget -= read.bytes;
    if (read.notes.length > 0) notes.set(name, read.notes.filter((n) => n.row < bounds.maxSheetRows && n.col < bounds.maxSheetCols));
  }
  const strings = byName.get('xl/sharedStrings.xml');
  if (strings) {
    const keep = Math.min(maxSharedString + 1, bounds.maxWorkbookCells + 1);
    const trimmed = trimSharedStrings(parts.get(strings)!, keep);
    if (!trimmed) return corrupt('共享字符串表 xl/sharedStrings.xml 不完整');
    if (trimmed.count > bounds.maxWorkbookCells) {
      return { ok: false, error: `共享字符串表有 ${num(trimmed.count)} 条以上，超过可导入的上限 ${num(bounds.maxWorkbookCells)} 条。` };
    }
    parts.set(strings, trimmed.kept);
  }
  // The original order of the parts, as exceljs would have met them.
  // Element names without a prefix for SpreadsheetML (the checks above read local names already).
  const out: ZipPart[] = dir.entries
    .filter((e) => parts.has(e))
    .map((e) => ({ name: e.name.replace(/^\/+/, ''), data: e.name.endsWith('.rels') ? parts.get(e)! : withoutMainPrefix(parts.get(e)!) }));
  return { ok: true, zip: writeZip(out), merges, notes };
}

/** Declared sizes against the bound, one by one and together, before anything is inflated. */
function sizeCheck(entries: ZipEntry[], max: number, label: (e: ZipEntry) => string): string | null {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > max) return `${label(e)}解压后有 ${mb(e.uncompressedSize)}，超过可导入的上限 ${mb(max)}。`;
    total += e.uncompressedSize;
  }
  return total > max ? `工作簿解压后共有 ${mb(total)}，超过可导入的上限 ${mb(max)}。` : null;
}

function inflate(bytes: Uint8Array, e: ZipEntry): Buffer | string {
  const r = entryBytes(bytes, e);
  return r.ok ? Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) : r.reason;
}
