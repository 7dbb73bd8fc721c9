import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../../electron/xlsx/write-workbook';
import { BudgetSession } from '../../../shared/engine/session';
import { workbookLayout } from '../../../shared/exporters/workbook';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { packetDoc } from './helpers';
import { writeWorkbookMergesFirst } from './merges-first-writer';

/**
 * The merges-first writer also wrote each merged-away cell without a style as an empty `<c r="B2"/>`
 * (and counted it in the row's `spans` hint); such a cell is no cell at all to a reader, so both are
 * left out of the comparison. Everything else must be identical.
 */
const normalize = (xml: string) => xml.replace(/<c r="[A-Z]+\d+"\/>/g, '').replace(/ spans="\d+:\d+"/g, '');

async function entries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, normalize(await zip.files[name]!.async('string')));
  return out;
}

describe('merges declared after the rows', () => {
  it('write exactly the workbook the merges-first writer wrote (every part of the .xlsx), packet 003 and 400 synthetic lines', async () => {
    for (const doc of [packetDoc('003_d8581a66e967af08'), syntheticDocument(400)]) {
      const layout = workbookLayout(BudgetSession.open(doc));
      const now = await entries(await writeWorkbook(layout));
      const before = await entries(await writeWorkbookMergesFirst(layout));
      expect([...now.keys()]).toEqual([...before.keys()]);
      for (const [name, xml] of before) expect(now.get(name), name).toBe(xml);
      // The merges are really there: table 2's title spans its columns.
      const sheet = now.get('xl/worksheets/sheet2.xml')!;
      expect(sheet).toMatch(/<mergeCells count="\d+"><mergeCell ref="A2:[A-Z]+2"\/>/);
    }
  }, 60_000);
});
