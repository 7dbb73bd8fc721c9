import { esc } from './html';

/** A leaf column of a table header: its label path from the outermost group down. */
export interface HeaderLeaf {
  path: string[];
  /** The printed column number row (`※` for code and name columns). */
  number: string;
  className?: string;
}

/**
 * Header rows with merged cells: a group label spans the consecutive leaves under it; a
 * leaf's own label spans down to the last header row. The column-number row comes last.
 * It all sits in `<thead>`, which the browser repeats on every printed page of the table.
 */
export function headerHtml(leaves: readonly HeaderLeaf[]): string {
  const depth = Math.max(...leaves.map((l) => l.path.length));
  const rows: string[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: string[] = [];
    for (let i = 0; i < leaves.length; ) {
      const path = leaves[i]!.path;
      if (path.length - 1 < level) {
        i++;
        continue;
      }
      if (path.length - 1 === level) {
        cells.push(`<th rowspan="${depth - level}"${cls(leaves[i]!.className)}>${esc(path[level]!)}</th>`);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < leaves.length && leaves[j]!.path.length - 1 > level && samePrefix(leaves[j]!.path, path, level)) j++;
      cells.push(`<th colspan="${j - i}">${esc(path[level]!)}</th>`);
      i = j;
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  rows.push(`<tr class="col-numbers">${leaves.map((l) => `<th>${esc(l.number)}</th>`).join('')}</tr>`);
  return `<thead>${rows.join('')}</thead>`;
}

function samePrefix(a: readonly string[], b: readonly string[], upTo: number): boolean {
  for (let k = 0; k <= upTo; k++) if (a[k] !== b[k]) return false;
  return true;
}

function cls(c: string | undefined): string {
  return c ? ` class="${c}"` : '';
}
