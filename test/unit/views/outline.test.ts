import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { foldableAncestors, foldedFor, hasOutline, unfoldedRows } from '../../../shared/views/outline';
import { tableView } from '../../../shared/views/table-view';
import { importedDocument } from '../narrative/published-fixtures';

const s = BudgetSession.open(importedDocument('003'));
const t2 = tableView(s, 2).rows;
const t6 = tableView(s, 6).rows;
const keys = (rows: readonly { key?: string }[]) => rows.map((r) => r.key);

describe('folding 类/款 levels', () => {
  it('只显示类: the total and one row per 类 of 表2, each 类 total unchanged', () => {
    const shown = unfoldedRows(t2, foldedFor(t2, 'class'));
    const classes = t2.filter((r) => r.level === 'class');
    expect(keys(shown)).toEqual(['total', ...keys(classes)]);
    // The 类 rows still carry their totals, and they add up to the 总计 (第1栏, in 分).
    const total = t2.find((r) => r.key === 'total')!.cells['1']!.computed;
    expect(shown.slice(1).reduce((a, r) => a + r.cells['1']!.computed, 0)).toBe(total);
    expect(total).toBeGreaterThan(0);
  });

  it('显示到款: 类 and 款 rows, no 项; 展开全部 shows every row', () => {
    const shown = unfoldedRows(t2, foldedFor(t2, 'kuan'));
    expect(shown.every((r) => r.level !== 'leaf')).toBe(true);
    expect(shown.filter((r) => r.level === 'kuan').length).toBe(t2.filter((r) => r.level === 'kuan').length);
    expect(shown.length).toBeLessThan(t2.length);
    expect(unfoldedRows(t2, foldedFor(t2, 'all'))).toEqual(t2);
  });

  it('one folded 款 hides only its own 项; a folded 类 hides its 款 and 项 down to the next 类', () => {
    const kuan = t2.find((r) => r.level === 'kuan')!;
    const own = t2.filter((r) => r.level === 'leaf' && r.code?.startsWith(kuan.code!));
    expect(own.length).toBeGreaterThan(0);
    const shown = unfoldedRows(t2, new Set([kuan.key]));
    expect(shown.length).toBe(t2.length - own.length);
    expect(shown.some((r) => own.includes(r))).toBe(false);

    const cls = t2.find((r) => r.level === 'class')!;
    const under = t2.filter((r) => r.key !== cls.key && r.code?.startsWith(cls.code!));
    const shownC = unfoldedRows(t2, new Set([cls.key]));
    expect(shownC.length).toBe(t2.length - under.length);
    // The next 类 is shown again, with its children.
    const next = t2.filter((r) => r.level === 'class')[1]!;
    expect(shownC.indexOf(next)).toBeGreaterThan(shownC.indexOf(cls));
  });

  it('表6 (经济分类): 只显示类 keeps the 类 rows, whose 款 are its leaves', () => {
    const shown = unfoldedRows(t6, foldedFor(t6, 'class'));
    expect(shown.map((r) => r.level)).toEqual(['total', ...t6.filter((r) => r.level === 'class').map(() => 'class')]);
    expect(shown.find((r) => r.key === '301')?.name).toBe('工资福利支出');
  });

  it('the 类 and 款 above a 项, so a go-to can unfold them', () => {
    const leaf = t2.find((r) => r.level === 'leaf')!;
    expect(foldableAncestors(t2, leaf.key)).toEqual([leaf.code!.slice(0, 3), leaf.code!.slice(0, 5)]);
    expect(foldableAncestors(t2, 'total')).toEqual([]);
    expect(hasOutline(t2)).toBe(true);
    expect(hasOutline(tableView(s, 1).rows)).toBe(false);
  });
});
