import type { BudgetDocument } from '../../shared/model';

/**
 * The document as the window writes it for main (the IPC contract's `docText`: 保存, 自动保存,
 * 导出, 打印): the JSON of `documentMessageText`, written in parts. Chromium's JSON.stringify
 * leaves its fast path for the whole value once any object in it has integer-like keys, as
 * `names` (by code) and `fixed` (by table number) have: a 100,000-item document held the window
 * ~340 ms in one call, ~100 ms with those two written apart (10,000 items: ~30 → ~9 ms).
 * Their keys come last; the value is the same document.
 */
export function documentText(doc: BudgetDocument): string {
  const { names, fixed, ...rest } = doc;
  const parts: string[] = [];
  const body = JSON.stringify(rest).slice(1, -1);
  if (body) parts.push(body);
  if (fixed !== undefined) parts.push(`"fixed":${JSON.stringify(fixed)}`);
  if (names !== undefined) parts.push(`"names":${JSON.stringify(names)}`);
  return `{${parts.join(',')}}`;
}
