import type { ColumnDef } from '../../templates/types';

/**
 * When a table's printed column numbers are not the template's (another region's variant with
 * fewer or reordered columns), its columns are recognised by their header words instead:
 * each template column's name is looked for in the header text, longest names first so that
 * “一般公共预算” is not found inside “上级一般公共预算安排的转移支付”; the columns found, in
 * the template's order, are paired with the printed numbers.
 */
function norm(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export function columnsByHeaderWords(header: string, columns: readonly ColumnDef[], printedNos: readonly string[]): Map<string, string> | undefined {
  let text = norm(header);
  const found: Array<{ no: string; at: number }> = [];
  const byLength = columns.slice().sort((a, b) => norm(b.name).length - norm(a.name).length);
  for (const c of byLength) {
    const name = norm(c.name);
    const at = text.indexOf(name);
    if (at < 0) continue;
    found.push({ no: c.no, at });
    text = text.slice(0, at) + '\u0000'.repeat(name.length) + text.slice(at + name.length);
  }
  if (found.length !== printedNos.length) return undefined;
  // Two-level headers print group words before the columns under them, so the header text's order
  // is not the columns' order; a variant keeps the template's relative order of the columns it has.
  const order = new Map(columns.map((c, i) => [c.no, i]));
  found.sort((a, b) => order.get(a.no)! - order.get(b.no)!);
  return new Map(printedNos.map((p, i) => [p, found[i]!.no]));
}
