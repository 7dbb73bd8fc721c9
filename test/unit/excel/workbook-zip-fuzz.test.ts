import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { BudgetSession } from '../../../shared/engine/session';
import { documentSchema } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';
import { packetDoc } from './helpers';
import { readParts, writeParts } from './zip-parts';

/**
 * Workbooks the app exports for packets 003 and 004, mutated at the XML level inside the zip (the
 * shapes that hung or exhausted exceljs: whole-sheet merges, million-row dimensions and sheets,
 * huge shared strings, ranges exceljs expands cell by cell) and at the byte level (corrupted
 * entries, truncation). Each must finish within 5 s and 1 GB and never throw; error cells must be
 * warned by sheet and cell. `npm test` runs one round per mutation kind and then some;
 * WB_FUZZ_FULL=1 runs 500.
 */
const ROUNDS = process.env.WB_FUZZ_FULL === '1' ? 500 : Number(process.env.WB_FUZZ_ROUNDS ?? 30);
const GB = 1024 * 1024 * 1024;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}
type Rng = ReturnType<typeof rng>;

interface Case {
  parts: Map<string, string>;
  /** Sheet part → sheet name. */
  names: Map<string, string>;
  /** Warnings the import must give for the error cells put in. */
  errorWarnings: string[];
  /** A mutation that removes or hides cells (so an error cell may rightly go unread). */
  hidesCells: boolean;
  /** Byte-level damage applied after zipping. */
  bytes?: (zip: Uint8Array) => Uint8Array;
}

