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

  it('whole where there is nothing to diff against; a diff not of the list held is refused (the window then sends the document)', () => {
    expect(diffFindings(null, after)).toEqual(after);
    // A list mostly changed goes whole.
    const shuffled = after.map((f) => (f.places ? { ...f, places: [...f.places].reverse() } : f));
    expect(diffFindings(after, shuffled)).toEqual(shuffled);
    const wire = diffFindings(before, after);
    expect(patchFindings(null, wire)).toBeNull();
    expect(patchFindings(before.map((f) => (f.id === grouped.id ? { ...f, places: f.places!.slice(0, 10) } : f)), wire)).toBeNull();
  });
});
