import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { diffFindings, patchFindings } from '../../../renderer/state/findings-wire';
import { BudgetSession } from '../../../shared/engine/session';
import { textPart } from '../../../shared/rules/all-findings';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/**
 * The text worker's answers carry a long list of places as what changed since its previous answer
 * (which the window holds): a project deleted changes a list of thousands by one place.
 */
describe('findings as the text worker posts them', () => {
  const s = BudgetSession.open(syntheticDocument(3000));
  const before = textPart(s);
  const grouped = before.find((f) => (f.places?.length ?? 0) > 1000)!;
  const gone = s.document.projectRows[40]!;
  s.applyChanges([{ op: 'splice', path: ['projectRows'], at: 40, removed: [gone], inserted: [] }], 'forward');
  const after = textPart(s);

  it('a project deleted: its place alone leaves the list; the window makes the same findings from what it holds', () => {
    expect(grouped).toBeDefined();
    const wire = diffFindings(before, after);
    const diffed = wire.find((w) => w.id === grouped.id)!;
    expect('placesDiff' in diffed && diffed.placesDiff.middle.length).toBe(0);
    if ('placesDiff' in diffed) expect(diffed.placesDiff.head + diffed.placesDiff.tail).toBe(grouped.places!.length - 1);
    expect(patchFindings(before, wire)).toEqual(after);
    // What crosses to the window: a hundredth of the whole list.
    expect(v8.serialize(wire).length * 100).toBeLessThan(v8.serialize(after).length);
  });

  it('undone: the place comes back as the run between the kept ones', () => {
    s.applyChanges([{ op: 'splice', path: ['projectRows'], at: 40, removed: [gone], inserted: [] }], 'back');
    const again = textPart(s);
    const wire = diffFindings(after, again);
    const diffed = wire.find((w) => w.id === grouped.id)!;
    expect('placesDiff' in diffed && diffed.placesDiff.middle.length).toBe(1);
    expect(patchFindings(after, wire)).toEqual(again);
    expect(again).toEqual(before);
  });

  it('whole where there is nothing to diff against, a long list by field; a diff not of the list held is refused (the window then sends the document)', () => {
    const whole = diffFindings(null, after);
    expect(patchFindings(null, whole)).toEqual(after);
    // Short lists go as they are; a long one as its fields, each shared value once.
    for (let i = 0; i < after.length; i++) {
      const n = after[i]!.places?.length ?? 0;
      const w = whole[i]!;
      if (n < 64) expect(w).toBe(after[i]);
      else expect('placeColumns' in w && w.placeColumns.length).toBe(n);
    }
    const cols = whole.find((w) => w.id === grouped.id)!;
    const now = after.find((f) => f.id === grouped.id)!;
    expect('placeColumns' in cols && cols.placeColumns.rule).toEqual({ same: now.rule });
    expect('placeColumns' in cols && 'each' in cols.placeColumns.rowKey && cols.placeColumns.rowKey.each).toEqual(now.places!.map((p) => p.rowKey));
    expect(v8.serialize(whole).length * 1.5).toBeLessThan(v8.serialize(after).length);
    // A list mostly changed goes whole.
    const shuffled = after.map((f) => (f.places ? { ...f, places: [...f.places].reverse() } : f));
    expect(patchFindings(after, diffFindings(after, shuffled))).toEqual(shuffled);
    // A place with more than FindingPlace's fields goes as it is (nothing dropped).
    const extra = after.map((f) => (f.id === grouped.id ? { ...f, places: f.places!.map((p, k) => (k === 5 ? { ...p, note: '附注' } : p)) } : f));
    expect(diffFindings(null, extra).find((w) => w.id === grouped.id)).toBe(extra.find((f) => f.id === grouped.id));
    const wire = diffFindings(before, after);
    expect(patchFindings(null, wire)).toBeNull();
    expect(patchFindings(before.map((f) => (f.id === grouped.id ? { ...f, places: f.places!.slice(0, 10) } : f)), wire)).toBeNull();
  });
});
