import type { TableTemplate } from '../../templates/types';
import { type GridReader, norm } from './grid';

/** Where one table lies: a sheet and the rows from its title to the next table's title. */
export interface TableRegion {
  table: TableTemplate;
  reader: GridReader;
  titleRow: number;
  end: number;
}

/** A title row is short: the title, perhaps `表N`, a year or the department before it. */
const MAX_TITLE_EXTRA = 40;

/**
 * Find tables by their titles anywhere in a sheet, so sheet names and order do not matter and
 * a sheet holding several tables (or a table continued over printed pages) still reads.
 */
export function findRegions(reader: GridReader, tables: readonly TableTemplate[]): TableRegion[] {
  const titles = tables.map((t) => ({ t, key: norm(t.title) })).sort((a, b) => b.key.length - a.key.length);
  const hits: { row: number; table: TableTemplate }[] = [];
  for (let r = 0; r < reader.height; r++) {
    const texts = reader.rowTexts(r);
    if (texts.length === 0 || texts.length > 3) continue;
    const line = norm(texts.join(''));
    if (/为空表|没有|合计|总计|编制部门/.test(line)) continue;
    const hit = titles.find((x) => line.includes(x.key) && line.length <= x.key.length + MAX_TITLE_EXTRA);
    if (hit) hits.push({ row: r, table: hit.t });
  }
  return hits.map((h, i) => ({ table: h.table, reader, titleRow: h.row, end: hits[i + 1]?.row ?? reader.height }));
}
