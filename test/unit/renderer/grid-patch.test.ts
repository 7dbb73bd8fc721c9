import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGridModel, type GridModel, type Mark, patchModel } from '../../../renderer/grid/model';
import { addFunctionItem, codeChoices, deleteProject } from '../../../renderer/state/row-ops';
import { type Change, DocStore } from '../../../renderer/state/store';
import { loadDocument } from '../../../shared/model';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { tableView } from '../../../shared/views/table-view';

/**
 * A grid kept across a change of rows (TableGrid on `Change.rows`): the rows the change touched are
 * built again, the others kept. Every table's patched model must equal one built afresh.
 */
interface Kept {
  model: GridModel;
  marks: ReadonlyMap<string, Mark>;
}

const keepAll = (store: DocStore) =>
  new Map<number, Kept>(store.session.template.tables.map((t) => [t.no, { model: buildGridModel(tableView(store.session, t.no), store.marks()), marks: store.tableMarks(t.no) }]));

/** Runs `act`, returns the change the store told views of. */
function changeOf(store: DocStore, act: () => void): Change {
  let seen: Change | undefined;
  const off = store.onChange((c) => {
    seen ??= c;
  });
  act();
  off();
  if (!seen) throw new Error('no change told');
  return seen;
}

/** Each single-sided table patched from `before` equals its fresh build; returns how many rows each kept. */
function expectPatchedAsFresh(store: DocStore, before: Map<number, Kept>, change: Change): Map<number, number> {
  if (change.type !== 'structure' || !change.rows) throw new Error(`expected the rows touched, got ${JSON.stringify(change)}`);
  const kept = new Map<number, number>();
  for (const [no, was] of before) {
    const patched = patchModel(was.model, store.session, change.rows.get(no) ?? new Set(), store.tableMarks(no), was.marks);
    if (was.model.sided) {
      expect(patched).toBeNull();
      continue;
    }
    const fresh = buildGridModel(tableView(store.session, no), store.marks());
    expect(patched, `表${no}`).not.toBeNull();
    expect(patched!.rows, `表${no}`).toEqual(fresh.rows);
    for (const r of fresh.rows) expect(patched!.rowIdOf(r.key!)).toBe(r.id);
    const old = new Set(was.model.rows);
    kept.set(no, patched!.rows.filter((r) => old.has(r)).length);
  }
  return kept;
}

describe('a grid kept across a change of rows', () => {
  it('a project deleted and the deletion undone: the touched rows built again, the rest kept', () => {
    const doc = syntheticDocument(3000);
    const store = new DocStore(doc);
    const gone = doc.projectRows[17]!;
    let before = keepAll(store);
    const del = changeOf(store, () => expect(store.updateDocument('删除', (d) => deleteProject(d, gone.id)).ok).toBe(true));
    const t7 = before.get(7)!.model.rows.length;
    const kept = expectPatchedAsFresh(store, before, del);
    // 表7 keeps all but the deleted project and the sums above it.
    expect(kept.get(7)).toBeGreaterThan(t7 - 20);
    if (del.type === 'structure') {
      expect(del.rows?.get(7)?.has(`p:${gone.id}`)).toBe(true);
      expect(del.rows?.get(7)?.has('total')).toBe(true);
    }
    before = keepAll(store);
    const undo = changeOf(store, () => store.undo());
    const again = expectPatchedAsFresh(store, before, undo);
    expect(again.get(7)).toBeGreaterThan(t7 - 20);
    expect(store.session.layout(7).rows.some((r) => r.key === `p:${gone.id}`)).toBe(true);
    // A table the change did not reach is the very model it was.
    const t10 = before.get(10);
    if (t10 && !t10.model.sided && undo.type === 'structure' && !undo.rows?.has(10)) {
      expect(patchModel(t10.model, store.session, new Set(), store.tableMarks(10), t10.marks)).toBe(t10.model);
    }
  });

  it('an amount typed into a new 项 brings its row into other tables; clearing it takes the row out again', () => {
    const doc = sampleDocument();
    const store = new DocStore(doc);
    // A 项 of the code list the department does not have yet.
    const code = codeChoices(doc, 'function').find((c) => c.code.length === 7 && !doc.functionRows.some((r) => r.code === c.code))!.code;
    let before = keepAll(store);
    expectPatchedAsFresh(
      store,
      before,
      changeOf(store, () => expect(store.updateDocument('添加', (d) => addFunctionItem(d, code)).ok).toBe(true)),
    );
    before = keepAll(store);
    const typed = changeOf(store, () => expect(store.setCells([{ table: 2, row: code, col: '3', text: '12.34' }], '输入').ok).toBe(true));
    expectPatchedAsFresh(store, before, typed);
    expect(store.session.layout(3).rows.some((r) => r.key === code)).toBe(true);
    before = keepAll(store);
    expectPatchedAsFresh(store, before, changeOf(store, () => expect(store.setCells([{ table: 2, row: code, col: '3', text: '' }], '清除').ok).toBe(true)));
    expect(store.session.layout(3).rows.some((r) => r.key === code)).toBe(false);
  });

  it('no rows given where the tables were laid out afresh or a tie-out moves amounts as shown', () => {
    // An imported packet (printed figures): rows are laid out afresh.
    const packet = loadDocument(readFileSync('test/fixtures/004.budget.json', 'utf8'));
    if (!packet.ok) throw new Error(packet.error);
    const p = new DocStore(packet.doc);
    const id = p.document.projectRows[0]?.id;
    if (id) {
      const c = changeOf(p, () => expect(p.updateDocument('删除', (d) => deleteProject(d, id)).ok).toBe(true));
      expect(c).toEqual({ type: 'structure' });
    }
    // Entered in 元 (amounts finer than 0.01 万元): the tie-out may move any amount as shown.
    const yuan = new DocStore(syntheticDocument(500, { unit: '元' }));
    const gone = yuan.document.projectRows[3]!.id;
    expect(changeOf(yuan, () => expect(yuan.updateDocument('删除', (d) => deleteProject(d, gone)).ok).toBe(true))).toEqual({ type: 'structure' });
  });
});
