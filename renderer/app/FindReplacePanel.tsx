import { useEffect, useRef, useState } from 'react';
import { type FindHit, type FindResult, findCells, planReplace, skippedText } from '../../shared/views/find-cells';
import type { DocStore } from '../state/store';
import { editBlock } from './block-edit';
import { whileBusy } from './busy';
import type { FocusRequest } from './view-props';

/** Hits listed at most (the count says how many there are in all). */
const LIST_LIMIT = 500;
/** Rows beyond which reading every amount takes long enough (~0.5 s at 10,000 lines) to show the busy indicator. */
const LARGE_ROWS = 1500;

/**
 * 编辑 → 查找和替换… (Ctrl+H): a panel beside the tables, not a modal, so the cell a hit jumps
 * to stays in view. Finds text (codes, names, projects) and numbers (amounts as shown) in every
 * table or only the one shown; 替换/全部替换 change entered amounts equal to the number sought,
 * 全部替换 as one undo step, and say what was skipped and why.
 */
export function FindReplacePanel({
  store,
  view,
  initial,
  go,
  message,
  onClose,
}: {
  store: DocStore;
  view: string;
  initial: string;
  go(nav: string, f: Omit<FocusRequest, 'seq'>): void;
  message(kind: 'error' | 'info', text: string): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState(initial);
  const [replacement, setReplacement] = useState('');
  const shownTable = /^t\d+$/.test(view) ? Number(view.slice(1)) : null;
  const [onlyShown, setOnlyShown] = useState(false);
  const [result, setResult] = useState<(FindResult & { query: string; tables: number[] | null }) | null>(null);
  const [current, setCurrent] = useState(-1);
  const [note, setNote] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const scope = (): number[] | null => (onlyShown && shownTable !== null ? [shownTable] : null);
  const d = store.document;
  const large = d.functionRows.length + d.economicRows.length + d.projectRows.length + d.carryoverRows.length > LARGE_ROWS;
  const busy = <T,>(work: () => T): Promise<T> => (large ? whileBusy('正在各表中查找…', work) : Promise.resolve(work()));
  const search = (q = query): FindResult => {
    const tables = scope();
    const r = findCells(store.session, q, { limit: LIST_LIMIT, ...(tables ? { tables } : {}) });
    setResult({ ...r, query: q, tables });
    return r;
  };
  const jump = (h: FindHit, i: number) => {
    setCurrent(i);
    const col = h.col ?? '';
    go(`t${h.table}`, { table: h.table, rowKey: h.rowKey, col });
  };
  const findAll = async () => {
    if (!query.trim()) return setNote('请输入要查找的文字或数字');
    const r = await busy(() => search());
    setCurrent(-1);
    setNote(r.total === 0 ? `${where()}没有找到“${query.trim()}”` : summary(r));
  };
  const where = () => (onlyShown && shownTable !== null ? `表${shownTable}中` : '各表中');
  const summary = (r: FindResult) => {
    const per = new Map<number, number>();
    for (const h of r.hits) per.set(h.table, (per.get(h.table) ?? 0) + 1);
    const more = r.total > r.hits.length ? `（列出前 ${r.hits.length} 处）` : '';
    return `找到 ${r.total} 处${more}：${[...per].map(([t, n]) => `表${t} ${n} 处`).join('、')}`;
  };
  /** The hits as they are now (the document may have changed since they were listed). */
  const fresh = (): Promise<FindResult | null> => busy(() => (query.trim() ? search() : null));

  const replaceOne = async () => {
    const r = await fresh();
    if (!r || r.total === 0) return setNote(`${where()}没有找到“${query.trim()}”`);
    // The hit picked in the list (or the first one that 替换 can change).
    const picked = result?.hits[current];
    const i = picked ? r.hits.findIndex((h) => h.table === picked.table && h.rowKey === picked.rowKey && h.col === picked.col) : -1;
    const target = i >= 0 ? r.hits[i]! : r.hits.find((h) => planReplace([h], replacement).edits.length > 0);
    if (!target) return setNote(`没有可替换的单元格：${skippedText(planReplace(r.hits, replacement).skipped)}`);
    const plan = planReplace([target], replacement);
    if (plan.edits.length === 0) return setNote(`此处不能替换：${skippedText(plan.skipped).replace(/^跳过 /, '')}`);
    const done = store.setCells(plan.edits, `替换 表${target.table} ${target.rowLabel} ${target.colLabel}`);
    if (!done.ok) return message('error', `${done.reason}，未替换`);
    const after = await busy(() => search());
    setNote(`已替换 表${target.table} ${target.rowLabel} ${target.colLabel}；${after.total > 0 ? `还有 ${after.total} 处` : '没有其他相符之处'}`);
    setCurrent(-1);
    go(`t${target.table}`, { table: target.table, rowKey: target.rowKey, col: target.col ?? '' });
  };

  const replaceAll = async () => {
    // Every hit, not just the ones listed.
    const tables = scope();
    const all = await busy(() => findCells(store.session, query, { limit: Number.POSITIVE_INFINITY, ...(tables ? { tables } : {}) }));
    if (all.total === 0) return setNote(`${where()}没有找到“${query.trim()}”`);
    const plan = planReplace(all.hits, replacement);
    const skipped = skippedText(plan.skipped);
    if (plan.edits.length === 0) return setNote(`没有替换任何单元格：${skipped}`);
    const done = await editBlock(store, plan.edits, `全部替换“${query.trim()}”为“${replacement.trim()}”（${plan.edits.length} 个单元格）`, '替换');
    if (!done.ok) return message('error', `${done.reason}，一个也未替换`);
    await busy(() => search());
    setCurrent(-1);
    const text = `已替换 ${plan.edits.length} 个单元格${skipped ? `；${skipped}` : ''}。可用“撤销”一步恢复`;
    setNote(text);
    message('info', text);
  };

  return (
    <section
      className="find-panel"
      role="dialog"
      aria-label="查找和替换"
      data-testid="find-replace"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="find-panel-head">
        <h2>查找和替换</h2>
        <button type="button" className="modal-close" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </header>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void findAll();
        }}
      >
        <label>
          查找内容
          <input ref={inputRef} name="findText" value={query} placeholder="金额、科目编码或名称" onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          替换为
          <input name="replaceText" value={replacement} placeholder={`金额（按${store.document.unit}录入）`} onChange={(e) => setReplacement(e.target.value)} />
        </label>
        <label className="find-scope">
          <input type="checkbox" name="onlyShown" checked={onlyShown && shownTable !== null} disabled={shownTable === null} onChange={(e) => setOnlyShown(e.target.checked)} />
          {shownTable !== null ? `仅当前表（表${shownTable}）` : '仅当前表（请先打开一张表）'}
        </label>
        <div className="form-actions">
          <button type="submit" data-action="find-all">
            查找全部
          </button>
          <button type="button" data-action="replace-one" onClick={() => void replaceOne()}>
            替换
          </button>
          <button type="button" data-action="replace-all" onClick={() => void replaceAll()}>
            全部替换
          </button>
        </div>
      </form>
      <p className="find-note" data-testid="find-note" aria-live="polite">
        {note || '替换只改录入的（白底）金额中与查找内容整个相同的数；计算得出的（灰底）单元格、编码和名称不会被改动。'}
      </p>
      {result && result.hits.length > 0 && (
        <div className="find-hits">
          <table>
            <thead>
              <tr>
                <th>表</th>
                <th>行</th>
                <th>列</th>
                <th>内容</th>
              </tr>
            </thead>
            <tbody>
              {result.hits.map((h, i) => (
                <tr
                  key={`${h.table}|${h.rowKey}|${h.col ?? h.field}`}
                  data-hit={`${h.table}|${h.rowKey}|${h.col ?? ''}`}
                  className={`${i === current ? 'current ' : ''}${h.field === 'amount' && h.role === 'derived' ? 'hit-derived' : ''}`}
                  tabIndex={0}
                  onClick={() => jump(h, i)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') jump(h, i);
                  }}
                >
                  <td>表{h.table}</td>
                  <td title={h.rowLabel}>{h.rowLabel}</td>
                  <td>{h.colLabel}</td>
                  <td className={h.field === 'amount' ? 'num' : ''}>{h.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
