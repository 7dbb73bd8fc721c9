import { useCallback, useMemo, useRef } from 'react';
import { dropRowComments } from '../../shared/model/comments';
import { type RowMenu, summaryRowWhy } from '../grid/cell-menu-items';
import { TableGrid } from '../grid/TableGrid';
import { deleteCarryover, deleteEconomicItem, deleteFunctionItem, deleteProject } from '../state/row-ops';
import type { ViewProps } from '../app/view-props';

/** A number per open document: a newly opened one gets a grid of its own (no state carried over). */
const documentKeys = new WeakMap<object, number>();
let nextKey = 0;
function documentKey(session: object): number {
  const known = documentKeys.get(session);
  if (known !== undefined) return known;
  documentKeys.set(session, ++nextKey);
  return nextKey;
}

/** One of the 11 tables: title as printed, row actions where the table has its own rows, the grid. */
export function TablePage(props: ViewProps & { table: number }) {
  const { store, table, gridRef, focus, message, openDialog } = props;
  const layout = store.session.layout(table);
  const t = layout.template;
  const doc = store.document;

  const gridFocus = useMemo(() => (focus?.table === table ? { rowKey: focus.rowKey, col: focus.col, seq: focus.seq } : null), [focus, table]);
  const onFocusMissing = useCallback((rowKey: string) => message('info', `表${table}中没有显示该行（${rowKey}）`), [message, table]);

  const deleteRow = () => {
    const f = gridRef.current?.focused();
    if (f?.level !== 'leaf') {
      message('error', '请先选中要删除的明细行（项级科目、项目或经济科目行），汇总行不能删除');
      return;
    }
    const key = f.rowKey;
    const label = store.session.rowLabel(table, key);
    const r = store.updateDocument(`删除行 ${label}`, (d) => {
      if (t.kind !== 'hier') return { ok: false, reason: '此表的行是固定的，不能删除' };
      const done =
        t.rowSet === 'function'
          ? deleteFunctionItem(d, key)
          : t.rowSet === 'economic'
            ? deleteEconomicItem(d, key)
            : t.rowSet === 'project'
              ? deleteProject(d, key.slice(2))
              : deleteCarryover(d, key.slice(2));
      // The row's 批注 go with it (and come back with 撤销).
      if (done.ok) dropRowComments(d, key);
      return done;
    });
    if (r.ok) message('info', `已删除“${label}”${t.kind === 'hier' && t.rowSet === 'function' ? '（各表中该科目的金额一并删除）' : ''}，可用“撤销”恢复`);
    else message('error', r.reason);
  };

  const rowSet = t.kind === 'hier' ? t.rowSet : null;
  const ownsRows = t.kind === 'hier' && (rowSet !== 'function' || table === 2);
  const addRequest = rowSet === 'function' ? ({ kind: 'addFunction', table } as const) : rowSet === 'economic' ? ({ kind: 'addEconomic' } as const) : rowSet === 'project' ? ({ kind: 'addProject' } as const) : rowSet === 'carryover' ? ({ kind: 'addCarryover' } as const) : null;
  // The right-click menu's 插入行/删除行: the same add-row dialog and deletion as the buttons above.
  const notHere = t.kind !== 'hier' ? '此表的行是固定的' : ownsRows ? null : '本表的科目行随表2出现：请在表2添加或删除科目';
  const current: RowMenu = {
    insertWhy: notHere && (t.kind !== 'hier' ? `${notHere}，不能插入行` : notHere),
    insert: () => {
      if (addRequest) openDialog(addRequest);
    },
    deleteWhy: (level) => (notHere && (t.kind !== 'hier' ? `${notHere}，不能删除` : notHere)) ?? summaryRowWhy(level),
    delete: deleteRow,
  };
  // One object for the grid's life (the grid is memoised); its calls reach this render's table.
  const latest = useRef(current);
  latest.current = current;
  const rowMenu = useMemo<RowMenu>(
    () => ({
      get insertWhy() {
        return latest.current.insertWhy;
      },
      insert: () => latest.current.insert(),
      deleteWhy: (level) => latest.current.deleteWhy(level),
      delete: () => latest.current.delete(),
    }),
    [],
  );
  return (
    <section className="table-page" aria-label={`表${table}`}>
      <header className="table-head">
        <h2>
          表{table} {t.title}
        </h2>
        <div className="table-meta">
          <span>编制部门：{doc.department}</span>
          <span>单位：万元</span>
        </div>
      </header>
      <div className="row-actions">
        {rowSet === 'function' && table === 2 && (
          <button type="button" data-action="add-function" onClick={() => openDialog({ kind: 'addFunction', table })}>
            添加科目（项）
          </button>
        )}
        {rowSet === 'economic' && (
          <button type="button" data-action="add-economic" onClick={() => openDialog({ kind: 'addEconomic' })}>
            添加经济科目（款）
          </button>
        )}
        {rowSet === 'project' && (
          <button type="button" data-action="add-project" onClick={() => openDialog({ kind: 'addProject' })}>
            添加项目
          </button>
        )}
        {rowSet === 'carryover' && (
          <button type="button" data-action="add-carryover" onClick={() => openDialog({ kind: 'addCarryover' })}>
            添加结转项目
          </button>
        )}
        {ownsRows && (
          <button type="button" data-action="delete-row" onClick={deleteRow}>
            删除所选行
          </button>
        )}
        {t.kind === 'hier' && t.levels.includes('class') && <OutlineButtons gridRef={gridRef} kuan={t.levels.includes('kuan')} />}
        {rowSet === 'function' && table !== 2 && <span className="hint">本表的科目行随表2自动出现：在表2添加科目并录入金额。</span>}
        {t.kind === 'fixed' && (
          <span className="hint">
            {t.columns.some((c) => c.role === 'entered') || t.rows.some((r) => Object.values(r.cells).some((c) => 'entered' in c))
              ? '白底单元格可录入，灰底单元格由其他表自动计算。'
              : '本表各数均由其他表自动计算。'}
          </span>
        )}
      </div>
      <TableGrid key={documentKey(store.session)} store={store} table={table} focus={gridFocus} onFocusMissing={onFocusMissing} handleRef={gridRef} onMessage={message} rowMenu={rowMenu} />
      <TableNotes {...props} />
    </section>
  );
}

/** 展开全部 / 只显示类 / 显示到款: fold the 类/款 levels of the table (the rows stay in the document, totals unchanged). */
function OutlineButtons({ gridRef, kuan }: { gridRef: ViewProps['gridRef']; kuan: boolean }) {
  return (
    <span className="outline-actions" role="group" aria-label="显示层级">
      <button type="button" data-outline="all" onClick={() => gridRef.current?.outline('all')}>
        展开全部
      </button>
      <button type="button" data-outline="class" onClick={() => gridRef.current?.outline('class')}>
        只显示类
      </button>
      {kuan && (
        <button type="button" data-outline="kuan" onClick={() => gridRef.current?.outline('kuan')}>
          显示到款
        </button>
      )}
    </span>
  );
}

function TableNotes({ store, table }: ViewProps & { table: number }) {
  const t = store.session.layout(table).template;
  const hasData = store.session.layout(table).rows.some((r) => r.level === 'leaf');
  const sentence =
    t.kind === 'hier' && t.emptySentence && !hasData
      ? t.emptySentence.replace('{dept}', store.document.department).replace('{year}', String(store.document.year))
      : null;
  if (!sentence && !t.note) return null;
  return (
    <footer className="table-notes">
      {sentence && <p className="empty-sentence">{sentence}</p>}
      {t.note && <p>{t.note}</p>}
    </footer>
  );
}