const pick = <T>(g: Rng, xs: readonly T[]): T => xs[g.int(xs.length)]!;
const sheetParts = (c: Case) => [...c.names.keys()];
function editSheet(c: Case, g: Rng, edit: (xml: string) => string): void {
  const p = pick(g, sheetParts(c));
  c.parts.set(p, edit(c.parts.get(p)!));
}
const atSheetDataEnd = (extra: string) => (x: string) => x.replace('</sheetData>', `${extra}</sheetData>`);
const addMerges = (refs: string[], replace: boolean) => (x: string) => {
  const list = refs.map((r) => `<mergeCell ref="${r}"/>`).join('');
  if (replace || !x.includes('</mergeCells>')) {
    const y = x.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '');
    return y.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${list}</mergeCells>`);
  }
  return x.replace('</mergeCells>', `${list}</mergeCells>`);
};
const ROW = /<row [^>]*>[\s\S]*?<\/row>|<row [^>]*\/>/g;
const ERROR_CODES = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];

/** Each mutation edits the case; the first ROUNDS seeds start with each kind in turn. */
const MUTATIONS: Record<string, (c: Case, g: Rng) => void> = {
  wholeSheetMerge(c, g) {
    editSheet(c, g, addMerges(['A1:XFD1048576'], g.next() < 0.5));
    c.hidesCells = true;
  },
  wholeRowAndColumnMerges(c, g) {
    editSheet(c, g, addMerges([`A${20 + g.int(10)}:XFD${20 + g.int(10)}`, 'Q1:Q1048576', 'R1:XFD1048576'], true));
    c.hidesCells = true;
  },
  manySmallMerges(c, g) {
    const top = g.next() < 0.5 ? 8 : 5000;
    editSheet(c, g, addMerges(Array.from({ length: 20_000 }, (_, i) => `A${top + i * 2}:B${top + i * 2 + 1}`), true));
    c.hidesCells = true;
  },
  millionRowDimension(c, g) {
    const ref = pick(g, ['A1:P1000000', 'A1:XFD1048576', 'A1:XFD1000000']);
    for (const p of sheetParts(c)) c.parts.set(p, c.parts.get(p)!.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`));
  },
  farRowAndColumn(c, g) {
    editSheet(c, g, atSheetDataEnd('<row r="1000000"><c r="XFD1000000"><v>1</v></c></row>'));
  },
  millionRows(c, g) {
    // 250,000 numbered rows, or 1,000,000 rows left to number themselves (cheap to build here).
    const rows =
      g.next() < 0.5
        ? Array.from({ length: 250_000 }, (_, i) => `<row r="${i + 50}"><c r="A${i + 50}"><v>${i}</v></c></row>`).join('')
        : '<row><c><v>1</v></c></row>'.repeat(1_000_000);
    editSheet(c, g, atSheetDataEnd(rows));
  },
  hugeSharedStrings(c, g) {
    const x = c.parts.get('xl/sharedStrings.xml')!;
    const extra =
      g.next() < 0.5
        ? Array.from({ length: 150_000 }, (_, i) => `<si><t>多余的字符串${i}</t></si>`).join('')
        : `<si><t>${'很长的字符串'.repeat(1_000_000)}</t></si>`;
    c.parts.set('xl/sharedStrings.xml', x.replace('</sst>', `${extra}</sst>`));
  },
  errorCells(c, g) {
    const withNumbers = sheetParts(c).filter((s) => /<c r="[A-Z]+\d+" s="\d+"><v>[-\d.]+<\/v><\/c>/.test(c.parts.get(s)!));
    if (withNumbers.length === 0) return;
    const p = pick(g, withNumbers);
    let x = c.parts.get(p)!;
    const found = [...x.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"><v>[-\d.]+<\/v><\/c>/g)];
    for (let k = 0, n = 1 + g.int(4); k < n; k++) {
      const [cell, ref, style] = found[g.int(found.length)]!;
      if (!x.includes(cell)) continue;
      const code = pick(g, ERROR_CODES);
      const formula = g.next() < 0.5 ? '<f>SUM(#REF!)</f>' : '';
      x = x.replace(cell, `<c r="${ref}" s="${style}" t="e">${formula}<v>${code}</v></c>`);
      c.errorWarnings.push(`工作表“${c.names.get(p)}”${ref} 单元格是错误值 ${code}，按空白读取`);
    }
    c.parts.set(p, x);
  },
  deleteRows(c, g) {
    editSheet(c, g, (x) => {
      const rows = [...x.matchAll(ROW)].map((m) => m[0]);
      for (let k = 0, n = 1 + g.int(8); k < n; k++) x = x.replace(pick(g, rows), '');
      return x;
    });
    c.hidesCells = true;
  },
  duplicateRows(c, g) {
    editSheet(c, g, (x) => {
      const rows = [...x.matchAll(ROW)].map((m) => m[0]);
      for (let k = 0, n = 1 + g.int(5); k < n; k++) {
        const r = pick(g, rows);
        x = x.replace(r, r + r);
      }
      return x;
    });
    c.hidesCells = true;
  },
  expandedRanges(c, g) {
    editSheet(c, g, (x) =>
      x
        .replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="1" max="2000000000" width="9"/></cols>')
        .replace('</sheetData>', '</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'),
    );
    const book = c.parts.get('xl/workbook.xml')!;
    c.parts.set('xl/workbook.xml', book.replace('</definedNames>', '<definedName name="all">\'x\'!$A$1:$XFD$1048576</definedName></definedNames>'));
  },
  missingSharedString(c, g) {
    editSheet(c, g, (x) => x.replace(/t="s"><v>\d+<\/v>/, 't="s"><v>99999999</v>'));
    c.hidesCells = true;
  },
  unclosedSheet(c, g) {
    editSheet(c, g, (x) => x.slice(0, Math.floor(x.length * (0.2 + g.next() * 0.7))));
    c.hidesCells = true;
  },
  corruptEntry(c, g) {
    c.bytes = (zip) => {
      const b = Uint8Array.from(zip);
      for (let k = 0, n = 1 + g.int(30); k < n; k++) b[g.int(b.length)] = g.int(256);
      return b;
    };
    c.hidesCells = true;
  },
  truncatedZip(c, g) {
    c.bytes = (zip) => zip.subarray(0, g.int(zip.length));
    c.hidesCells = true;
  },
};
const KINDS = Object.keys(MUTATIONS);

