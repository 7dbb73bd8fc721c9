import { beforeAll, describe, expect, it } from 'vitest';
import { preflightWorkbook } from '../../../electron/xlsx/preflight/preflight-workbook';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { writeZip } from '../../../electron/xlsx/zip/write-zip';
import { BudgetSession } from '../../../shared/engine/session';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';
import { WarningList } from '../../../shared/limits/warning-list';
import { tablesJson } from '../../../shared/views/tables-json';
import { packetDoc } from './helpers';
import { readParts, sheetPath, writeParts } from './zip-parts';

const T2 = '表2 部门收入总体情况表';
let parts: Map<string, string>;
let p2: string;
let baseline: unknown;

beforeAll(async () => {
  const bytes = await workbookBuffer(packetDoc('004_b7e4b340c6b3bf95'));
  parts = readParts(bytes);
  p2 = sheetPath(parts, 2);
  const r = await readWorkbookBuffer(bytes);
  if (!r.ok) throw new Error(r.error);
  baseline = tablesJson(BudgetSession.open(r.doc));
});

/** The fixture workbook with some parts' XML edited. */
function edited(edit: (name: string, xml: string) => string): Uint8Array {
  return writeParts(new Map([...parts].map(([n, x]) => [n, edit(n, x)])));
}

async function timed(bytes: Uint8Array) {
  const t0 = performance.now();
  const r = await readWorkbookBuffer(bytes);
  return { r, ms: performance.now() - t0 };
}

const inSheet2 = (edit: (xml: string) => string) => edited((n, x) => (n === p2 ? edit(x) : x));
/** The sheet's merges replaced by one (so exceljs would not just throw on an overlap). */
const withMerge = (ref: string) => (x: string) => x.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
const farCell = (x: string) => x.replace('</sheetData>', '<row r="200000"><c r="GR200000"><v>1</v></c></row></sheetData>');

