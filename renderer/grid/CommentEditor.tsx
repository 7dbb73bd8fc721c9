import { useEffect, useRef, useState } from 'react';
import { COMMENT_MAX_CHARS } from '../../shared/model/schema';

/**
 * 批注 of one cell, as in Excel: a small box beside the cell. 确定 (Ctrl+Enter) keeps the text,
 * 删除批注 removes it, 取消 (Esc) leaves it as it was; each change is one undo step (the store's).
 */
export function CommentEditor({
  where,
  initial,
  at,
  onSave,
  onClose,
}: {
  where: string;
  initial: string;
  at: { x: number; y: number };
  onSave(text: string): void;
  onClose(): void;
}) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const left = Math.max(0, Math.min(at.x, window.innerWidth - 330));
  const top = Math.max(0, Math.min(at.y, window.innerHeight - 220));
  return (
    <div
      className="comment-editor"
      role="dialog"
      aria-label={`批注：${where}`}
      data-testid="comment-editor"
      style={{ left, top }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave(text);
        }
      }}
    >
      <div className="comment-where">批注 · {where}</div>
      <textarea ref={ref} name="comment" rows={4} maxLength={COMMENT_MAX_CHARS} value={text} placeholder="写下这个数的来源或说明（不印入公开文件，导出 Excel 时作为批注）" onChange={(e) => setText(e.target.value)} />
      <div className="form-actions">
        <button type="button" data-action="comment-save" onClick={() => onSave(text)}>
          确定
        </button>
        {initial && (
          <button type="button" data-action="comment-delete" onClick={() => onSave('')}>
            删除批注
          </button>
        )}
        <button type="button" data-action="comment-cancel" onClick={onClose}>
          取消
        </button>
      </div>
    </div>
  );
}
