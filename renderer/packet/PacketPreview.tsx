import { useMemo, useState } from 'react';
import { packetHtml } from '../../shared/exporters/packet';
import { serializeDocument } from '../../shared/model';
import type { ViewProps } from '../app/view-props';
import { exportWorkbook } from '../app/export-workbook';
import { invoke } from '../desk';
import { PrePublishDialog } from './PrePublishDialog';

/**
 * 打印预览: the whole packet as it will print (cover, contents, parts 1–4, tables on landscape
 * sheets), then 打印为 PDF… or 导出 Excel… after the 公开前检查. Numbers are traced in the preview only.
 */
export function PacketPreview({ store, version, message, go }: ViewProps) {
  const built = useMemo(() => {
    void version;
    const narrative = store.narrative();
    return {
      preview: packetHtml(store.session, { narrative, traced: true }),
      // 公开前检查 lists the same findings as 检查结果 and the status bar.
      findings: store.findings(),
    };
  }, [store, version]);
  const [checking, setChecking] = useState<null | 'print' | 'export'>(null);
  const [busy, setBusy] = useState(false);

  const print = async () => {
    setChecking(null);
    setBusy(true);
    // Main lays the packet out in its worker thread (with progress and 取消) and prints it.
    const r = await invoke('packet:pdf', { docText: serializeDocument(store.document) });
    setBusy(false);
    if (r.ok) message('info', `已打印公开文件：${r.path}`);
    else if (!r.canceled) message('error', r.error);
  };
  const exportXlsx = () => {
    setChecking(null);
    return exportWorkbook(store, message);
  };

  const errors = built.findings.filter((f) => f.severity === 'error').length;
  return (
    <section className="packet-page" aria-label="打印预览">
      <header className="table-head">
        <h2>打印预览</h2>
        <div className="table-meta">
          {errors > 0 && <span className="count-error">错误 {errors}</span>}
          <button type="button" disabled={busy} onClick={() => setChecking('print')}>
            {busy ? '正在生成 PDF…' : '打印为 PDF…'}
          </button>
          <button type="button" onClick={() => setChecking('export')}>
            导出 Excel…
          </button>
        </div>
      </header>
      <iframe className="packet-frame" title="公开文件预览" sandbox="" srcDoc={built.preview} />
      {checking && (
        <PrePublishDialog
          findings={built.findings}
          action={checking === 'print' ? '打印' : '导出'}
          onContinue={() => void (checking === 'print' ? print() : exportXlsx())}
          onBack={() => {
            setChecking(null);
            if (errors > 0) go('findings');
          }}
        />
      )}
    </section>
  );
}
