import { useState } from 'react';
import type { DocStore } from '../state/store';
import type { FocusRequest } from './view-props';

/**
 * 编辑 → 查找: a code or a piece of a name/project; jumps to the next matching row of the
 * current table (or of table 2 when no table is shown), wrapping around.
 */
export function FindBox({
  store,
  view,
  go,
  message,
  onReplace,
}: {
  store: DocStore;
  view: string;
  go(nav: string, f: Omit<FocusRequest, 'seq'>): void;
  message(kind: 'error' | 'info', text: string): void;
  /** 查找和替换 across the tables, starting from this text. */
  onReplace(text: string): void;
}) {
  const [query, setQuery] = useState('');
  const [last, setLast] = useState<{ table: number; key: string } | null>(null);
  const find = () => {
    const q = query.trim().replace(/\s+/g, '');
    if (!q) return;
    const table = /^t\d+$/.test(view) ? Number(view.slice(1)) : 2;
    const rows = store.session.layout(table).rows;
    const hit = (i: number) => {
      const r = rows[i]!;
      return (r.code ?? '').startsWith(q) || r.name.includes(q) || (r.project ?? '').includes(q);
    };
    const start = last && last.table === table ? rows.findIndex((r) => r.key === last.key) + 1 : 0;
    for (let n = 0; n < rows.length; n++) {
      const i = (start + n) % rows.length;
      if (hit(i)) {
        const col = store.session.layout(table).template.columns[0]?.no ?? '1';
        setLast({ table, key: rows[i]!.key });
        go(`t${table}`, { table, rowKey: rows[i]!.key, col });
        return;
      }
    }
    message('info', `表${table}中没有找到“${query.trim()}”`);
  };
  return (
    <form
      className="find-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        find();
      }}
    >
      <input name="find" value={query} placeholder="查找科目编码或名称" onChange={(e) => setQuery(e.target.value)} />
      <button type="button" className="find-replace-open" title="在各表中查找金额、编码或名称，并替换录入的金额（Ctrl+H）" onClick={() => onReplace(query)}>
        替换…
      </button>
    </form>
  );
}
