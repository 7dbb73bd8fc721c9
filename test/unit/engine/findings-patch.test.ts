import { describe, expect, it } from 'vitest';
import { builtinFormat, DEFAULT_FORMAT_ID } from '../../../shared/formats/registry';
import { BudgetSession } from '../../../shared/engine/session';
import type { BudgetDocument } from '../../../shared/model';
import type { FormatTemplate } from '../../../shared/templates/types';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { smallDocument } from './helpers';

/**
 * After an edit the session patches its last list of findings instead of wording and sorting them
 * all again. A check both of whose sides an edit moves by as much keeps its difference (its node
 * is not among the changed) but quotes other amounts: its finding must be worded again too.
 */
describe('findings patched after an edit', () => {
  it('a check whose two sides move together quotes the new amounts', () => {
    const base = builtinFormat(DEFAULT_FORMAT_ID)!;
    // 表2 总计 against itself plus 表3 总计: broken while 表3 has money, by 表3's total, whatever 表2 holds.
    const format: FormatTemplate = {
      ...base,
      id: 'test-both-sides',
      checks: [...base.checks, { rule: 'format.identity', title: '表2合计含表3', kind: 'cells', at: { table: 2, row: 'total', col: '1' }, expected: [{ table: 2, row: 'total', col: '1' }, { table: 3, row: 'total', col: '1' }] }],
    };
    const doc: BudgetDocument = { ...smallDocument(), template: format.id, customFormat: format as BudgetDocument['customFormat'] };
    const s = BudgetSession.open(doc);
    const mine = () => s.findings().find((f) => f.rule === 'format.identity');
    const before = mine();
    expect(before).toBeDefined();
    const leaf = s.layout(2).rows.find((r) => r.level === 'leaf' && s.role(2, r.key, '3') === 'entered')!;
    const edit = s.setCell(2, leaf.key, '3', '1234.56');
    expect(edit.ok && !edit.structural).toBe(true);
    // Patched, not sorted afresh…
    expect(s.findingsChange(s.findings())).not.toBeNull();
    // …and the amounts it quotes are those of a session opened afresh on the edited document.
    expect(mine()!.actual).not.toBe(before!.actual);
    expect(s.findings()).toEqual(BudgetSession.open(s.document).findings());
  });
});

describe('an edit says which cells it changed as printed', () => {
  it('in a department entered in 元 (tied out to 0.01 万元), every cell whose printed amount moved is among the changed', () => {
    const s = BudgetSession.open(syntheticDocument(300, { unit: '元' }));
    const shownAll = () => {
      const m = new Map<string, number>();
      for (const l of s.layouts) {
        for (const r of l.rows) {
          const cols = l.template.kind === 'hier' ? l.template.columns.map((c) => c.no) : Object.keys(l.template.rows.find((x) => x.key === r.key)?.cells ?? {});
          for (const c of cols) m.set(`${l.no}|${r.key}|${c}`, s.display(l.no, r.key, c));
        }
      }
      return m;
    };
    const leaves = s.layout(2).rows.filter((r) => r.level === 'leaf' && s.role(2, r.key, '3') === 'entered' && s.value(2, r.key, '3') !== 0);
    let moved = 0;
    for (let i = 0; i < 30; i++) {
      const row = leaves[(i * 37) % leaves.length]!.key;
      const before = shownAll();
      const r = s.setCell(2, row, '3', `${1000 + i * 7}.${String((i * 13) % 100).padStart(2, '0')}`);
      expect(r.ok && !r.structural && !r.redraw).toBe(true);
      if (!r.ok) continue;
      const changed = new Set(r.changed);
      const after = shownAll();
      const missed = [...after].filter(([id, v]) => before.get(id) !== v && !changed.has(id)).map(([id]) => id);
      expect({ step: i, missed }).toEqual({ step: i, missed: [] });
      // Cells whose printed amount moved while their exact amount did not (the tie-out shared the change out).
      moved += [...after].filter(([id, v]) => before.get(id) !== v).length;
    }
    expect(moved).toBeGreaterThan(30);
  });
});
