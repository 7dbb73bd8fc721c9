import { nameLookup } from '../classification/names';
import { buildLayouts, type TableLayout } from '../engine/layout';
import { formatOf } from '../formats/registry';
import type { AmountPlace, RowSetName } from './amount-places';
import type { BudgetDocument } from './schema';

const SET_NAMES: Record<RowSetName, string> = {
  functionRows: '功能分类科目行',
  economicRows: '经济分类科目行',
  projectRows: '项目行',
  carryoverRows: '结转结余项目行',
};

/** Names an accountant recognises for a row of the document: code, name and project. */
export function documentRowName(doc: BudgetDocument, set: RowSetName, index: number): string {
  const r = doc[set][index] as { code?: string; name?: string; project?: string; id?: string } | undefined;
  if (!r) return '';
  return [r.code, r.name, r.project].filter((x) => x).join(' ') || (r.id ? `编号 ${r.id}` : '');
}

/** `功能分类科目行第 3 项“2010302 行政运行”`: a row of the document, wherever the tables show it. */
export function describeDocumentRow(doc: BudgetDocument, set: RowSetName, index: number): string {
  const name = documentRowName(doc, set, index);
  return `${SET_NAMES[set]}第 ${index + 1} 项${name ? `“${clip(name)}”` : ''}`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Says where an amount of a document is, the way the tables show it: `表2 第5行“2010302 行政运行”
 * 第3列（基本支出）`. Lays the tables out once per describer; used only to word a refusal.
 */
export function cellPlaceDescriber(doc: BudgetDocument): (place: AmountPlace) => string | null {
  let layouts: TableLayout[] | null | undefined;
  const layoutOf = (table: number): TableLayout | undefined => {
    if (layouts === undefined) {
      const template = formatOf(doc);
      try {
        layouts = template ? buildLayouts(template.tables, doc, nameLookup(doc)) : null;
      } catch {
        layouts = null; // a document too broken to lay out is described by its rows instead
      }
    }
    return layouts?.find((l) => l.no === table);
  };
  const cell = (table: number, rowKey: string, col: string): string | null => {
    const l = layoutOf(table);
    const at = l?.rows.findIndex((r) => r.key === rowKey) ?? -1;
    const column = l?.template.columns.find((c) => c.no === col);
    if (!l || at < 0 || !column) return null;
    const row = l.rows[at]!;
    const name = row.level === 'leaf' && row.code ? `${row.code} ${row.project ?? row.name}` : row.code ? `${row.code} ${row.name}` : row.name;
    return `表${table} 第${at + 1}行“${clip(name.trim())}”第${col}列（${column.name}）`;
  };
  return (place) => {
    switch (place.kind) {
      case 'row': {
        const [t, c] = place.key.split('.');
        const row = doc[place.set][place.index] as { code?: string; id?: string };
        const key = place.set === 'projectRows' ? `p:${row.id}` : place.set === 'carryoverRows' ? `c:${row.id}` : (row.code ?? '');
        const shown = cell(Number(t), key, c ?? '');
        return shown ?? `${describeDocumentRow(doc, place.set, place.index)}的金额“${place.key}”（表${t}第${c}列）`;
      }
      case 'fixed':
        return cell(Number(place.table), place.row, place.col) ?? `表${place.table}“${place.row}”第${place.col}列`;
      case 'printed': {
        const [t = '', row = '', col = ''] = [place.id.slice(0, place.id.indexOf('|')), place.id.slice(place.id.indexOf('|') + 1, place.id.lastIndexOf('|')), place.id.slice(place.id.lastIndexOf('|') + 1)];
        const shown = cell(Number(t), row, col);
        return `${shown ?? `表${t}“${row}”第${col}列`}的印制数`;
      }
      case 'field':
        return null;
    }
  };
}
