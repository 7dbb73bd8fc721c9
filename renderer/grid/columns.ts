import {
  AllCommunityModule,
  type ColDef,
  type ColGroupDef,
  ModuleRegistry,
  type RowClassParams,
  themeBalham,
} from 'ag-grid-community';
import { type ColSpec, type GridModel, type GridRow, type Mark, withThousands } from './model';
import type { CellRange } from './selection';
import { type FoldParams, FoldNameCell } from './FoldNameCell';
import { canvasFont, type HeaderFont, headerHeights } from './header-fit';

/** AG Grid set-up for the tables: theme, column definitions from the model's header tree, stable options. */

// Community modules only (no enterprise features are used or bundled).
ModuleRegistry.registerModules([AllCommunityModule]);

// Names as they are: the theme quotes each itself (quoted here, the page asked for a font named
// with its quotes and every grid fell back to the default sans-serif).
const FONTS = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
const HEADER_FONT_PX = 12;

export const theme = themeBalham.withParams({
  fontFamily: FONTS,
  fontSize: 13,
  headerFontSize: HEADER_FONT_PX,
  rowHeight: 26,
  headerHeight: 28,
});

export const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** The headers' font as the theme sets it (bold), measured once for all grids. */
let headerFont: HeaderFont | undefined;

/**
 * The header rows' heights for these columns, worked out from their text (header-fit.ts), or
 * none when the grid is to measure every header (`measureAll`).
 */
export function staticHeaderHeights(specs: readonly ColSpec[], measureAll: boolean): { headerHeight?: number; groupHeaderHeight?: number } {
  if (measureAll) return {};
  headerFont ??= canvasFont(`700 ${HEADER_FONT_PX}px ${FONTS.map((f) => (f === 'sans-serif' ? f : `"${f}"`)).join(', ')}`, HEADER_FONT_PX);
  const h = headerHeights(specs, headerFont);
  return { headerHeight: h.header, groupHeaderHeight: h.group };
}

/** What an amount cell says on hover: its findings, or why a computed cell is computed. */
export type CellNote = (row: GridRow, colId: string) => string | undefined;

/** `fold`: the name column of a table with 类/款 rows gets their fold toggles. */
export function colDefs(
  specs: ColSpec[],
  model: () => GridModel,
  pinText: boolean,
  note: CellNote = () => undefined,
  commented: (row: GridRow, colId: string) => boolean = () => false,
  fold?: FoldParams,
  /** Widths the user gave columns by hand, kept when the definitions are made again. */
  widths: Readonly<Record<string, number>> = {},
  /** The grid measures every header: `staticHeaderHeights` works from the template's widths, or fell short. */
  measureAll = false,
  /**
   * What the cell editor starts with (F2, double-click): the exact amount in the document's entry
   * unit, not the 2-decimal display in the table's print unit (an edit is read in the entry unit).
   */
  editValue: (row: GridRow, colId: string) => string = (row, colId) => row.cells[colId]?.text ?? '',
): Array<ColDef<GridRow> | ColGroupDef<GridRow>> {
  return specs.map((s): ColDef<GridRow> | ColGroupDef<GridRow> => {
    if (s.kind === 'group') {
      return {
        headerName: s.header,
        marryChildren: true,
        wrapHeaderText: true,
        autoHeaderHeight: measureAll,
        children: colDefs(s.children, model, pinText, note, commented, fold, widths, measureAll, editValue),
      };
    }
    if (s.kind === 'text') {
      const field = s.field;
      const width = widths[field] ?? s.width;
      return {
        colId: field,
        headerName: s.header,
        width,
        autoHeaderHeight: measureAll,
        editable: false,
        // The full text whenever it may not fit the column (CJK characters are ~13 px, plus padding/indent).
        tooltipValueGetter: (p) => (typeof p.value === 'string' && p.value.length * 13 + 40 > width ? p.value : undefined),
        ...(pinText ? { pinned: 'left' as const } : {}),
        ...(fold && field === 'name' ? { cellRenderer: FoldNameCell, cellRendererParams: fold } : {}),
        valueGetter: (p) => (p.data ? textCellValue(p.data, field) : ''),
        cellClassRules: {
          'cell-text': () => true,
          'cell-strong': (p) => (field === 'leftName' && p.data?.left?.strong) || (field === 'rightName' && p.data?.right?.strong) || false,
          'indent-1': (p) => depthOf(p.data, field) === 1,
          'indent-2': (p) => depthOf(p.data, field) >= 2,
          'mark-error': (p) => p.data?.marks[field] === 'error',
          'mark-warning': (p) => p.data?.marks[field] === 'warning',
          'cell-in-range': (p) => inRange(model(), p.data, field),
          'cell-fill-corner': (p) => atCorner(model(), p.data, field),
        },
      };
    }
    const id = s.colId;
    const mark = (m: Mark) => (p: { data: GridRow | undefined }) => p.data?.marks[id] === m;
    return {
      colId: id,
      headerName: s.header,
      width: widths[id] ?? s.width,
      autoHeaderHeight: measureAll,
      type: 'rightAligned',
      cellDataType: false,
      editable: (p) => p.data?.cells[id]?.role === 'entered',
      valueGetter: (p) => p.data?.cells[id]?.text ?? '',
      // The editor's value replaces the displayed one (the grid's default would start from the display text).
      cellEditorParams: (p: { data?: GridRow }) => ({ value: p.data ? editValue(p.data, id) : '' }),
      valueFormatter: (p) => withThousands(typeof p.value === 'string' ? p.value : ''),
      tooltipValueGetter: (p) => (p.data ? note(p.data, id) : undefined),
      cellClassRules: {
        'cell-entered': (p) => p.data?.cells[id]?.role === 'entered',
        'cell-strong': (p) => (id.startsWith('in') ? p.data?.left?.strong : id.startsWith('out') ? p.data?.right?.strong : false) ?? false,
        'cell-derived': (p) => p.data?.cells[id]?.role === 'derived',
        'cell-none': (p) => !p.data?.cells[id],
        'cell-printed-differs': (p) => Boolean(p.data?.cells[id]?.printedDiffers),
        'mark-error': mark('error'),
        'mark-warning': mark('warning'),
        'cell-in-range': (p) => inRange(model(), p.data, id),
        'cell-fill-corner': (p) => atCorner(model(), p.data, id),
        'cell-comment': (p) => (p.data ? commented(p.data, id) : false),
      },
    };
  });
}

