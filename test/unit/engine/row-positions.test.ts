import { describe, expect, it } from 'vitest';
import type { LayoutRow, TableLayout } from '../../../shared/engine/layout';
import { RowPositions } from '../../../shared/engine/row-positions';
import { seededRandom } from '../seeded-random';

const row = (key: string): LayoutRow => ({ key, level: 'leaf', name: key, depth: 1 });

function table(no: number, keys: string[]): TableLayout {
  const rows = keys.map(row);
  return { no, template: {} as TableLayout['template'], rows, byKey: new Map(rows.map((r) => [r.key, r])) };
}

describe('row positions follow rows put in and taken out without a new map', () => {
  it('after random splices every row is where a scan of the table finds it, and a row gone has none', () => {
    const random = seededRandom(14);
    const layouts = [table(2, Array.from({ length: 300 }, (_, i) => `r${i}`)), table(7, ['a', 'b'])];
    const positions = new RowPositions(() => layouts);
    const l = layouts[0]!;
    let next = 300;
    const gone: string[] = [];
    for (let step = 0; step < 400; step++) {
      // Ask for enough rows that the table's map is made, then check every row against the table.
      for (let k = 0; k < 10; k++) positions.position(2, l.rows[Math.floor(random() * l.rows.length)]!.key);
      if (step % 25 === 0) {
        for (let i = 0; i < l.rows.length; i++) expect(positions.position(2, l.rows[i]!.key)).toBe(i);
        for (const key of gone.slice(-20)) if (!l.byKey.has(key)) expect(positions.position(2, key)).toBeUndefined();
      }
      // Put a row in or take one out (sometimes one taken out before comes back), as layout-edit.ts does.
      if (random() < 0.5 && l.rows.length > 1) {
        const at = 1 + Math.floor(random() * (l.rows.length - 1));
        const [r] = l.rows.splice(at, 1);
        l.byKey.delete(r!.key);
        gone.push(r!.key);
        positions.spliced(2, at, -1, r!);
      } else {
        const back = gone.length > 0 && random() < 0.3 ? gone.pop()! : `n${next++}`;
        const r = row(back);
        const at = Math.floor(random() * (l.rows.length + 1));
        l.rows.splice(at, 0, r);
        l.byKey.set(r.key, r);
        positions.spliced(2, at, 1, r);
      }
      const key = l.rows[Math.floor(random() * l.rows.length)]!.key;
      expect(positions.position(2, key)).toBe(l.rows.indexOf(l.byKey.get(key)!));
    }
    expect(positions.position(7, 'b')).toBe(1);
    expect(positions.position(9, 'a')).toBeUndefined();
  });
});
