import { documentText } from '../state/document-text';
import { invoke } from '../desk';
import type { DocStore } from '../state/store';

/** 导出 Excel after the 公开前检查 (toolbar, menu and 打印预览 alike): main asks where and writes it in its worker. */
export async function exportWorkbook(
  store: DocStore,
  message: (kind: 'error' | 'info', text: string) => void,
  opts: { findingsSheet?: boolean; formulas?: boolean } = {},
): Promise<void> {
  // Without the 检查结果 sheet unless asked for: the workbook is usually the copy sent to 财政.
  const r = await invoke('export:xlsx', { docText: documentText(store.document), findingsSheet: opts.findingsSheet ?? false, formulas: opts.formulas ?? false });
  if (r.ok) message('info', `已导出 Excel：${r.path}`);
  else if (!r.canceled) message('error', r.error);
}
