import { describe, expect, it } from 'vitest';
import { readWorkbookBuffer } from '../../../electron/xlsx/read-workbook';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { BudgetSession } from '../../../shared/engine/session';
import type { BudgetDocument } from '../../../shared/model';
import { amountToFen } from '../../../shared/money';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { tablesJson } from '../../../shared/views/tables-json';
import { allTableViews } from '../../../shared/views/table-view';
import { expectedTables, PACKETS, packetDoc } from './helpers';

/** Every cell as shown, with whether it differs from the recomputed value (keys aside: ids are new). */
function shown(doc: BudgetDocument) {
  return allTableViews(BudgetSession.open(doc)).map((v) =>
    v.rows.map((r) => ({ level: r.level, code: r.code, name: r.name, project: r.project, cells: r.cells })),
  );
}

async function roundTrip(doc: BudgetDocument) {
  const r = await readWorkbookBuffer(await workbookBuffer(doc));
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('export → import gives the same document', () => {
  it.each(PACKETS)('packet %s: tables, printed values, department, year, findings', async (id) => {
    const doc = packetDoc(id);
    const back = await roundTrip(doc);
    expect(back.warnings).toEqual([]);
    expect(back.doc.department).toBe(doc.department);
    expect(back.doc.year).toBe(doc.year);
    expect(back.doc.unit).toBe('万元');
    const s = BudgetSession.open(back.doc);
    expect(tablesJson(s)).toEqual(tablesJson(BudgetSession.open(doc)));
    // The printed packet itself, as checked by hand: every number of the 11 tables.
    expect(tablesJson(s)).toEqual(expectedTables(id));
    expect(shown(back.doc)).toEqual(shown(doc));
    expect(s.findings().map((f) => f.id)).toEqual(BudgetSession.open(doc).findings().map((f) => f.id));
    expect(back.summary).toMatch(/识别出 11 张表/);
  });

  it('a synthetic department with sub-units and carried-over projects', async () => {
    const doc = syntheticDocument(400);
    doc.carryoverRows.push({ id: 'k1', project: '上年结转项目甲', values: { '11.5': '12.5', '11.9': '3' } });
    doc.carryoverRows.push({ id: 'k2', project: '上年结转项目乙', unit: '信息中心', values: { '11.3': '1.25' } });
    doc.fixed['1'] = { 'in.carry.fiscal.gb': { '1': '13.75' }, 'in.carry.nonfiscal.unit': { '1': '3' } };
    const back = await roundTrip(doc);
    expect(back.warnings).toEqual([]);
    expect(tablesJson(BudgetSession.open(back.doc))).toEqual(tablesJson(BudgetSession.open(doc)));
    expect(shown(back.doc)).toEqual(shown(doc));
    const fen = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, amountToFen(x)]));
    const projects = (d: BudgetDocument) =>
      d.projectRows
        .map((p) => ({ code: p.code, project: p.project, unit: p.unit, values: fen(p.values) }))
        .sort((a, b) => a.project.localeCompare(b.project));
    expect(projects(back.doc)).toEqual(projects(doc));
    expect(back.doc.carryoverRows.map((c) => [c.project, c.unit ?? '', c.values])).toEqual([
      ['上年结转项目甲', '', { '11.5': '12.50', '11.9': '3.00' }],
      ['上年结转项目乙', '信息中心', { '11.3': '1.25' }],
    ]);
    expect(back.doc.fixed['1']).toEqual({ 'in.carry.fiscal.gb': { '1': '13.75' }, 'in.carry.nonfiscal.unit': { '1': '3.00' } });
    expect(Object.keys(back.doc.printed)).toEqual([]);
  });
});