describe('workbook bounds are checked in the zip before exceljs loads it', () => {
  it('a whole-sheet merge (A1:XFD1048576) is clipped to the cells present; exceljs never sees a merge', async () => {
    const bytes = inSheet2(withMerge('A1:XFD1048576'));
    const pre = preflightWorkbook(bytes);
    if (!pre.ok) throw new Error(pre.error);
    // 表2 of this export has cells in A1:P34.
    expect(pre.merges.get(T2)).toEqual([{ top: 0, left: 0, bottom: 33, right: 15 }]);
    expect(readParts(pre.zip).get(p2)).not.toContain('mergeCell');
    const { r, ms } = await timed(bytes);
    expect(ms).toBeLessThan(5000);
    if (!r.ok) throw new Error(r.error);
    // As Excel shows it: only A1 of the sheet is visible, so table 2 is not there.
    expect(r.warnings).toContain('工作簿中没有找到表2“部门收入总体情况表”');
  });

  it('merges covering more than maxMergeArea cells (after clipping) are refused, naming the sheet', async () => {
    const { r, ms } = await timed(inSheet2((x) => withMerge('A1:XFD1048576')(farCell(x))));
    expect(ms).toBeLessThan(5000);
    expect(r).toEqual({
      ok: false,
      error: `合并单元格覆盖的单元格超过可导入的上限 2,000,000 个（在工作表“${T2}”处超出）；请取消整行、整列或整张表的合并后再导入。`,
    });
  });

  it('a declared 1,000,000-row dimension over a few real rows reads the same tables, quickly', async () => {
    const { r, ms } = await timed(edited((_, x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')));
    expect(ms).toBeLessThan(5000);
    if (!r.ok) throw new Error(r.error);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(baseline);
  });

  it('more rows than maxSheetRows are refused before exceljs, naming the sheet', async () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `<row r="${i + 100}"><c r="A${i + 100}"><v>1</v></c></row>`).join('');
    const { r, ms } = await timed(inSheet2((x) => x.replace('</sheetData>', `${rows}</sheetData>`)));
    expect(ms).toBeLessThan(5000);
    expect(r).toEqual({ ok: false, error: `工作表“${T2}”的行数超过可导入的上限 200,000 行；请删去多余的行后再导入。` });
  });

  it('cells over maxWorkbookCells are refused; shared strings no cell uses are cut, those in use are bounded', () => {
    const cellCount = [...parts.values()].reduce((n, x) => n + (x.match(/<c r=/g)?.length ?? 0), 0);
    const cells = preflightWorkbook(edited((_, x) => x), { ...INPUT_BOUNDS, maxWorkbookCells: 1500 });
    expect(cells.ok ? '' : cells.error).toMatch(/^工作簿的单元格超过可导入的上限 1,500 个（在工作表“表\d+ [^”]+”处超出）；请删去多余的内容后再导入。$/);
    const sst = parts.get('xl/sharedStrings.xml')!;
    const original = sst.match(/<si>/g)!.length;
    const junk = Array.from({ length: cellCount + 100 }, (_, i) => `<si><t>多余${i}</t></si>`).join('');
    const appended = edited((n, x) => (n === 'xl/sharedStrings.xml' ? x.replace('</sst>', `${junk}</sst>`) : x));
    const trimmed = preflightWorkbook(appended);
    if (!trimmed.ok) throw new Error(trimmed.error);
    expect(readParts(trimmed.zip).get('xl/sharedStrings.xml')!.match(/<si>/g)!.length).toBe(original);
    const used = edited((n, x) =>
      n === 'xl/sharedStrings.xml' ? x.replace('</sst>', `${junk}</sst>`) : n === p2 ? farCell(x).replace('<v>1</v>', `<v>${original + cellCount + 99}</v>`).replace('<c r="GR200000">', '<c r="GR200000" t="s">') : x,
    );
    const refused = preflightWorkbook(used, { ...INPUT_BOUNDS, maxWorkbookCells: cellCount + 5 });
    expect(refused.ok ? '' : refused.error).toBe(`共享字符串表有 ${(cellCount + 6).toLocaleString('en-US')} 条以上，超过可导入的上限 ${(cellCount + 5).toLocaleString('en-US')} 条。`);
  });

  it('a shared-strings zip bomb is refused by its declared size, or when it inflates past it', () => {
    const huge = Buffer.alloc(INPUT_BOUNDS.maxWorkbookXmlBytes + 1024, 0x61);
    const names = [...parts.keys()];
    const zipWith = (data: Buffer) =>
      writeZip(
        names.map((n) => ({ name: n, data: n === 'xl/sharedStrings.xml' ? data : Buffer.from(parts.get(n)!) })),
        { deflate: true },
      );
    const honest = zipWith(huge);
    expect(honest.length).toBeLessThan(1024 * 1024);
    const a = preflightWorkbook(honest);
    expect(a.ok ? '' : a.error).toBe('共享字符串表（xl/sharedStrings.xml）解压后有 100.0 MB，超过可导入的上限 100.0 MB。');
    // The same bomb declaring 1 KB: inflating stops after 1 KB + 1 byte.
    const lying = Uint8Array.from(honest);
    const v = new DataView(lying.buffer);
    for (let p = 0; p + 4 <= lying.length; p++) {
      const sig = v.getUint32(p, true);
      const nameAt = sig === 0x02014b50 ? p + 46 : sig === 0x04034b50 ? p + 30 : -1;
      const field = sig === 0x02014b50 ? p + 24 : p + 22;
      if (nameAt > 0 && Buffer.from(lying.subarray(nameAt, nameAt + 20)).toString('latin1') === 'xl/sharedStrings.xml') v.setUint32(field, 1024, true);
    }
    const before = process.memoryUsage().rss;
    const b = preflightWorkbook(lying);
    expect(b.ok ? '' : b.error).toBe('工作簿已损坏，无法读取（部件 xl/sharedStrings.xml 无法解压）。请在 Excel 中打开并另存为 .xlsx 后再试。');
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('Excel error cells become warnings naming the sheet and cell, and read as blank', async () => {
    const codes = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
    const bytes = inSheet2((x) => {
      let y = x.replace('<c r="E33" s="6"><v>35.69</v></c>', '<c r="E33" s="6" t="e"><v>#REF!</v></c>');
      y = y.replace('<c r="O34" s="6"><v>35.69</v></c>', '<c r="O34" s="6" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
      codes.slice(2).forEach((code, i) => {
        y = y.replace(`<c r="${'FGHIJ'[i]}33" s="6"/>`, `<c r="${'FGHIJ'[i]}33" s="6" t="e"><v>${code.replace('&', '&amp;')}</v></c>`);
      });
      return y;
    });
    const r = await readWorkbookBuffer(bytes);
    if (!r.ok) throw new Error(r.error);
    const cells = ['E33', 'O34', 'F33', 'G33', 'H33', 'I33', 'J33'];
    expect(r.warnings.slice(0, 7).sort()).toEqual(cells.map((c, i) => `工作表“${T2}”${c} 单元格是错误值 ${codes[i]}，按空白读取`).sort());
    expect(tablesJson(BudgetSession.open(r.doc))).not.toEqual(baseline);
  });

  it('warnings are capped at maxWarnings, with one line counting the rest', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `<row r="${i + 1000}"><c r="Q${i + 1000}" t="e"><v>#N/A</v></c></row>`).join('');
    const r = await readWorkbookBuffer(inSheet2((x) => x.replace('</sheetData>', `${rows}</sheetData>`)));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toHaveLength(INPUT_BOUNDS.maxWarnings + 1);
    expect(r.warnings[0]).toBe(`工作表“${T2}”Q1000 单元格是错误值 #N/A，按空白读取`);
    const rest = Number(/^另有 (\d+) 条提示未列出$/.exec(r.warnings.at(-1)!)?.[1]);
    expect(rest).toBeGreaterThanOrEqual(400);
    expect(r.summary).toContain(`${rest + INPUT_BOUNDS.maxWarnings} 条提示`);
    const w = new WarningList(2);
    ['a', 'b', 'c', 'd'].forEach(w.push);
    expect([w.list(), w.count]).toEqual([['a', 'b', '另有 2 条提示未列出'], 4]);
  });

  it('what exceljs expands cell by cell (validations, defined names, column ranges, links) never reaches it', async () => {
    const bytes = edited((n, x) => {
      if (n === 'xl/workbook.xml') {
        return x.replace(/<definedNames>[\s\S]*?<\/definedNames>|(?=<calcPr)/, '<definedNames><definedName name="big" localSheetId="1">\'表2\'!$A$1:$XFD$1048576</definedName></definedNames>');
      }
      if (n !== p2) return x;
      return x
        .replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="1" max="2000000000" width="9"/></cols>')
        .replace('<pageMargins', '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId99"/></hyperlinks><pageMargins')
        .replace('<pageMargins', '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations><pageMargins');
    });
    const { r, ms } = await timed(bytes);
    expect(ms).toBeLessThan(5000);
    if (!r.ok) throw new Error(r.error);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(baseline);
  });

  it('a corrupted part is named and nothing is read from it', async () => {
    const good = edited((_, x) => x);
    const bad = Uint8Array.from(good);
    const at = Buffer.from(bad).indexOf('xl/worksheets/sheet2.xml') + 'xl/worksheets/sheet2.xml'.length + 200;
    for (let i = 0; i < 8; i++) bad[at + i]! ^= 0x5a;
    const r = await readWorkbookBuffer(bad);
    expect(r.ok ? '' : r.error).toMatch(/^工作簿已损坏，无法读取（部件 xl\/worksheets\/sheet2\.xml (无法解压|校验失败|的大小与目录不符)）。/);
  });

  it('rows and cells written without their r= references (allowed: each follows the one before) read as Excel reads them; exceljs refused them as damaged', async () => {
    const unnumbered = edited((n, x) => (/^xl\/worksheets\//.test(n) ? x.replace(/<(row|c)( [^>]*?)? r="[A-Z]*\d+"/g, '<$1$2') : x));
    const sheet = readParts(unnumbered).get(p2)!;
    expect(sheet).toContain('<row');
    expect(sheet).not.toMatch(/<(row|c)\b[^>]* r="/);
    const { r, ms } = await timed(unnumbered);
    if (!r.ok) throw new Error(r.error);
    expect(ms).toBeLessThan(5000);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(baseline);
    // Only some left out: the others keep their places (a gap before a numbered row stays a gap).
    const some = edited((n, x) => (n === p2 ? x.replace(/<c( [^>]*?)? r="B\d+"/g, '<c$1') : x));
    const r2 = await readWorkbookBuffer(some);
    if (!r2.ok) throw new Error(r2.error);
    expect(tablesJson(BudgetSession.open(r2.doc))).toEqual(baseline);
  });

  it('a workbook written with a prefix for SpreadsheetML (<x:row>, as the Open XML SDK writes) reads as the same tables; exceljs failed on it or found no table', async () => {
    const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const prefix = (x: string) =>
      x.includes(MAIN) ? x.replace(MAIN, MAIN.replace('xmlns=', 'xmlns:x=')).replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, '<$1x:$2') : x;
    const prefixed = edited((n, x) => (n.endsWith('.rels') ? x : prefix(x)));
    expect(readParts(prefixed).get(p2)).toMatch(/^(<\?xml[^>]*>)?\s*<x:worksheet xmlns:x=/);
    expect(readParts(prefixed).get(p2)).toContain('<x:row ');
    const r = await readWorkbookBuffer(prefixed);
    if (!r.ok) throw new Error(r.error);
    expect(tablesJson(BudgetSession.open(r.doc))).toEqual(baseline);
    // Only the rows and cells prefixed, the root in the default namespace (declaring both).
    const inner = edited((n, x) => (n === p2 ? x.replace(MAIN, `${MAIN} ${MAIN.replace('xmlns=', 'xmlns:x=')}`).replace(/<(\/?)(row|c|v)(?=[\s>/])/g, '<$1x:$2') : x));
    const r2 = await readWorkbookBuffer(inner);
    if (!r2.ok) throw new Error(r2.error);
    expect(tablesJson(BudgetSession.open(r2.doc))).toEqual(baseline);
  });
});
