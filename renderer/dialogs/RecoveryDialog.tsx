import type { RecoveryEntry } from '../../shared/ipc/contract';
import { Modal } from './Modal';

/** Offered at start when drafts were kept by autosave (the app did not close normally). */
export function RecoveryDialog(props: { entries: RecoveryEntry[]; onRestore(key: string): void; onDiscard(key: string): void; onClose(): void }) {
  return (
    <Modal title="恢复未保存的文档" onClose={props.onClose}>
      <p>上次退出前有未保存的修改，已自动保存了以下副本：</p>
      <ul className="recovery-list">
        {props.entries.map((e) => (
          <li key={e.key}>
            <span>
              {e.department} {e.year} 年{e.path ? `（${e.path}）` : '（未命名）'}，保存于 {new Date(e.savedAt).toLocaleString('zh-CN')}
            </span>
            <button type="button" data-action="restore" onClick={() => props.onRestore(e.key)}>
              恢复
            </button>
            <button type="button" data-action="discard" onClick={() => props.onDiscard(e.key)}>
              删除
            </button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          以后再说
        </button>
      </div>
    </Modal>
  );
}
