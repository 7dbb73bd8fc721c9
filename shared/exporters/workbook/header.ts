import type { Merge } from './types';

/**
 * The multi-level header of a printed table. Each column has a path of labels, outermost
 * first; a label shared by neighbouring columns at the same place merges across them, and a
 * column's last label runs down to the bottom header row (as 总计 does beside the
 * 财政拨款（补助） group in table 2).
 */
export interface HeaderGrid {
  labels: string[][];
  merges: Merge[];
  height: number;
}

export function headerGrid(paths: string[][], minHeight = 1): HeaderGrid {
  const height = Math.max(minHeight, ...paths.map((p) => p.length));
  const width = paths.length;
  // owner[r][c]: identity of the label covering this cell, so equal neighbours merge.
  const owner: string[][] = [];
  const labels: string[][] = [];
  for (let r = 0; r < height; r++) {
    owner.push(new Array<string>(width).fill(''));
    labels.push(new Array<string>(width).fill(''));
  }
  paths.forEach((path, c) => {
    for (let r = 0; r < height; r++) {
      const i = Math.min(r, path.length - 1);
      // A column's own (last) label is never shared with a neighbour: add the column index.
      const own = i === path.length - 1;
      owner[r]![c] = `${path.slice(0, i + 1).join('\u0001')}${own ? `\u0002${c}` : ''}`;
      labels[r]![c] = r === i ? (path[i] ?? '') : '';
    }
  });
  const merges: Merge[] = [];
  const seen = owner.map((row) => row.map(() => false));
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (seen[r]![c]) continue;
      const id = owner[r]![c]!;
      let right = c;
      while (right + 1 < width && owner[r]![right + 1] === id) right++;
      let bottom = r;
      while (bottom + 1 < height && rangeIs(owner[bottom + 1]!, c, right, id)) bottom++;
      for (let rr = r; rr <= bottom; rr++) {
        for (let cc = c; cc <= right; cc++) {
          seen[rr]![cc] = true;
          // Only the top-left cell of a merged range holds its text.
          if (rr !== r || cc !== c) labels[rr]![cc] = '';
        }
      }
      if (right > c || bottom > r) merges.push({ top: r, left: c, bottom, right });
    }
  }
  return { labels, merges, height };
}

function rangeIs(row: string[], from: number, to: number, id: string): boolean {
  for (let c = from; c <= to; c++) if (row[c] !== id) return false;
  return true;
}
