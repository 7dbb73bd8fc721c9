import type { ReactNode } from 'react';
import { formatSelectionStats, useSelectionStats } from '../grid/selection-stats';
import type { DocStore } from '../state/store';

/** File, unsaved state, finding counts (click to open 检查结果), unit. */
export function StatusBar({ store, fileName, onFindings, children }: { store: DocStore; fileName: string; onFindings(): void; children?: ReactNode }) {
  const { errors, warnings } = store.counts();
  const pending = store.findingsPending();
  const doc = store.document;
  const stats = useSelectionStats();
  return (
    <footer className="status-bar">
      <span className="status-file">
        {fileName}
        {store.dirty && <span className="unsaved">（未保存）</span>}
      </span>
      <button type="button" className="status-findings" data-testid="status-findings" data-pending={pending || undefined} onClick={onFindings}>
        <span className={errors > 0 ? 'count-error' : 'count-ok'} data-testid="status-errors">
          错误 {errors}
        </span>
        <span className={warnings > 0 ? 'count-warning' : 'count-ok'} data-testid="status-warnings">
          提示 {warnings}
        </span>
        {pending && <span className="status-pending">核对中…</span>}
      </button>
      {stats && <span data-testid="status-selection">{formatSelectionStats(stats)}</span>}
      <span>录入单位：{doc.unit}</span>
      <span>
        {doc.functionRows.length} 个项级科目 · {doc.projectRows.length} 个项目 · {doc.economicRows.length} 个经济科目
      </span>
      {children}
    </footer>
  );
}
