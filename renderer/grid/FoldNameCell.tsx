import type { CustomCellRendererProps } from 'ag-grid-react';
import { isFoldable } from '../../shared/views/outline';
import type { GridRow } from './model';

export interface FoldParams {
  isFolded(rowKey: string): boolean;
  toggle(rowKey: string): void;
}

/** The name cell of a 类/款 row: a ▸/▾ toggle (drawn by CSS, so the cell's text stays the name) that folds the rows under it. */
export function FoldNameCell(p: CustomCellRendererProps<GridRow, string> & FoldParams) {
  const row = p.data;
  const text = p.value ?? '';
  if (!row?.key || !isFoldable(row.level)) return <>{text}</>;
  const key = row.key;
  const folded = p.isFolded(key);
  return (
    <span className="fold-name">
      <button
        type="button"
        className="fold-toggle"
        data-fold={key}
        aria-expanded={!folded}
        title={folded ? '展开下级行' : '折叠下级行（合计不变）'}
        aria-label={folded ? '展开' : '折叠'}
        tabIndex={-1}
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          p.toggle(key);
        }}
      />
      {text}
    </span>
  );
}
