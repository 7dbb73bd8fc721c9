import { type CellLabel, describeSource } from '../../shared/exporters/packet/narrative-html';
import type { NumberToken, Source } from '../../shared/narrative/types';

/** The first table cell a number depends on, for “转到单元格”. */
export function firstCell(s: Source): { table: number; rowKey: string; col: string } | null {
  switch (s.kind) {
    case 'cell': {
      const [t, rowKey, col] = s.cell.split('|');
      return { table: Number(t), rowKey: rowKey!, col: col! };
    }
    case 'sum':
      for (const x of s.of) {
        const c = firstCell(x);
        if (c) return c;
      }
      return null;
    case 'change':
    case 'rate':
      return firstCell(s.current) ?? firstCell(s.previous);
    case 'share':
      return firstCell(s.part);
    default:
      return null;
  }
}

/** Where a clicked number came from: what it is, its inputs, and a jump to the table cell. */
export function SourceNote({
  token,
  label,
  at,
  onGo,
  onClose,
}: {
  token: NumberToken;
  label: CellLabel;
  /** Where in its paragraph the note opens (px): just under the clicked number. */
  at: { left: number; top: number };
  onGo(c: { table: number; rowKey: string; col: string }): void;
  onClose(): void;
}) {
  const cell = firstCell(token.source);
  return (
    <aside
      className="source-note"
      role="note"
      aria-label="数字来源"
      style={{ left: at.left, top: at.top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div>
        <b>{token.text}</b>
        {token.kind === 'percent' ? '%' : token.kind === 'amount' ? ' 万元' : ''}：{token.label}
      </div>
      <div className="source-path">来源：{describeSource(token.source, label)}</div>
      <div className="form-actions">
        {cell && (
          <button type="button" onClick={() => onGo(cell)}>
            转到表{cell.table}单元格
          </button>
        )}
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </aside>
  );
}
