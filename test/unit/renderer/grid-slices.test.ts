import { describe, expect, it } from 'vitest';
import { buildGridModel, buildGridModelInSlices, type GridModel } from '../../../renderer/grid/model';
import { DocStore } from '../../../renderer/state/store';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { tableView } from '../../../shared/views/table-view';

/**
 * A large table's rows after its first paint (TableGrid) are built a slice per task: at 100,000
 * items 表7 built whole held the window ~0.5 s. What it builds must be the model built at once.
 */
function expectSameModel(sliced: GridModel, whole: GridModel, what: string): void {
  const { rows, columns, amountCols, allCols, sided, table, title } = whole;
  expect({ rows: sliced.rows, columns: sliced.columns, amountCols: sliced.amountCols, allCols: sliced.allCols, sided: sliced.sided, table: sliced.table, title: sliced.title }, what).toEqual({
    rows,
    columns,
    amountCols,
    allCols,
    sided,
    table,
    title,
  });
  for (const r of whole.rows) {
    if (!r.key) continue;
    expect(sliced.rowIdOf(r.key), what).toBe(whole.rowIdOf(r.key));
    expect(sliced.locate(r.key, '1'), what).toEqual(whole.locate(r.key, '1'));
  }
}

describe('a table’s grid model built in slices', () => {
  it('every table of a 10,000-item department and of the sample: the same model as built at once, one pause per 4,000 rows', async () => {
    for (const doc of [syntheticDocument(10_000), sampleDocument()]) {
      const store = new DocStore(doc);
      for (const t of store.session.template.tables) {
        let pauses = 0;
        const sliced = await buildGridModelInSlices(store.session, t.no, store.marks(), () => true, async () => {
          pauses++;
        });
        const whole = buildGridModel(tableView(store.session, t.no), store.marks());
        expect(sliced, `表${t.no}`).not.toBeNull();
        expectSameModel(sliced!, whole, `表${t.no}`);
        const rows = store.session.layout(t.no).rows.length;
        expect(pauses, `表${t.no}`).toBe(whole.sided ? 0 : Math.floor((rows - 1) / 4000));
      }
    }
  });

  it('the store changed before it was done: null (the grid builds it at once)', async () => {
    const store = new DocStore(syntheticDocument(10_000));
    const big = store.session.layouts.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
    expect(big.rows.length).toBeGreaterThan(4000);
    let asked = 0;
    const r = await buildGridModelInSlices(store.session, big.no, store.marks(), () => ++asked > 1, async () => {});
    expect(r).toBeNull();
    expect(asked).toBe(1);
  });
});
