import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addProject, deleteProject } from '../../../renderer/state/row-ops';
import { DocStore } from '../../../renderer/state/store';
import { BudgetSession } from '../../../shared/engine/session';
import { type BudgetDocument, loadDocument } from '../../../shared/model';
import { allFindings, countFindings, tablePart } from '../../../shared/rules/all-findings';
import { cellMarks } from '../../../shared/views/cell-marks';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { syntheticDocument } from '../../../shared/samples/synthetic';

afterEach(() => vi.useRealTimers());

describe('the store reads the one findings list', () => {
  it('a department of typical size: every edit gives the counts of allFindings at once', () => {
    const store = new DocStore(sampleDocument());
    expect(store.counts()).toEqual({ errors: 0, warnings: 0 });
    expect(store.setCells([{ table: 2, row: '2010350', col: '3', text: '120' }], '修改').ok).toBe(true);
    expect(store.findingsPending()).toBe(false);
    expect(store.findings()).toEqual(allFindings(store.session));
    // 表3/表5 against 表2 on this 项 (one cause); 表1 and 表4 no longer balance (different totals, two findings).
    expect(store.findings().filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['t1.balance', 't3.t2', 't4.balance']);
    expect(store.counts()).toEqual({ errors: 3, warnings: 0 });
    expect(store.marks().get('2|2010350|3')?.severity).toBe('error');
  });

  it('a large department: the text part is written once the edits settle (here, without a worker, on this thread)', () => {
    vi.useFakeTimers();
    const store = new DocStore(syntheticDocument(2000));
    expect(store.findingsPending()).toBe(true);
    store.findings();
    vi.advanceTimersByTime(1000);
    expect(store.findingsPending()).toBe(false);
    const settled = countFindings(allFindings(store.session));
    expect(store.counts()).toEqual(settled);
    expect(settled.warnings).toBeGreaterThan(0);
    const leaf = store.document.functionRows[0]!.code;
    expect(store.setCells([{ table: 2, row: leaf, col: '3', text: '1' }], '修改').ok).toBe(true);
    // The tables' part is current at once; the text follows.
    expect(store.findingsPending()).toBe(true);
    expect(store.counts().errors).toBe(countFindings(allFindings(store.session)).errors);
    vi.advanceTimersByTime(1000);
    expect(store.findingsPending()).toBe(false);
    expect(store.findings()).toEqual(allFindings(store.session));
  });

  it('findings kept from one edit to the next (worded and grouped once while their amounts stay) are those a fresh session gives', () => {
    const packet = loadDocument(readFileSync(new URL('../../fixtures/003.budget.json', import.meta.url), 'utf8'));
    if (!packet.ok) throw new Error(packet.error);
    // A draft half done: 表3 not yet entered for every other 项, so hundreds of 项 disagree with 表2.
    const draft: BudgetDocument = syntheticDocument(400);
    draft.functionRows.forEach((r, i) => {
      if (i % 2 === 0) for (const k of Object.keys(r.values)) if (k.startsWith('3.')) delete r.values[k];
    });
    // Entered in 元: hundreds of cells adjusted by the tie-out, each a 提示 worded once while it stands.
    const yuan = syntheticDocument(300, { unit: '元' });
    for (const [name, doc] of [['003', packet.doc], ['draft', draft], ['元', yuan]] as const) {
      const store = new DocStore(doc);
      const fresh = () => allFindings(BudgetSession.open(store.document));
      // The grid's marks as the store follows them, against marks made afresh on a session opened anew.
      const freshMarks = () => {
        const s = BudgetSession.open(store.document);
        return cellMarks(s, tablePart(s));
      };
      expect(store.marks()).toEqual(freshMarks());
      let followed = 0;
      expect(store.findings()).toEqual(fresh());
      const cells = store.session.layouts
        .filter((l) => l.no === 2 || l.no === 3)
        .flatMap((l) => l.rows.filter((r) => r.level === 'leaf').flatMap((r) => l.template.columns.filter((c) => c.role === 'entered').map((c) => ({ table: l.no, row: r.key, col: c.no }))));
      let grouped = 0;
      // Edits whose findings the session patched into its last list (not sorted afresh).
      let patched = 0;
      const edits = (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const at = cells[(i * 7919) % cells.length]!;
          const text = i % 3 === 0 ? '' : `${(i * 37) % 500}.${String(i % 100).padStart(2, '0')}`;
          const cursor = store.marksCursor();
          expect(store.setCells([{ ...at, text }], '修改').ok).toBe(true);
          const got = store.findings();
          expect({ name, step: i, got }).toEqual({ name, step: i, got: fresh() });
          if (store.session.findingsChange(store.session.findings())) patched++;
          expect({ name, step: i, marks: store.marks() }).toEqual({ name, step: i, marks: freshMarks() });
          if (store.marksCursor().live === cursor.live && store.marksCursor().version > cursor.version) followed++;
          grouped += got.filter((f) => f.places).length;
        }
      };
      edits(0, 40);
      // A row renamed and a row deleted: the findings that name rows say so, the others stay as they were.
      const named = store.findings().find((f) => store.document.functionRows.some((r) => r.code === f.rowKey));
      if (name === 'draft') expect(named).toBeDefined();
      if (named) {
        expect(
          store.updateDocument('改名', (d) => {
            const row = d.functionRows.find((r) => r.code === named.rowKey)!;
            d.functionRows = d.functionRows.map((r) => (r === row ? { ...r, name: '改过名的项' } : r));
            return { ok: true };
          }).ok,
        ).toBe(true);
        expect(store.findings().some((f) => f.row.includes('改过名的项'))).toBe(true);
        expect({ name, renamed: store.findings() }).toEqual({ name, renamed: fresh() });
      }
      const project = store.document.projectRows[0]!.id;
      expect(store.updateDocument('删除', (d) => deleteProject(d, project)).ok).toBe(true);
      expect({ name, deleted: store.findings() }).toEqual({ name, deleted: fresh() });
      // And edits after the rows changed, and undone.
      edits(40, 52);
      for (let i = 0; i < 6; i++) {
        store.undo();
        expect({ name, undo: i, got: store.findings() }).toEqual({ name, undo: i, got: fresh() });
      }
      expect({ name, undone: store.marks() }).toEqual({ name, undone: freshMarks() });
      if (name !== '003') expect(patched).toBeGreaterThan(25);
      if (name !== '003') expect(followed).toBeGreaterThan(15);
      if (name === 'draft') expect(store.counts().errors).toBeGreaterThan(100);
      if (name === '元') expect(store.counts().warnings).toBeGreaterThan(100);
      // Findings of one cause joined (the grouping is exercised, not only single findings).
      expect(grouped).toBeGreaterThan(0);
    }
  });

  it('rows deleted, added and undone in a department entered in 元: the list is patched, not sorted afresh, and is the one a fresh session gives', () => {
    // Hundreds of cells adjusted by the tie-out: sorting them afresh after each row change was most of its cost.
    const store = new DocStore(syntheticDocument(300, { unit: '元' }));
    const fresh = () => allFindings(BudgetSession.open(store.document));
    expect(store.findings()).toEqual(fresh());
    expect(store.counts().warnings).toBeGreaterThan(100);
    let patched = 0;
    const check = (step: string) => {
      const got = store.findings();
      expect({ step, got }).toEqual({ step, got: fresh() });
      if (store.session.findingsChange(store.session.findings())) patched++;
    };
    for (let i = 0; i < 8; i++) {
      const doc = store.document;
      const victim = doc.projectRows[(i * 37) % doc.projectRows.length]!;
      expect(store.updateDocument('删除', (d) => deleteProject(d, victim.id)).ok).toBe(true);
      check(`delete ${victim.id}`);
      const code = doc.functionRows[(i * 11) % doc.functionRows.length]!.code;
      expect(store.updateDocument('新增', (d) => addProject(d, { code, project: `新项目${i}` })).ok).toBe(true);
      check(`add under ${code}`);
      const added = store.session.layout(7).rows.find((r) => r.project === `新项目${i}`)!.key;
      const col = store.session.layout(7).template.columns.find((c) => store.session.role(7, added, c.no) === 'entered')!.no;
      expect(store.setCells([{ table: 7, row: added, col, text: `${1234 + i}.56` }], '录入').ok).toBe(true);
      check(`amount of 新项目${i}`);
      if (i % 2 === 0) {
        store.undo();
        check(`undo ${i}`);
      }
    }
    // Each row change (and its undo) patched the list it had, unless the tie-out or a layout was made afresh.
    expect(patched).toBeGreaterThan(20);
  });

  it('an edit whose finding joins one already there: the list regroups and the cell marks follow, not made afresh', () => {
    // A draft half done: 表3 left empty for every other 项. Some 项 of this department, edited,
    // break 表4's balance by as much as 表1's, already broken: the two join (one cause). The grouping
    // follows that (regroup.ts withJoined; grouped afresh, it says what it lost and gained), and the
    // marks (0.7 s to make afresh at 100,000 items) follow the grouping.
    const draft: BudgetDocument = syntheticDocument(4000);
    draft.functionRows.forEach((r, i) => {
      if (i % 2 === 0) for (const k of Object.keys(r.values)) if (k.startsWith('3.')) delete r.values[k];
    });
    const store = new DocStore(draft);
    const freshMarks = () => {
      const s = BudgetSession.open(store.document);
      return cellMarks(s, tablePart(s));
    };
    const live = store.marksCursor().live;
    const leaves = store.session.layout(2).rows.filter((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0);
    let joins = 0;
    for (let i = 0; i < 60; i++) {
      const key = leaves[(i * 7919) % leaves.length]!.key;
      const original = store.storedText(2, key, '3');
      for (const text of [`${1000 + i}.25`, original]) {
        const alone = new Set(store.findings().filter((f) => !f.places).map((f) => f.id));
        expect(store.setCells([{ table: 2, row: key, col: '3', text }], '修改').ok).toBe(true);
        const joined = store.findings().some((f) => f.places?.some((p) => alone.has(`${p.rule}|${p.table}|${p.rowKey}|${p.column}`)));
        expect(store.marksCursor().live).toBe(live);
        if (joined) {
          joins++;
          expect({ i, text, marks: store.marks() }).toEqual({ i, text, marks: freshMarks() });
        }
      }
    }
    expect(joins).toBeGreaterThan(0);
    expect(store.marks()).toEqual(freshMarks());
  });

  it('an amount moved between two columns of a row, its total unchanged: the finding stays, the cells it marks follow the amounts', () => {
    // A draft with 表3 left empty for every other 项: 表2's 项 and the 表3 row disagree, and the
    // finding marks the entered cells of 表2 behind it that hold an amount.
    const draft: BudgetDocument = syntheticDocument(60);
    draft.functionRows.forEach((r, i) => {
      if (i % 2 === 0) for (const k of Object.keys(r.values)) if (k.startsWith('3.')) delete r.values[k];
    });
    const store = new DocStore(draft);
    // 表2's 一般公共预算 (3) and its transfers (4) add up to the same totals (第1栏, and 表5's): an amount
    // moved from one to the other leaves every finding of its row as it was.
    const row = store.session
      .layout(2)
      .rows.find((r) => r.level === 'leaf' && store.session.value(2, r.key, '3') !== 0 && store.marks().has(`2|${r.key}|3`))?.key;
    expect(row).toBeDefined();
    const marking = store.marks().get(`2|${row}|3`)!.findings;
    const total = (store.session.value(2, row!, '3') + store.session.value(2, row!, '4')) / 1e6;
    // The transfer first: the row never goes without an amount of 表5's (it would leave 表5 and come back).
    expect(store.setCells([{ table: 2, row: row!, col: '4', text: String(total) }, { table: 2, row: row!, col: '3', text: '0' }], '移动').ok).toBe(true);
    // A finding that marked the cell is still there, the same object (not worded again)…
    const after = new Set(store.findings());
    expect(marking.some((f) => after.has(f))).toBe(true);
    // …but the emptied cell is no longer marked, and the marks are those made afresh.
    expect(store.marks().has(`2|${row}|3`)).toBe(false);
    const s = BudgetSession.open(store.document);
    expect(store.marks()).toEqual(cellMarks(s, tablePart(s)));
  });
});