/** The text of a code or name column of a row, as the grid shows it. */
export function textCellValue(d: GridRow, field: string): string {
  if (field === 'leftName') return d.left?.name ?? '';
  if (field === 'rightName') return d.right?.name ?? '';
  if (field === 'name') return d.name;
  if (field === 'project') return d.project ?? '';
  return d.code[Number(field.slice(4))] ?? '';
}

function depthOf(d: GridRow | undefined, field: string): number {
  if (!d) return 0;
  if (field === 'leftName') return d.left?.depth ?? 0;
  if (field === 'rightName') return d.right?.depth ?? 0;
  if (field !== 'name') return 0;
  return d.level === 'line' || d.level === 'leaf' || d.level === 'kuan' ? d.depth : 0;
}

// The selection lives outside React state so moving it does not re-render the grid.
export const ranges = new WeakMap<GridModel, { range: CellRange; index: Map<string, number> }>();
function inRange(model: GridModel, row: GridRow | undefined, colId: string): boolean {
  const s = ranges.get(model);
  if (!s || !row || !s.range.isBlock) return false;
  const r = s.index.get(row.id);
  return r !== undefined && s.range.contains(r, model.allCols.indexOf(colId));
}

/** Whether the cell is the block's lower right corner, where the fill handle is. */
function atCorner(model: GridModel, row: GridRow | undefined, colId: string): boolean {
  const s = ranges.get(model);
  if (!s || !row) return false;
  const rect = s.range.rect;
  return rect.bottom >= 0 && s.index.get(row.id) === rect.bottom && model.allCols.indexOf(colId) === rect.right;
}

export const LOCALE = { noRowsToShow: '本表没有数据', loadingOoo: '加载中…' };

// Stable grid options: a new object or function per render would make the grid re-apply them.
export const getRowId = (p: { data: GridRow }) => p.data.id;
export const getRowClass = (p: RowClassParams<GridRow>) => `row-${p.data?.level ?? 'leaf'}`;
export const DEFAULT_COL: ColDef<GridRow> = {
  suppressKeyboardEvent: (p) => !p.editing && ((p.event.shiftKey && p.event.key in ARROWS) || p.event.key === 'Delete' || p.event.key === 'Home' || p.event.key === 'End'),
  sortable: false,
  suppressMovable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
};