/** Sheet part → sheet name, from workbook.xml and its relationships. */
function sheetNames(parts: Map<string, string>): Map<string, string> {
  const rels = new Map([...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const out = new Map<string, string>();
  for (const m of (parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = rels.get(m[2]!);
    if (target && m[1] !== '检查结果') out.set(`xl/${target.replace(/^\/?xl\//, '')}`, m[1]!);
  }
  return out;
}

describe(`fuzz: ${ROUNDS} workbooks mutated inside the zip are read within 5 s and 1 GB`, () => {
  const bases: Map<string, string>[] = [];
  beforeAll(async () => {
    for (const id of ['003_d8581a66e967af08', '004_b7e4b340c6b3bf95']) bases.push(readParts(await workbookBuffer(packetDoc(id))));
  });

  it('none throws, hangs or exhausts memory; error cells are warned by sheet and cell', async () => {
    const startRss = process.memoryUsage().rss;
    const worst = { ms: 0, msCase: '', rss: 0, rssCase: '', heap: 0 };
    const outcomes = { imported: 0, refused: 0, errorCasesChecked: 0 };
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const g = rng(seed * 2654435761);
      const base = bases[seed % bases.length]!;
      const c: Case = { parts: new Map(base), names: sheetNames(base), errorWarnings: [], hidesCells: false };
      const kinds = [KINDS[(seed - 1) % KINDS.length]!];
      for (let k = 0, n = g.int(3); k < n; k++) kinds.push(pick(g, KINDS));
      for (const kind of kinds) MUTATIONS[kind]!(c, g);
      let bytes = writeParts(c.parts);
      if (c.bytes) bytes = c.bytes(bytes);
      c.parts.clear();
      const label = `seed ${seed} (${kinds.join(', ')})`;

      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      let r: Awaited<ReturnType<typeof readWorkbookBuffer>>;
      try {
        r = await readWorkbookBuffer(bytes);
      } catch (e) {
        throw new Error(`${label} threw: ${String(e)}`);
      }
      const ms = performance.now() - t0;
      const heap = process.memoryUsage().heapUsed - heap0;
      const peak = process.resourceUsage().maxRSS * 1024 - startRss;
      if (ms > worst.ms) Object.assign(worst, { ms, msCase: label });
      if (peak > worst.rss) Object.assign(worst, { rss: peak, rssCase: label });
      worst.heap = Math.max(worst.heap, heap);
      expect(ms, label).toBeLessThan(5000);
      expect(peak, label).toBeLessThan(GB);

      if (r.ok) {
        outcomes.imported++;
        const parsed = documentSchema.safeParse(r.doc);
        expect(parsed.success, label).toBe(true);
        if (parsed.success) tablesJson(BudgetSession.open(parsed.data));
        if (!c.hidesCells && c.errorWarnings.length > 0) {
          outcomes.errorCasesChecked++;
          for (const w of c.errorWarnings) expect(r.warnings, label).toContain(w);
        }
        expect(r.warnings.length, label).toBeLessThanOrEqual(201);
      } else {
        outcomes.refused++;
        expect(r.error, label).toMatch(/[\u4e00-\u9fff]/);
        expect(r.error.length, label).toBeLessThan(300);
      }
    }
    console.log(
      `workbook zip fuzz, ${ROUNDS} rounds: ${outcomes.imported} imported, ${outcomes.refused} refused, ${outcomes.errorCasesChecked} checked for error-cell warnings; ` +
        `slowest ${worst.ms.toFixed(0)} ms (${worst.msCase}); peak RSS growth ${(worst.rss / 1024 / 1024).toFixed(0)} MB (${worst.rssCase}); ` +
        `largest heap growth in one round ${(worst.heap / 1024 / 1024).toFixed(0)} MB`,
    );
    expect(outcomes.imported).toBeGreaterThan(ROUNDS / 4);
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.errorCasesChecked).toBeGreaterThan(0);
  }, 600_000);
});
