import { beforeAll, describe, expect, it } from 'vitest';
import { gridFromWorkbook } from '../../../electron/xlsx/grid-from-exceljs';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { BudgetSession } from '../../../shared/engine/session';
import { importWorkbookGrid, type SheetGrid, type WorkbookGrid } from '../../../shared/importers/workbook';
import { documentSchema } from '../../../shared/model';
import { tablesJson } from '../../../shared/views/tables-json';
import { loadXlsx, packetDoc } from './helpers';

/** Deterministic pseudo-random numbers, so a failing case can be replayed by its number. */
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

/** An import either gives a valid document that opens, or a Chinese reason. */
function expectSane(r: { ok: true; doc: unknown } | { ok: false; error: string }) {
  if (r.ok) {
    const parsed = documentSchema.safeParse(r.doc);
    expect(parsed.success).toBe(true);
    if (parsed.success) tablesJson(BudgetSession.open(parsed.data));
  } else expect(r.error).toMatch(/[\u4e00-\u9fff]/);
}

const GARBAGE = ['', '※', '总计', '合计', '201', '2010302', '=1+1', '1,2,3', '-', '—', 'abc', '表3', '编制部门：', '单位：元', '１２３．４５', '99999999999999999999', '0.001', ' ', '类', '部门收入总体情况表'];

function mutateGrid(base: WorkbookGrid, seed: number): WorkbookGrid {
  const g = rng(seed);
  const sheets: SheetGrid[] = structuredClone(base.sheets);
  const n = 1 + g.int(8);
  for (let k = 0; k < n; k++) {
    const s = sheets[g.int(sheets.length)];
    if (!s || s.rows.length === 0) continue;
    const r = g.int(s.rows.length);
    const row = s.rows[r]!;
    switch (g.int(9)) {
      case 0:
        s.rows.splice(r, 1);
        break;
      case 1:
        s.rows.splice(r, 0, [...row]);
        break;
      case 2:
        s.rows.splice(g.int(s.rows.length), 0, s.rows.splice(r, 1)[0]!);
        break;
      case 3:
        row[g.int(row.length + 3)] = GARBAGE[g.int(GARBAGE.length)]!;
        break;
      case 4:
        row[g.int(row.length + 1)] = g.next() < 0.5 ? g.next() * 1e6 - 5e5 : Number.NaN;
        break;
      case 5:
        s.merges.push({ top: r, left: g.int(5), bottom: r + g.int(4), right: g.int(20) });
        break;
      case 6:
        s.merges = [];
        break;
      case 7:
        sheets.splice(g.int(sheets.length), 1);
        break;
      default:
        s.rows.splice(r, g.int(30));
    }
  }
  return { sheets, title: g.next() < 0.3 ? undefined : base.title };
}

function mutateBytes(base: Uint8Array, seed: number): Uint8Array {
  const g = rng(seed);
  let b = Uint8Array.from(base);
  switch (g.int(4)) {
    case 0:
      for (let i = 0, n = 1 + g.int(20); i < n; i++) b[g.int(b.length)] = g.int(256);
      break;
    case 1:
      b = b.subarray(0, g.int(b.length));
      break;
    case 2: {
      const at = g.int(b.length);
      const len = g.int(2000);
      b.set(b.subarray(g.int(b.length - len > 0 ? b.length - len : 1), len), at < b.length - len ? at : 0);
      break;
    }
    default: {
      const at = g.int(b.length);
      const junk = Uint8Array.from({ length: g.int(500) }, () => g.int(256));
      b = Uint8Array.from([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
    }
  }
  return b;
}

describe('fuzz: 500 mutated workbooks never crash the importer', () => {
  let bytes: Uint8Array;
  let grid: WorkbookGrid;
  beforeAll(async () => {
    bytes = await workbookBuffer(packetDoc('004_b7e4b340c6b3bf95'));
    grid = gridFromWorkbook(await loadXlsx(bytes));
  });

  it('300 workbooks with rows dropped, duplicated, moved, cells garbled, merges broken, sheets lost', () => {
    let imported = 0;
    let slowest = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const t0 = performance.now();
      const r = importWorkbookGrid(mutateGrid(grid, seed), { fallbackYear: 2025 });
      slowest = Math.max(slowest, performance.now() - t0);
      expectSane(r);
      if (r.ok) imported++;
    }
    expect(imported).toBeGreaterThan(200);
    expect(slowest).toBeLessThan(1000);
  });

  it('200 .xlsx files with bytes flipped, truncated, overwritten or inserted', async () => {
    let slowest = 0;
    const outcomes = { ok: 0, refused: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const t0 = performance.now();
      const r = await readWorkbookBuffer(mutateBytes(bytes, seed * 7919));
      slowest = Math.max(slowest, performance.now() - t0);
      expectSane(r);
      outcomes[r.ok ? 'ok' : 'refused']++;
    }
    expect(outcomes.refused).toBeGreaterThan(50);
    expect(slowest).toBeLessThan(2000);
  }, 60_000);
});
