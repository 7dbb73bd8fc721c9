import type { FormatTemplate } from '../templates/types';

/**
 * A fixed-table cell computed from other cells (`terms`) may not, through other computed
 * cells, depend on itself: the engine would have no order to evaluate them in. Iterative
 * depth-first search (a format from a file may chain thousands of cells).
 */
export function termCycles(f: FormatTemplate): string[] {
  const deps = new Map<string, string[]>();
  const label = new Map<string, string>();
  for (const t of f.tables) {
    if (t.kind !== 'fixed') continue;
    for (const r of t.rows) {
      for (const [col, cell] of Object.entries(r.cells)) {
        if (!('terms' in cell)) continue;
        const id = `${t.no}|${r.key}|${col}`;
        deps.set(
          id,
          cell.terms.map((x) => `${x.table ?? t.no}|${x.row}|${x.col}`),
        );
        label.set(id, `表${t.no} 行“${r.key}”第${col}栏`);
      }
    }
  }
  const state = new Map<string, 1 | 2>();
  for (const start of deps.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const out = deps.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const to = out[top.next++]!;
      if (!deps.has(to) || state.get(to) === 2) continue;
      if (state.get(to) === 1) return [`${label.get(to)}：计算来源循环引用（经由${label.get(top.id)}）`];
      state.set(to, 1);
      stack.push({ id: to, next: 0 });
    }
  }
  return [];
}
