import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { loadXlsx, sheetOf } from './helpers';

describe('export speed', () => {
  it('a 10,000-line department exports in under 4 s of CPU (document → .xlsx bytes)', async () => {
    const doc = syntheticDocument(10_000);
    await workbookBuffer(syntheticDocument(50)); // load exceljs and warm up once
    const wall: number[] = [];
    const cpu: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      bytes = await workbookBuffer(doc);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      wall.push(performance.now() - t0);
    }
    const ms = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(' / ');
    console.log(`10,000-line export: wall ${ms(wall)} ms, CPU ${ms(cpu)} ms (load ${loadavg()[0]!.toFixed(1)}), ${bytes.length} bytes`);
    // CPU time (all threads of this process) is what the export costs; wall time also counts
    // whatever else the machine runs, such as the other test files in parallel.
    // A guard against the superlinear writer (1.4–4.2 s wall, growing with size), with room for a
    // loaded 2-core machine; the 1 s target itself is measured by `npm run bench` (export_ms).
    // Its 检查结果 sheet is the app's one list of findings, so the export also writes the explanation
    // text to check it (~0.7 s here) and lists its ~26,000 reminders: 4 s, not the 3 s of the tables alone.
    expect(Math.min(...cpu)).toBeLessThan(4000);
    // It is the whole department: every project line is on table 7's sheet.
    const wb = await loadXlsx(bytes);
    const t7 = sheetOf(wb, 7);
    const projects = doc.projectRows.length;
    let leaves = 0;
    t7.eachRow((row) => {
      if (typeof row.getCell(5).value === 'string' && String(row.getCell(5).value).startsWith('合成项目')) leaves++;
    });
    expect(leaves).toBe(projects);
  }, 120_000);
});
