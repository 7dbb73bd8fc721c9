import type { CellContextMenuEvent, CellEditRequestEvent, CellFocusedEvent, ColDef, ColGroupDef, ColumnResizedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { createPortal } from 'react-dom';
import { memo, type RefObject, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { parseCellId } from '../../shared/engine/cell-id';
import { markNote } from '../../shared/views/cell-marks';
import { explainComputedCell } from '../../shared/views/cell-explain';
import { tableView, tableViewCell } from '../../shared/views/table-view';
import type { DocStore, MarksCursor } from '../state/store';
import { registerActiveEdit } from '../state/form-draft';
import { planPaste, toTsv } from './clipboard';
import { htmlClipboardText } from './clipboard-html';
import { headersOverflow } from './header-fit';
import { ARROWS, colDefs, DEFAULT_COL, getRowClass, getRowId, LOCALE, ranges, staticHeaderHeights, textCellValue, theme } from './columns';
import { gridScrollbarWidth } from './scrollbar-width';
import { buildGridModel, buildGridModelInSlices, type GridModel, type GridRow, type Mark, patchModel, reuseRows } from './model';
import { formatExact, parseAmount } from '../../shared/money';
import { evaluateFormula, isFormula } from './arithmetic';
import { afterPaint, setBusy } from '../app/busy';
import { editBlock } from '../app/block-edit';
import { nextTask } from '../app/next-task';
import { cachedModel, keepModel, touchModel } from './model-cache';
import { publishSelectionStats, selectionStats } from './selection-stats';
import { CellRange, dataEdge, type Pos, type Rect } from './selection';
import { useDragSelect } from './drag-select';
import { CellMenu, type MenuItem } from './CellMenu';
import { cellMenuItems, type RowMenu } from './cell-menu-items';
import { CommentEditor } from './CommentEditor';
import { cellId } from '../../shared/engine/cell-id';
import { foldableAncestors, foldedFor, hasOutline, isFoldable, type OutlineCommand } from '../../shared/views/outline';
import { foldsOf, keepFolds } from './fold-state';
import type { FoldParams } from './FoldNameCell';
import { focusAt, nodeAt, replaceRow, rowIndexAttr, shownIndex, shownIndexOfAttr, shownRows } from './shown-rows';

export interface GridHandle {
  /** The table cell under the focus, with its row's level. */
  focused(): { rowKey: string; col: string | null; level: string } | null;
  focusCell(rowKey: string, col: string): boolean;
  copyText(): string;
  pasteText(text: string): void;
  /** 展开全部 / 只显示类 / 显示到款. */
  outline(command: OutlineCommand): void;
}

interface Props {
  store: DocStore;
  table: number;
  /** A cell to put the focus on once the grid has its rows (from a finding, a new row). */
  focus: { rowKey: string; col: string; seq: number } | null;
  onFocusMissing(rowKey: string): void;
  handleRef: RefObject<GridHandle | null>;
  onMessage(kind: 'error' | 'info', text: string): void;
  /** Row insertion and deletion for the right-click menu (absent: the page has no row actions). */
  rowMenu?: RowMenu;
}

/** Rows a large table paints before the rest (more than a screen at any zoom). */
const FIRST_ROWS = 120;
/** Tables with more rows than this are shown first rows first. */
const LARGE = 1500;
const NO_ROWS: ReadonlySet<string> = new Set();

export const TableGrid = memo(function TableGrid({ store, table, focus, onFocusMissing, handleRef, onMessage: post, rowMenu }: Props) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  // The grid reports a focus move a task after it (AG Grid's events are asynchronous): a paste or
  // other command taken in between (keys run before timers on a busy window) has said its result
  // by then, which the focused cell's note must not replace. The messages are counted, and the
  // count is read as the focus moves (mousedown, focusin: synchronous).
  const said = useRef(0);
  const saidAtFocus = useRef(0);
  const onMessage = useCallback(
    (kind: 'error' | 'info', text: string) => {
      said.current++;
      post(kind, text);
    },
    [post],
  );
  const build = useCallback(() => {
    const m = buildGridModel(tableView(store.session, table), store.marks());
    keepModel(store.session, store.version, table, m);
    return m;
  }, [store, table]);
  // A large table paints its first rows at once and gets the rest after that paint (with the busy indicator).
  const [model, setModel] = useState<GridModel>(
    () =>
      cachedModel(store.session, store.version, table) ??
      (store.session.layout(table).rows.length > LARGE ? buildGridModel(tableView(store.session, table, FIRST_ROWS), store.marks()) : build()),
  );
  const firstOnly = useRef(store.session.layout(table).rows.length > LARGE && model.rows.length <= FIRST_ROWS ? model : null);
  const [allRows, setAllRows] = useState(() => model.rows.length <= LARGE && !firstOnly.current);
  const complete = allRows && model !== firstOnly.current;
  // Edits applied to the model in place (cells, marks) keep it current for the next visit to this table.
  useEffect(() => store.subscribe(() => touchModel(store.session, store.version, table, modelRef.current)), [store, table]);
  // A layout effect: the indicator is painted in the same frame as the first rows.
  useLayoutEffect(() => {
    if (!allRows) setBusy(`正在载入表${table}的全部 ${store.session.layout(table).rows.length} 行…`);
  }, [allRows, store, table]);
  // The rest once the grid has painted the first rows (it renders them a frame or two after mounting).
  const [firstShown, setFirstShown] = useState(false);
  useEffect(() => {
    if (allRows || !firstShown) return;
    let live = true;
    void afterPaint().then(async () => {
      if (!live) return;
      const { session, version } = store;
      const cached = cachedModel(session, version, table);
      // A slice of rows per task (the window answers meanwhile); the store changed before it was done: built at once.
      const sliced = cached ?? (await buildGridModelInSlices(session, table, store.marks(), () => live && store.version === version, nextTask));
      if (!live) return;
      if (sliced && !cached) keepModel(session, version, table, sliced);
      const full = sliced ?? build();
      if (full !== modelRef.current) setModel(full);
      setAllRows(true);
    });
    return () => {
      live = false;
    };
  }, [allRows, firstShown, build, store, table]);
  // Leaving the table before its rows are all in takes its indicator away too.
  const loading = useRef(!allRows);
  loading.current = !allRows;
  useEffect(
    () => () => {
      if (loading.current) setBusy(null);
    },
    [],
  );
  // The indicator goes once the grid has painted every row it was given.
  useEffect(() => {
    if (!allRows) return;
    let live = true;
    void afterPaint().then(() => {
      if (live) setBusy(null);
    });
    return () => {
      live = false;
    };
  }, [allRows]);
  const modelRef = useRef(model);
  modelRef.current = model;
  // Folded 类/款 rows (kept per document and table, see fold-state) and the rows shown: 总计 pinned on top, then the unfolded body.
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => foldsOf(store.session, table));
  const foldedRef = useRef(folded);
  foldedRef.current = folded;
  const shown = useMemo(() => shownRows(allRows ? model.rows : model.rows.slice(0, FIRST_ROWS), folded, !model.sided), [model, allRows, folded]);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const modelIndex = useMemo(() => new Map(model.rows.map((r, i) => [r.id, i])), [model]);
  const modelIndexRef = useRef(modelIndex);
  modelIndexRef.current = modelIndex;
  const outlined = useMemo(() => hasOutline(model.rows), [model]);
  const range = useRef(new CellRange());
  const expected = useRef<Pos[]>([]);
  const shiftClick = useRef(false);
  /** The open editor was begun by typing a character (Excel's 输入 mode: arrows store and move). */
  const typing = useRef(false);
  const marksRef = useRef(new Map<string, Mark>());
  const marksSeen = useRef<MarksCursor | null>(null);
  const wrapRef = useRef<HTMLDivElement | null>(null);
  const shownSession = useRef(store.session);

  // Row index of each row id among the shown rows, for the selection (no sorting/filtering).
  useMemo(() => {
    ranges.set(model, { range: range.current, index: shown.index });
    marksRef.current = store.tableMarks(table);
    marksSeen.current = store.marksCursor();
  }, [model, shown, store, table]);

  useEffect(() => {
    range.current.collapse({ row: -1, col: -1 });
    publishSelectionStats(null);
    return () => publishSelectionStats(null);
  }, []);

  // Edits: refresh only the rows whose cells or finding marks changed; rows added or removed rebuild the model.
  useEffect(
    () =>
      store.onChange((c) => {
        const api = apiRef.current;
        // Another document (新建, 打开, 导入): TablePage gives it a grid of its own, which starts at
        // its top and paints its first rows first; this one has nothing more to show.
        if (shownSession.current !== store.session) return;
        if (c.type === 'structure' || !api) {
          const prev = modelRef.current;
          // Rows laid out in place: those touched are built again, the rest kept (not while only the first rows are in).
          const patched =
            c.type === 'structure' && c.rows && api && prev !== firstOnly.current
              ? patchModel(prev, store.session, c.rows.get(table) ?? NO_ROWS, store.tableMarks(table), marksRef.current)
              : null;
          if (patched) {
            keepModel(store.session, store.version, table, patched);
            if (patched !== prev) setModel(patched);
            else {
              marksRef.current = store.tableMarks(table);
              marksSeen.current = store.marksCursor();
            }
          } else setModel(reuseRows(build(), prev));
          return;
        }
        const m = modelRef.current;
        const touched = new Map<string, GridRow>();
        const rowOf = (rowId: string) => {
          let r = touched.get(rowId);
          if (!r) {
            // Rows folded away are kept current too (they show again when unfolded).
            const i = modelIndex.get(rowId);
            const old = i === undefined ? undefined : m.rows[i];
            if (!old) return undefined;
            r = { ...old, cells: { ...old.cells }, marks: { ...old.marks } };
            touched.set(rowId, r);
          }
          return r;
        };
        for (const id of c.ids) {
          const at = parseCellId(id);
          if (!at || at.table !== table) continue;
          const loc = m.locate(at.row, at.col);
          if (!loc) continue;
          const row = rowOf(loc.rowId);
          if (!row) continue;
          const cell = tableViewCell(store.session, table, at.row, at.col);
          if (cell) row.cells[loc.colId] = cell;
          else delete row.cells[loc.colId];
        }
        // The marks the edit changed, as the store followed them; all compared when it made them afresh.
        const prev = marksRef.current;
        let diff = store.tableMarksSince(table, marksSeen.current);
        marksSeen.current = store.marksCursor();
        if (!diff) {
          const next = store.tableMarks(table);
          diff = new Map();
          for (const [k, v] of next) if (prev.get(k) !== v) diff.set(k, v);
          for (const k of prev.keys()) if (!next.has(k)) diff.set(k, undefined);
        }
        for (const [k, mk] of diff) {
          if (mk) prev.set(k, mk);
          else prev.delete(k);
          const bar = k.lastIndexOf('|');
          const loc = m.locate(k.slice(0, bar), k.slice(bar + 1));
          if (!loc) continue;
          const row = rowOf(loc.rowId);
          if (!row) continue;
          if (mk) row.marks[loc.colId] = mk;
          else delete row.marks[loc.colId];
        }
        if (touched.size === 0) return;
        for (const r of touched.values()) {
          const i = modelIndex.get(r.id);
          if (i !== undefined) m.rows[i] = r;
          // setData refreshes just this row; a transaction would re-run the row model over every row.
          replaceRow(api, shownRef.current, r)?.setData(r);
        }
      }),
    [store, table, build, modelIndex],
  );

  // What a cell says on hover and on focus: its findings (a flagged cell), or why a computed cell cannot be typed into.
  const cellNote = useCallback(
    (row: GridRow, colId: string): string | undefined => {
      const a = modelRef.current.addr(row, colId);
      if (!a) return undefined;
      const comment = store.document.comments?.[cellId(table, a.rowKey, a.col)];
      const lines = comment ? [`批注：${comment}`] : [];
      const here = row.marks[colId] ? (store.marks().get(`${table}|${a.rowKey}|${a.col}`)?.findings ?? []) : [];
      if (here.length > 0) lines.push(...here.map(markNote));
      else if (row.cells[colId]?.role === 'derived') {
        const why = explainComputedCell(store.session, table, a.rowKey, a.col);
        if (why) lines.push(why);
      }
      return lines.length > 0 ? lines.join('\n') : undefined;
    },
    [store, table],
  );
  const noteRef = useRef(cellNote);
  noteRef.current = cellNote;
  /** The red corner of a cell with a 批注. */
  const commented = (row: GridRow, colId: string) => {
    const a = modelRef.current.addr(row, colId);
    return Boolean(a && store.document.comments?.[cellId(table, a.rowKey, a.col)]);
  };
  const commentedRef = useRef(commented);
  commentedRef.current = commented;
  /** Typing into a computed cell says why not and where to enter instead (never silently ignored). */
  const refuseComputed = useCallback(
    (row: GridRow | undefined, colId: string): boolean => {
      if (row?.cells[colId]?.role !== 'derived') return false;
      const at = modelRef.current.addr(row, colId);
      onMessage('error', (at && explainComputedCell(store.session, table, at.rowKey, at.col)) || '此格由程序计算，不能直接录入。');
      return true;
    },
    [onMessage, store, table],
  );

  /**
   * A cell's amount as Ctrl+C, Ctrl+D and the cell editor give it: exact, in the document's entry
   * unit (what paste and typing read), not the display (万元 to 2 decimals, or the table's print
   * unit). A computed cell whose packet printed another figure gives that figure, as shown.
   */
  const exactText = useCallback(
    (row: GridRow, colId: string): string => {
      const cell = row.cells[colId];
      const a = cell ? modelRef.current.addr(row, colId) : null;
      if (!cell || !a) return '';
      const unit = store.document.unit;
      if (cell.role === 'derived' && cell.printedDiffers) {
        if (!cell.text) return '';
        const p = parseAmount(cell.text, store.session.layout(table).template.printUnit ?? '万元');
        return p.ok ? (p.fen === 0 ? '' : formatExact(p.fen, unit)) : cell.text;
      }
      return store.storedText(table, a.rowKey, a.col);
    },
    [store, table],
  );
  const exactRef = useRef(exactText);
  exactRef.current = exactText;

  // Columns depend on the table only; rebuilding them per edit would reset widths.
  const colCache = useRef<{ key: string; defs: Array<ColDef<GridRow> | ColGroupDef<GridRow>> } | null>(null);
  const toggleRef = useRef<(key: string) => void>(() => {});
  const foldParams = useRef<FoldParams>({ isFolded: (k) => foldedRef.current.has(k), toggle: (k) => toggleRef.current(k) });
  // Header heights worked out from the text until the user resizes a column (the widths kept) or a header does not fit: then measured (header-fit.ts).
  const [userWidths, setUserWidths] = useState<Readonly<Record<string, number>>>({});
  const [headersDontFit, setHeadersDontFit] = useState(false);
  const measureAll = headersDontFit || Object.keys(userWidths).length > 0;
  const colKey = `${model.table}|${model.sided}|${outlined}|${measureAll}|${JSON.stringify(userWidths)}|${JSON.stringify(model.columns)}`;
  if (colCache.current?.key !== colKey) {
    const pinText = !model.sided && model.table !== 10;
    colCache.current = {
      key: colKey,
      defs: colDefs(
        model.columns,
        () => modelRef.current,
        pinText,
        (row, id) => noteRef.current(row, id),
        (row, id) => commentedRef.current(row, id),
        outlined ? foldParams.current : undefined,
        userWidths,
        measureAll,
        (row, id) => exactRef.current(row, id),
      ),
    };
  }
  const columnDefs = colCache.current.defs;
  const heights = useMemo(() => staticHeaderHeights(model.columns, measureAll), [model.columns, measureAll]);
  // Once painted (the page's layout clean, one cheap read): a header the worked-out heights cut short has the grid measure them all.
  useEffect(() => {
    if (!firstShown || measureAll) return;
    let live = true;
    void afterPaint().then(() => {
      if (live && wrapRef.current && headersOverflow(wrapRef.current)) setHeadersDontFit(true);
    });
    return () => {
      live = false;
    };
  }, [firstShown, measureAll]);

  // Paint the block on the rendered cells directly: refreshing cells would re-create the focused
  // cell and move the focus. Cells rendered later (scrolling) get the class from cellClassRules.
  /** Marks with `cls` the rendered cells of `rect` (shown-row indices × columns), clearing it elsewhere first. */
  const markCells = useCallback((cls: string, rect: Rect | null) => {
    const el = wrapRef.current;
    if (!el) return;
    for (const c of el.querySelectorAll(`.ag-cell.${cls}`)) c.classList.remove(cls);
    if (!rect) return;
    const cols = new Set(modelRef.current.allCols.slice(rect.left, rect.right + 1));
    for (const row of el.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
      const i = shownIndexOfAttr(shownRef.current, row.getAttribute('row-index') ?? '');
      if (i < rect.top || i > rect.bottom) continue;
      for (const c of row.querySelectorAll<HTMLElement>('.ag-cell[col-id]')) if (cols.has(c.getAttribute('col-id') ?? '')) c.classList.add(cls);
    }
  }, []);

  const paintRange = useCallback(() => {
    const el = wrapRef.current;
    if (!el) return;
    for (const c of el.querySelectorAll('.ag-cell.cell-fill-corner')) c.classList.remove('cell-fill-corner');
    const r = range.current;
    const rect = r.rect;
    el.dataset.range = `${rect.top},${rect.left}:${rect.bottom},${rect.right}`;
    // The fill handle, on the block's (or the one cell's) lower right corner.
    const corner = el.querySelector(`.ag-row[row-index="${rowIndexAttr(shownRef.current, rect.bottom)}"] .ag-cell[col-id="${CSS.escape(modelRef.current.allCols[rect.right] ?? '')}"]`);
    corner?.classList.add('cell-fill-corner');
    markCells('cell-in-range', r.isBlock ? rect : null);
  }, [markCells]);

  const setRange = useCallback(
    (apply: () => void) => {
      apply();
      paintRange();
      publishSelectionStats(selectionStats(shownRef.current.all, modelRef.current.allCols, range.current.rect));
    },
    [paintRange],
  );

  /** The selected block; if it has drifted from the grid's focus (rows rebuilt), the focused cell alone. */
  const currentRect = useCallback(() => {
    const api = apiRef.current;
    const f = api?.getFocusedCell();
    if (f) {
      const pos = { row: shownIndex(shownRef.current, f.rowIndex, f.rowPinned), col: modelRef.current.allCols.indexOf(f.column.getColId()) };
      const e = range.current.end;
      if (e.row !== pos.row || e.col !== pos.col) range.current.collapse(pos);
    }
    return range.current.rect;
  }, []);

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRow>) => {
      if (e.rowIndex === null || e.rowIndex === undefined || !e.column || typeof e.column === 'string') return;
      const pos: Pos = { row: shownIndex(shownRef.current, e.rowIndex, e.rowPinned), col: modelRef.current.allCols.indexOf(e.column.getColId()) };
      // Focus moves the range itself made arrive later (the grid reports them asynchronously): skip them.
      const k = expected.current.findIndex((p) => p.row === pos.row && p.col === pos.col);
      if (k >= 0) {
        expected.current.splice(0, k + 1);
        return;
      }
      // A report the focus has since left (a click's, arriving after the Shift+↓ that followed it on a
      // busy machine) would collapse the block being selected: only the focus as it is now counts.
      const now = e.api.getFocusedCell();
      if (now && (now.column.getColId() !== e.column.getColId() || shownIndex(shownRef.current, now.rowIndex, now.rowPinned) !== pos.row)) return;
      // A flagged cell says what is wrong in the status bar as it gets the focus.
      const row = shownRef.current.all[pos.row];
      const mark = row?.marks[e.column.getColId()];
      if (row && mark && said.current === saidAtFocus.current) {
        const note = noteRef.current(row, e.column.getColId());
        if (note) post(mark === 'error' ? 'error' : 'info', note.replace(/\n/g, '；'));
      }
      const end = range.current.end;
      if (end.row === pos.row && end.col === pos.col) return;
      const extend = shiftClick.current;
      shiftClick.current = false;
      setRange(() => (extend ? range.current.extendTo(pos) : range.current.collapse(pos)));
    },
    [setRange, post],
  );

  /** Target cells for a planned paste, in grid coordinates. */
  const cellAt = useCallback(
    (rowIndex: number, colIndex: number) => {
      const m = modelRef.current;
      const row = shownRef.current.all[rowIndex];
      const colId = m.allCols[colIndex] ?? '';
      const a = row ? m.addr(row, colId) : null;
      const name = row ? (row.name || row.left?.name || row.right?.name || row.id) : '';
      const label = `表${table}第${rowIndex + 1}行（${name}）${a ? `第${a.col}栏` : '非金额栏'}`;
      if (!row || !a) return { table, row: '', col: null, entered: false, label };
      return { table, row: a.rowKey, col: a.col, entered: row.cells[colId]?.role === 'entered', label };
    },
    [table],
  );

  const pasteText = useCallback(
    (text: string) => {
      const m = modelRef.current;
      const r = currentRect();
      if (r.top < 0) {
        onMessage('error', '请先选择要粘贴到的单元格');
        return;
      }
      const plan = planPaste(
        text,
        { top: r.top, left: r.left, height: r.bottom - r.top + 1, width: r.right - r.left + 1, rowCount: shownRef.current.all.length, colCount: m.allCols.length, cellAt },
        store.document.unit,
      );
      if (!plan.ok) {
        onMessage('error', plan.reason);
        return;
      }
      void editBlock(store, plan.edits, `粘贴 ${plan.rows}×${plan.cols}`, '粘贴').then((done) => {
        if (!done.ok) onMessage('error', `${done.reason}，未粘贴`);
        else onMessage('info', `已粘贴 ${plan.rows} 行 ${plan.cols} 列`);
      });
    },
    [cellAt, currentRect, onMessage, store],
  );

  const copyText = useCallback(() => {
    const m = modelRef.current;
    const api = apiRef.current;
    const r = currentRect();
    if (!api || r.top < 0) return '';
    const block: string[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const node = nodeAt(api, shownRef.current, i);
      const line: string[] = [];
      for (let c = r.left; c <= r.right; c++) {
        const colId = m.allCols[c] ?? '';
        const row = node?.data;
        // Amounts exact in the entry unit (paste reads them so); codes and names as shown.
        line.push(!row ? '' : m.addr(row, colId) ? exactText(row, colId) : api.getColumn(colId) ? textCellValue(row, colId) : '');
      }
      block.push(line);
    }
    return toTsv(block);
  }, [currentRect, exactText]);

  /** Ctrl+D: the top cell of each column of the block into the entered cells below it, as one undo step. */
  const fillDown = useCallback(() => {
    const m = modelRef.current;
    const api = apiRef.current;
    const r = currentRect();
    if (!api || r.top < 0 || r.bottom === r.top) return;
    const edits = [];
    for (let c = r.left; c <= r.right; c++) {
      const colId = m.allCols[c] ?? '';
      const topRow = shownRef.current.all[r.top];
      if (!topRow?.cells[colId]) continue;
      // The exact amount (分) in the entry unit, not the 2-decimal display: a figure entered in 元 keeps its 分.
      const text = exactText(topRow, colId);
      for (let i = r.top + 1; i <= r.bottom; i++) {
        const row = shownRef.current.all[i];
        const a = row ? m.addr(row, colId) : null;
        if (a && row?.cells[colId]?.role === 'entered') edits.push({ table, row: a.rowKey, col: a.col, text });
      }
    }
    if (edits.length === 0) return;
    void editBlock(store, edits, `向下填充 ${edits.length} 个单元格`, '填充').then((done) => {
      if (!done.ok) onMessage('error', done.reason);
    });
  }, [currentRect, exactText, onMessage, store, table]);

  /**
   * Every entered cell of `rect`, as an edit to the text `textAt` gives it (undefined: left out),
   * then stored as one step worded `填充 N 个单元格`; `none` says why when no cell takes it.
   */
  const fillCells = useCallback(
    (rect: Rect, textAt: (row: number, col: number) => string | undefined, none: string) => {
      const m = modelRef.current;
      const edits = [];
      for (let i = rect.top; i <= rect.bottom; i++) {
        const row = shownRef.current.all[i];
        if (!row) continue;
        for (let c = rect.left; c <= rect.right; c++) {
          const colId = m.allCols[c] ?? '';
          const a = m.addr(row, colId);
          if (!a || row.cells[colId]?.role !== 'entered') continue;
          const text = textAt(i, c);
          if (text !== undefined) edits.push({ table, row: a.rowKey, col: a.col, text });
        }
      }
      if (edits.length === 0) {
        onMessage('error', none);
        return;
      }
      void editBlock(store, edits, `填充 ${edits.length} 个单元格`, '填充').then((done) => {
        if (!done.ok) onMessage('error', `${done.reason}，未填充`);
        else onMessage('info', `已填充 ${edits.length} 个单元格`);
      });
    },
    [onMessage, store, table],
  );

  /**
   * What the fill handle dragged from `source` over `target` puts into shown cell (i, c): `source`
   * repeated (Excel copies a block of amounts; no series), the exact amount in the entry unit as Ctrl+D
   * copies it (a code or name column copies nothing into an amount). Undefined where the cell does not
   * change: inside `source`, a computed or non-amount cell, or one that already holds that amount.
   * Rows hidden under a folded 类/款 are not in the shown rows: they are not filled, as Delete, Ctrl+X,
   * Ctrl+Enter and paste leave them (folding shows what an operation changes).
   */
  const fillTextAt = useCallback(
    (source: Rect, i: number, c: number): string | undefined => {
      if (i >= source.top && i <= source.bottom && c >= source.left && c <= source.right) return undefined;
      const m = modelRef.current;
      const all = shownRef.current.all;
      const row = all[i];
      const colId = m.allCols[c] ?? '';
      if (row?.cells[colId]?.role !== 'entered' || !m.addr(row, colId)) return undefined;
      const wrap = (x: number, n: number) => ((x % n) + n) % n;
      const from = all[source.top + wrap(i - source.top, source.bottom - source.top + 1)];
      const fromCol = m.allCols[source.left + wrap(c - source.left, source.right - source.left + 1)] ?? '';
      const text = from && m.addr(from, fromCol) ? exactText(from, fromCol) : '';
      return text === exactText(row, colId) ? undefined : text;
    },
    [exactText],
  );

  /** Where the fill handle would reach: exactly the cells a release would change, marked on the rendered cells (null: none). */
  const previewFill = useCallback(
    (fill: { source: Rect; target: Rect } | null) => {
      const el = wrapRef.current;
      if (!el) return;
      for (const c of el.querySelectorAll('.ag-cell.cell-fill-preview')) c.classList.remove('cell-fill-preview');
      if (!fill) return;
      const { source, target } = fill;
      const cols = modelRef.current.allCols;
      for (const row of el.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
        const i = shownIndexOfAttr(shownRef.current, row.getAttribute('row-index') ?? '');
        if (i < target.top || i > target.bottom) continue;
        for (const cell of row.querySelectorAll<HTMLElement>('.ag-cell[col-id]')) {
          const c = cols.indexOf(cell.getAttribute('col-id') ?? '');
          if (c >= target.left && c <= target.right && fillTextAt(source, i, c) !== undefined) cell.classList.add('cell-fill-preview');
        }
      }
    },
    [fillTextAt],
  );

  /**
   * The fill handle let go: `source` repeated over `target` into the cells `fillTextAt` changes, as
   * one step; the block is then `target`, the focus where it was. The message counts the cells
   * changed, and says when rows folded away inside `target` were left as they are.
   */
  const fillBlock = useCallback(
    (source: Rect, target: Rect) => {
      const m = modelRef.current;
      const s = shownRef.current;
      setRange(() => range.current.setBlock(target, range.current.end));
      const edits = [];
      let entered = 0;
      for (let i = target.top; i <= target.bottom; i++) {
        const row = s.all[i];
        if (!row) continue;
        for (let c = target.left; c <= target.right; c++) {
          const colId = m.allCols[c] ?? '';
          const a = m.addr(row, colId);
          if (!a || row.cells[colId]?.role !== 'entered') continue;
          if (i < source.top || i > source.bottom || c < source.left || c > source.right) entered++;
          const text = fillTextAt(source, i, c);
          if (text !== undefined) edits.push({ table, row: a.rowKey, col: a.col, text });
        }
      }
      // Rows hidden under a folded 类/款 between the block's first shown row and the next one after it.
      const at = (i: number) => {
        const row = s.all[i];
        return row ? (modelIndexRef.current.get(row.id) ?? i) : m.rows.length;
      };
      const hidden = at(target.bottom + 1) - at(target.top) - (target.bottom - target.top + 1);
      const folded = hidden > 0 ? `；折叠的 ${hidden} 行未填充` : '';
      if (edits.length === 0) {
        onMessage(entered > 0 ? 'info' : 'error', entered > 0 ? `填充所及的单元格已是这些金额，没有改变${folded}` : '填充所及的单元格都由其他单元格计算得出，未填充');
        return;
      }
      void editBlock(store, edits, `填充 ${edits.length} 个单元格`, '填充').then((done) => {
        if (!done.ok) onMessage('error', `${done.reason}，未填充`);
        else onMessage('info', `已填充 ${edits.length} 个单元格${folded}`);
      });
    },
    [fillTextAt, onMessage, setRange, store, table],
  );
  useDragSelect({ wrap: wrapRef, shown: shownRef, model: modelRef, range, setRange, fill: fillBlock, previewFill });

  /** Delete (or, `cut`, Ctrl+X after the copy): the block's entered amounts cleared as one step; a block says how many. */
  const clearRange = useCallback((cut = false) => {
    const m = modelRef.current;
    const api = apiRef.current;
    const r = currentRect();
    if (!api || r.top < 0) return;
    const edits = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const row = shownRef.current.all[i];
      if (!row) continue;
      for (let c = r.left; c <= r.right; c++) {
        const colId = m.allCols[c] ?? '';
        const a = m.addr(row, colId);
        if (a && row.cells[colId]?.role === 'entered' && row.cells[colId]?.text) edits.push({ table, row: a.rowKey, col: a.col, text: '' });
      }
    }
    if (edits.length === 0) {
      if (!range.current.isBlock) {
        const row = shownRef.current.all[r.top];
        const colId = m.allCols[r.left] ?? '';
        if (row?.cells[colId]?.role === 'derived') onMessage('error', cut ? '已复制；该单元格由其他单元格计算得出，未清除' : '该单元格由其他单元格计算得出，不能直接清除');
        else if (cut) onMessage('info', '已复制；该单元格没有金额可清除');
      } else if (cut) onMessage('info', '已复制；所选单元格中没有可清除的金额');
      return;
    }
    const block = range.current.isBlock;
    void editBlock(store, edits, edits.length > 1 ? `清除 ${edits.length} 个单元格` : '清除', '清除').then((done) => {
      if (!done.ok) onMessage('error', done.reason);
      else if (cut) onMessage('info', `已剪切：复制所选单元格，清除其中 ${edits.length} 个金额`);
      else if (block) onMessage('info', `已清除 ${edits.length} 个单元格`);
    });
  }, [currentRect, onMessage, store, table]);

  // The right-click menu and the 批注 box, drawn outside the zoomed page at window coordinates.
  // Their `rowIndex` counts the shown rows (pinned 总计 first, see shown-rows).
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; items: MenuItem[]; rowIndex: number; colId: string } | null>(null);
  const [commentBox, setCommentBox] = useState<{ rowKey: string; col: string; where: string; initial: string; at: { x: number; y: number }; rowIndex: number; colId: string } | null>(null);
  const cellRect = useCallback((rowIndex: number, colId: string) => {
    const p = shownRef.current.pinnedCount;
    const attr = rowIndex < p ? `t-${rowIndex}` : String(rowIndex - p);
    const el = wrapRef.current?.querySelector(`.ag-row[row-index="${attr}"] .ag-cell[col-id="${colId}"]`);
    return el?.getBoundingClientRect() ?? wrapRef.current?.getBoundingClientRect() ?? new DOMRect();
  }, []);
  const refocus = useCallback((rowIndex: number, colId: string) => {
    const api = apiRef.current;
    if (api) focusAt(api, shownRef.current, rowIndex, colId);
  }, []);
  /** The cell a 批注 goes on, or why this one cannot have one. */
  const commentTarget = useCallback(
    (rowIndex: number, colId: string): { rowKey: string; col: string; where: string } | string => {
      const row = shownRef.current.all[rowIndex];
      const a = row ? modelRef.current.addr(row, colId) : null;
      if (!row || !a) return '批注只能加在金额单元格上';
      if (!row.cells[colId]) return '此处没有单元格';
      return { ...a, where: `表${table} ${store.session.rowLabel(table, a.rowKey)} 第${a.col}栏` };
    },
    [store, table],
  );
  const openComment = useCallback(
    (rowIndex: number, colId: string) => {
      const t = commentTarget(rowIndex, colId);
      if (typeof t === 'string') {
        onMessage('error', t);
        return;
      }
      const r = cellRect(rowIndex, colId);
      setCommentBox({ ...t, initial: store.document.comments?.[cellId(table, t.rowKey, t.col)] ?? '', at: { x: r.right + 2, y: r.top }, rowIndex, colId });
    },
    [cellRect, commentTarget, onMessage, store, table],
  );
  const saveComment = useCallback(
    (rowKey: string, col: string, text: string) => {
      const r = store.setComment(table, rowKey, col, text);
      if (!r.ok) onMessage('error', r.reason);
      else onMessage('info', `${store.undoLabel() ?? '批注'}，可用“撤销”恢复`);
      return r.ok;
    },
    [onMessage, store, table],
  );
  const openMenu = useCallback(
    (rowIndex: number, colId: string, at: { x: number; y: number }) => {
      const row = shownRef.current.all[rowIndex];
      if (!row) return;
      const target = commentTarget(rowIndex, colId);
      const hasComment = typeof target !== 'string' && Boolean(store.document.comments?.[cellId(table, target.rowKey, target.col)]);
      const items = cellMenuItems({
        copy: () => {
          const text = copyText();
          if (text) void navigator.clipboard.writeText(text).catch(() => onMessage('error', '无法写入剪贴板'));
          refocus(rowIndex, colId);
        },
        paste: () => {
          refocus(rowIndex, colId);
          void navigator.clipboard.readText().then(
            (text) => pasteText(text),
            () => onMessage('error', '无法读取剪贴板'),
          );
        },
        rows: rowMenu,
        level: row.level,
        commentWhy: typeof target === 'string' ? target : null,
        hasComment,
        comment: () => openComment(rowIndex, colId),
        removeComment: () => {
          if (typeof target !== 'string') saveComment(target.rowKey, target.col, '');
          refocus(rowIndex, colId);
        },
      });
      setMenu({ at, items, rowIndex, colId });
    },
    [commentTarget, copyText, onMessage, openComment, pasteText, refocus, rowMenu, saveComment, store, table],
  );
  const onCellContextMenu = useCallback(
    (e: CellContextMenuEvent<GridRow>) => {
      const ev = e.event as MouseEvent | null | undefined;
      if (e.rowIndex === null || !ev) return;
      const colId = e.column.getColId();
      // A click inside the selected block keeps it (复制 takes the block); elsewhere the cell is selected.
      const pos = { row: shownIndex(shownRef.current, e.rowIndex, e.node.rowPinned), col: modelRef.current.allCols.indexOf(colId) };
      if (!(range.current.isBlock && range.current.contains(pos.row, pos.col))) apiRef.current?.setFocusedCell(e.rowIndex, colId, e.node.rowPinned);
      openMenu(pos.row, colId, { x: ev.clientX, y: ev.clientY });
    },
    [openMenu],
  );
  /** Folding changes only what is shown: the document, its totals and the undo history stay as they are. */
  const changeFolds = useCallback(
    (next: ReadonlySet<string>) => {
      keepFolds(store.session, table, next);
      setFolded(next);
    },
    [store, table],
  );
  toggleRef.current = (key: string) => {
    const next = new Set(foldedRef.current);
    if (!next.delete(key)) next.add(key);
    changeFolds(next);
  };
  const outline = useCallback(
    (command: OutlineCommand) => {
      // Row positions change under the selection: it starts again from nothing.
      apiRef.current?.clearFocusedCell();
      setRange(() => range.current.collapse({ row: -1, col: -1 }));
      changeFolds(foldedFor(modelRef.current.rows, command));
    },
    [changeFolds, setRange],
  );
  /** Unfold the 类/款 above a folded-away row; false when it is not folded away. */
  const reveal = useCallback(
    (rowId: string): boolean => {
      const i = modelIndex.get(rowId);
      const key = i === undefined ? undefined : modelRef.current.rows[i]?.key;
      if (key === undefined) return false;
      const shut = foldableAncestors(modelRef.current.rows, key).filter((k) => foldedRef.current.has(k));
      if (shut.length === 0) return false;
      changeFolds(new Set([...foldedRef.current].filter((k) => !shut.includes(k))));
      return true;
    },
    [changeFolds, modelIndex],
  );
  // The ▸/▾ of a folded or unfolded row is redrawn (its row data did not change).
  const initialFolds = useRef(folded);
  useEffect(() => {
    if (folded !== initialFolds.current) apiRef.current?.refreshCells({ columns: ['name'], force: true });
  }, [folded]);

  /** The row under the grid's focus. */
  const focusedRow = useCallback(() => {
    const f = apiRef.current?.getFocusedCell();
    return f ? shownRef.current.all[shownIndex(shownRef.current, f.rowIndex, f.rowPinned)] : undefined;
  }, []);

  useImperativeHandle(
    handleRef,
    () => ({
      focused() {
        const api = apiRef.current;
        const f = api?.getFocusedCell();
        if (!api || !f) return null;
        const row = focusedRow();
        if (!row) return null;
        const a = modelRef.current.addr(row, f.column.getColId());
        const rowKey = a?.rowKey ?? row.key ?? row.left?.key;
        return rowKey ? { rowKey, col: a?.col ?? null, level: row.level } : null;
      },
      focusCell(rowKey, col) {
        const api = apiRef.current;
        const m = modelRef.current;
        const loc = m.locate(rowKey, col);
        if (!api || !loc) return false;
        const i = shownRef.current.index.get(loc.rowId);
        if (i === undefined) return false;
        api.ensureColumnVisible(loc.colId);
        focusAt(api, shownRef.current, i, loc.colId, 'middle');
        return true;
      },
      copyText,
      pasteText,
      outline,
    }),
    [copyText, pasteText, outline, focusedRow],
  );

  // Copy and paste through the browser's clipboard events, while the focus is in this grid and no cell is being edited.
  useEffect(() => {
    const inGrid = () => {
      const el = wrapRef.current;
      const a = document.activeElement;
      return Boolean(el && a && el.contains(a) && (apiRef.current?.getEditingCells().length ?? 0) === 0);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', copyText());
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      // Excel and WPS put text too; a source that copies only HTML (a table) is read from it.
      const plain = e.clipboardData?.getData('text/plain') ?? '';
      const html = plain === '' ? (e.clipboardData?.getData('text/html') ?? '') : '';
      if (html === '') return pasteText(plain);
      const read = htmlClipboardText(html, shownRef.current.all.length);
      if (read.ok) pasteText(read.text);
      else onMessage('error', read.reason);
    };
    // Ctrl+X: copied, then the entered cells cleared as one step (Delete's rule: computed cells stay).
    const onCut = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', copyText());
      clearRange(true);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    document.addEventListener('cut', onCut);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('cut', onCut);
    };
  }, [copyText, pasteText, clearRange, onMessage]);

  const onKeyDownCapture = useCallback(
    (e: React.KeyboardEvent) => {
      const api = apiRef.current;
      if (!api) return;
      if (api.getEditingCells().length > 0) {
        // Excel's 输入 mode (editing begun by typing): an arrow key stores the value and moves; in
        // 编辑 mode (F2, double-click) the arrows move inside the text. F2 switches to 编辑 mode.
        if (e.key === 'F2' && !e.shiftKey) typing.current = false;
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.stopPropagation();
          typing.current = false;
          fillTypedRef.current();
          return;
        }
        const step = ARROWS[e.key];
        if (step && typing.current && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !e.nativeEvent.isComposing) {
          const f = api.getFocusedCell();
          if (!f) return;
          e.preventDefault();
          e.stopPropagation();
          typing.current = false;
          commitRef.current();
          const m = modelRef.current;
          const s = shownRef.current;
          const at = shownIndex(s, f.rowIndex, f.rowPinned);
          const col = m.allCols.indexOf(f.column.getColId());
          const row = Math.min(Math.max(at + step[0], 0), s.all.length - 1);
          const next = Math.min(Math.max(col + step[1], 0), m.allCols.length - 1);
          focusAt(api, s, row, m.allCols[next]!);
        }
        return;
      }
      // Editing begun by a typed character is Excel's 输入 mode (arrows store and move).
      typing.current = (e.key.length === 1 || e.key === 'Process') && !e.ctrlKey && !e.metaKey && !e.altKey;
      // The menu key or Shift+F10 opens the right-click menu at the cell; Shift+F2 its 批注 (as in Excel).
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey) || (e.key === 'F2' && e.shiftKey)) {
        const f = api.getFocusedCell();
        if (!f) return;
        e.preventDefault();
        e.stopPropagation();
        const colId = f.column.getColId();
        const at = shownIndex(shownRef.current, f.rowIndex, f.rowPinned);
        if (e.key === 'F2') openComment(at, colId);
        else {
          const r = cellRect(at, colId);
          openMenu(at, colId, { x: r.left + 8, y: r.bottom });
        }
        return;
      }
      // Alt+Shift+← / →: hide / show the rows under this 类/款 (Excel's 隐藏明细数据 / 显示明细数据);
      // on a 项, ← folds the 款 above it and the focus goes there.
      if (e.altKey && e.shiftKey && !e.ctrlKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        const f = api.getFocusedCell();
        const s = shownRef.current;
        const row = f ? s.all[shownIndex(s, f.rowIndex, f.rowPinned)] : undefined;
        if (!f || !row?.key) return;
        e.preventDefault();
        e.stopPropagation();
        const fold = e.key === 'ArrowLeft';
        const target = isFoldable(row.level) ? row.key : fold ? foldableAncestors(modelRef.current.rows, row.key).at(-1) : undefined;
        if (target === undefined || foldedRef.current.has(target) === fold) return;
        const colId = f.column.getColId();
        toggleRef.current(target);
        if (target !== row.key) {
          const id = modelRef.current.rows.find((r) => r.key === target)?.id;
          // Once the rows under it are hidden, the focus moves to the folded row.
          requestAnimationFrame(() => {
            const i = id === undefined ? undefined : shownRef.current.index.get(id);
            if (i !== undefined) refocus(i, colId);
          });
        }
        return;
      }
      // Home/End: first/last column of the row; with Ctrl, first/last cell of the table (as in Excel).
      if ((e.key === 'Home' || e.key === 'End') && !e.shiftKey && !e.altKey && !e.metaKey) {
        const f = api.getFocusedCell();
        const m = modelRef.current;
        const s = shownRef.current;
        if (!f || s.all.length === 0) return;
        e.preventDefault();
        e.stopPropagation();
        const first = e.key === 'Home';
        const row = e.ctrlKey ? (first ? 0 : s.all.length - 1) : shownIndex(s, f.rowIndex, f.rowPinned);
        focusAt(api, s, row, m.allCols[first ? 0 : m.allCols.length - 1]!);
        return;
      }
      const move = ARROWS[e.key];
      if (move && e.shiftKey && !e.altKey) {
        e.preventDefault();
        e.stopPropagation();
        const m = modelRef.current;
        const s = shownRef.current;
        // The grid's focus is current (its events arrive later): start from it if the range lags behind.
        const f = api.getFocusedCell();
        if (!f) return;
        const end = { row: shownIndex(s, f.rowIndex, f.rowPinned), col: m.allCols.indexOf(f.column.getColId()) };
        if (range.current.end.row !== end.row || range.current.end.col !== end.col) {
          range.current.collapse(end);
          expected.current.push(end);
        }
        const filled = (r: number, c: number) => {
          const row = s.all[r];
          const colId = m.allCols[c] ?? '';
          if (!row) return false;
          return m.addr(row, colId) ? Boolean(row.cells[colId]?.text) : textCellValue(row, colId) !== '';
        };
        // Shift+Arrow one cell; Ctrl+Shift+Arrow to the edge of the data (Excel): the last filled
        // cell before a blank, or the next filled cell after blanks, or the table's edge.
        const step = (from: Pos) =>
          e.ctrlKey || e.metaKey
            ? dataEdge(from, move, s.all.length, m.allCols.length, filled)
            : { row: Math.min(Math.max(from.row + move[0], 0), s.all.length - 1), col: Math.min(Math.max(from.col + move[1], 0), m.allCols.length - 1) };
        // A block set whole (Ctrl+A, a fill): its far corner moves, the focus stays (Excel); the moved edge is scrolled into view.
        if (range.current.isWhole) {
          const corner = range.current.farCorner();
          const to = step(corner);
          if (to.row === corner.row && to.col === corner.col) return;
          setRange(() => range.current.stretch(to));
          api.ensureColumnVisible(m.allCols[to.col]!);
          if (to.row >= s.pinnedCount) api.ensureIndexVisible(to.row - s.pinnedCount);
          return;
        }
        const next = step(end);
        if (next.row === end.row && next.col === end.col) return;
        setRange(() => range.current.extendTo(next));
        expected.current.push(next);
        focusAt(api, s, next.row, m.allCols[next.col]!);
        return;
      }
      if ((e.key.length === 1 || e.key === 'Process' || e.key === 'F2') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const f = api.getFocusedCell();
        if (f && refuseComputed(focusedRow(), f.column.getColId())) {
          e.preventDefault();
          e.stopPropagation();
          return;
        }
      }
      // The grid starts editing on ASCII keys only; full-width digits and signs (Chinese input) should too,
      // and an input method's first key ('Process') opens an empty editor for the composition.
      if ((e.key === 'Process' || (e.key.length === 1 && !/[ -~]/.test(e.key))) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const f = api.getFocusedCell();
        const row = focusedRow();
        if (f && row?.cells[f.column.getColId()]?.role === 'entered') {
          e.preventDefault();
          e.stopPropagation();
          api.startEditingCell({ rowIndex: f.rowIndex, rowPinned: f.rowPinned, colKey: f.column, key: e.key === 'Process' ? 'Backspace' : e.key });
        }
        return;
      }
      if (e.key === 'Delete') {
        e.preventDefault();
        e.stopPropagation();
        clearRange();
      }
      // Ctrl+A: the whole table (Excel), ready for Ctrl+C or Delete.
      if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        const f = api.getFocusedCell();
        const s = shownRef.current;
        const m = modelRef.current;
        if (!f || s.all.length === 0) return;
        e.preventDefault();
        e.stopPropagation();
        const at = { row: shownIndex(s, f.rowIndex, f.rowPinned), col: m.allCols.indexOf(f.column.getColId()) };
        setRange(() => range.current.selectAll(s.all.length, m.allCols.length, at));
        return;
      }
      if ((e.key === 'd' || e.key === 'D') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        fillDown();
      }
    },
    [clearRange, fillDown, setRange, refuseComputed, openComment, openMenu, cellRect, focusedRow, refocus],
  );

  /** A value typed into a cell, stored as one step (or refused with the reason, the old value kept). */
  const applyEdit = useCallback(
    (row: GridRow | undefined, colId: string, value: unknown) => {
      const a = row ? modelRef.current.addr(row, colId) : null;
      if (!row || !a) return;
      let text = value === null || value === undefined ? '' : String(value);
      // F2 and Enter with nothing changed: the editor started from the exact amount, which stays as it is.
      if (text === exactText(row, colId)) return;
      if (isFormula(text)) {
        const v = evaluateFormula(text, store.document.unit);
        if (!v.ok) {
          const where = `表${table}（${row.name || a.rowKey}）第${a.col}栏`;
          onMessage('error', `${where}的公式“${text}”无效：${v.reason}，已保留原值`);
          return;
        }
        text = v.text;
      }
      const r = store.setCells([{ table, row: a.rowKey, col: a.col, text }], '录入');
      if (!r.ok) onMessage('error', `${r.reason}，已保留原值`);
    },
    [exactText, onMessage, store, table],
  );
  // The grid hands edits over a task later (its gridOptions events are asynchronous).
  const onCellEditRequest = useCallback((e: CellEditRequestEvent<GridRow>) => applyEdit(e.data, e.column.getColId(), e.newValue), [applyEdit]);

  /** The cell being edited, its editor's value, and the editor closed (its own commit dropped); null when none is open. */
  const closeEditor = useCallback(() => {
    const api = apiRef.current;
    const at = api && !api.isDestroyed() ? api.getEditingCells()[0] : undefined;
    if (!api || !at) return null;
    const column = at.column;
    const node = at.rowPinned === 'top' ? api.getPinnedTopRow(at.rowIndex) : api.getDisplayedRowAtIndex(at.rowIndex);
    const editor = node && column ? api.getCellEditorInstances({ rowNodes: [node], columns: [column] })[0] : undefined;
    const value: unknown = editor?.getValue();
    api.stopEditing(true);
    return { column, row: node?.data, editor, value };
  }, []);

  /**
   * Stores the open editor's value at once (the grid's own commit reaches onCellEditRequest only a
   * task later: too late for 保存 or a page switch, which unmounts the grid). False when no cell is
   * being edited.
   */
  const commitNow = useCallback((): boolean => {
    const open = closeEditor();
    if (!open) return false;
    if (open.editor && open.column) applyEdit(open.row, open.column.getColId(), open.value);
    return true;
  }, [applyEdit, closeEditor]);
  const commitRef = useRef(commitNow);
  commitRef.current = commitNow;

  /**
   * Ctrl+Enter while typing (Excel, WPS): the value goes into every entered cell of the selected
   * block as one step (computed cells keep theirs, as with Delete); with a single cell, it is stored
   * and the focus stays.
   */
  const fillTyped = useCallback(() => {
    if (!range.current.isBlock) {
      commitNow();
      return;
    }
    const open = closeEditor();
    if (!open) return;
    const raw = open.value;
    let text = raw === null || raw === undefined ? '' : String(raw);
    if (isFormula(text)) {
      const v = evaluateFormula(text, store.document.unit);
      if (!v.ok) {
        onMessage('error', `公式“${text}”无效：${v.reason}，未填充`);
        return;
      }
      text = v.text;
    }
    fillCells(range.current.rect, () => text, '所选单元格都由其他单元格计算得出，未填充');
  }, [closeEditor, commitNow, fillCells, onMessage, store]);
  const fillTypedRef = useRef(fillTyped);
  fillTypedRef.current = fillTyped;
  // The open editor is stored before a command or a page switch acts, and dropped by 撤销 (form-draft.ts).
  useEffect(
    () =>
      registerActiveEdit({
        commit: () => {
          commitRef.current();
        },
        cancel() {
          const api = apiRef.current;
          if (!api || api.isDestroyed() || api.getEditingCells().length === 0) return false;
          api.stopEditing(true);
          return true;
        },
      }),
    [],
  );

  // Apply a focus request when the grid is ready and has the row (it may just have been mounted or rebuilt).
  const pending = useRef<Props['focus']>(null);
  const applyFocus = useCallback(() => {
    const f = pending.current;
    const api = apiRef.current;
    // A row beyond the first ones painted is found once the grid has them all.
    if (!f || !api || !completeRef.current) return;
    const loc = modelRef.current.locate(f.rowKey, f.col);
    const i = loc ? shownRef.current.index.get(loc.rowId) : undefined;
    // A row under a folded 类/款: unfold them; the focus follows once the rows are shown.
    if (loc && i === undefined && reveal(loc.rowId)) return;
    pending.current = null;
    if (!loc || i === undefined) {
      onFocusMissing(f.rowKey);
      return;
    }
    api.ensureColumnVisible(loc.colId);
    focusAt(api, shownRef.current, i, loc.colId, 'middle');
  }, [onFocusMissing, reveal]);
  useEffect(() => {
    if (pending.current && shown) window.setTimeout(applyFocus, 0);
  }, [shown, applyFocus]);
  const completeRef = useRef(complete);
  completeRef.current = complete;
  useEffect(() => {
    if (complete) window.setTimeout(applyFocus, 0);
  }, [complete, applyFocus]);
  // Each request once (by its seq): the effect runs again whenever applyFocus is made anew (the
  // rows changed), and a request for a row since removed (a new row, then 撤销) said the row was missing.
  const requested = useRef<number | null>(null);
  useEffect(() => {
    if (!focus || focus.seq === requested.current) return;
    requested.current = focus.seq;
    pending.current = focus;
    const id = window.setTimeout(applyFocus, 0);
    return () => window.clearTimeout(id);
  }, [focus, applyFocus]);

  const onColumnResized = useCallback((e: ColumnResizedEvent<GridRow>) => {
    if (!e.finished || e.source !== 'uiColumnResized' || !e.columns) return;
    const given = e.columns;
    setUserWidths((w) => {
      const next = { ...w };
      for (const c of given) next[c.getColId()] = c.getActualWidth();
      return next;
    });
  }, []);

  const onGridReady = useCallback(
    (e: GridReadyEvent<GridRow>) => {
      apiRef.current = e.api;
      window.setTimeout(applyFocus, 0);
    },
    [applyFocus],
  );

  return (
    <div
      className="grid-wrap"
      ref={wrapRef}
      data-table={table}
      onKeyDownCapture={onKeyDownCapture}
      onBlurCapture={(e) => {
        // The focus leaves the grid (a page in the nav, a field, a button): the cell being edited is
        // stored now, before the click may unmount the grid (the grid's own commit comes a task later).
        const to = e.relatedTarget;
        if (to instanceof Node && !wrapRef.current?.contains(to)) commitRef.current();
      }}
      onFocusCapture={() => {
        saidAtFocus.current = said.current;
      }}
      onMouseDownCapture={(e) => {
        saidAtFocus.current = said.current;
        shiftClick.current = e.shiftKey;
        // A double-click opens the editor in 编辑 mode (arrows move in the text).
        typing.current = false;
      }}
    >
      <AgGridReact<GridRow>
        theme={theme}
        rowData={shown.body}
        pinnedTopRowData={shown.pinned}
        columnDefs={columnDefs}
        headerHeight={heights.headerHeight}
        groupHeaderHeight={heights.groupHeaderHeight}
        getRowId={getRowId}
        getRowClass={getRowClass}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellContextMenu={onCellContextMenu}
        preventDefaultOnContextMenu
        onCellDoubleClicked={(e) => {
          refuseComputed(e.data, e.column.getColId());
        }}
        tooltipShowDelay={300}
        onGridReady={onGridReady}
        onColumnResized={onColumnResized}
        onFirstDataRendered={() => setFirstShown(true)}
        suppressColumnVirtualisation
        defaultColDef={DEFAULT_COL}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressCellFocus={false}
        animateRows={false}
        rowBuffer={20}
        scrollbarWidth={gridScrollbarWidth()}
        localeText={LOCALE}
      />
      {menu &&
        createPortal(
          <CellMenu
            at={menu.at}
            items={menu.items}
            onClose={() => {
              setMenu(null);
              refocus(menu.rowIndex, menu.colId);
            }}
          />,
          document.body,
        )}
      {commentBox &&
        createPortal(
          <CommentEditor
            where={commentBox.where}
            initial={commentBox.initial}
            at={commentBox.at}
            onSave={(text) => {
              if (saveComment(commentBox.rowKey, commentBox.col, text)) {
                setCommentBox(null);
                refocus(commentBox.rowIndex, commentBox.colId);
              }
            }}
            onClose={() => {
              setCommentBox(null);
              refocus(commentBox.rowIndex, commentBox.colId);
            }}
          />,
          document.body,
        )}
    </div>
  );
});

