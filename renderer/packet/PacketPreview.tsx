import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { packetPieces } from '../../shared/exporters/packet';
import { documentText } from '../state/document-text';
import type { Finding } from '../../shared/rules/finding';
import { setBusy, whileBusy } from '../app/busy';
import { exportWorkbook } from '../app/export-workbook';
import type { ViewProps } from '../app/view-props';
import { invoke } from '../desk';
import { isLarge } from '../state/store';
import type { PacketSheetsReply, PacketSheetsRequest } from './packet-sheets';
import { retireFrame } from './retire-frame';
import { FindingsSheetOption, FormulasOption, PrePublishDialog } from './PrePublishDialog';

/** Time (ms) spent adding sheets before the window gets to paint and take clicks again. */
const SLICE_MS = 40;

/**
 * 打印预览: the whole packet as it will print (cover, contents, parts 1–4, tables on landscape
 * sheets), then 打印为 PDF… or 导出 Excel… after the 公开前检查. Numbers are traced in the preview only.
 * The cover and the first pages are made here and show at once; the other sheets follow in
 * slices (a large department's from a worker, packet-sheets.worker.ts) while the indicator
 * counts the pages.
 */
export function PacketPreview({ store, version, message, go }: ViewProps) {
  // Made again when the document changes, not on every change of the store: the text worker's
  // answer after a large document opens once restarted a preview half laid out.
  const docRevision = store.documentRevision;
  const pieces = useMemo(() => {
    void docRevision;
    return packetPieces(store.session, { traced: true, narrativeOf: () => store.narrative() });
  }, [store, docRevision]);
  const frameRef = useRef<HTMLIFrameElement | null>(null);
  // One function for the component's life: a new one each render would detach the ref (and retire the frame) on every render.
  const frameMounted = useCallback((el: HTMLIFrameElement | null) => {
    frameRef.current = el;
    return el ? () => void retireFrame(el) : undefined;
  }, []);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  // The 公开前检查 count follows the findings (the text part comes later on a large document).
  useEffect(() => {
    void version;
    setFindings((f) => (f ? store.findings() : f));
  }, [store, version]);
  const [checking, setChecking] = useState<null | 'print' | 'export'>(null);
  const [findingsSheet, setFindingsSheet] = useState(false);
  const [formulas, setFormulas] = useState(false);
  const [busy, setPrinting] = useState(false);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let timer = 0;
    let stopped = false;
    let worker: Worker | null = null;
    setFindings(null);
    const sheets = pieces.sheets();
    /** Sheets in the preview, and how many of them this thread made (the worker makes the rest). */
    let count = 0;
    let made = 0;
    const add = (html: string, into = false) => {
      const body = frame.contentDocument?.body;
      (into ? body?.lastElementChild : body)?.insertAdjacentHTML('beforeend', html);
    };
    const progress = () => setBusy(`正在排版打印预览…（已排 ${count} 张）`);
    // The 公开前检查 count (the same findings as 检查结果 and the status bar), once the preview is complete.
    const finish = () => {
      setBusy('正在进行公开前检查…');
      requestAnimationFrame(() => {
        timer = window.setTimeout(() => {
          if (stopped) return;
          setFindings(store.findings());
          setBusy(null);
        }, 0);
      });
    };
    const fill = () => {
      if (!frame.contentDocument?.body || stopped) return;
      // Sheets a failed worker had already sent are passed over.
      for (; made < count; made++) sheets.next();
      const t0 = performance.now();
      let html = '';
      let done = false;
      // The first slice is the cover, contents and part 1 alone: a large table's sheets come after that paint.
      const first = count === 0;
      while (first ? count < 3 : performance.now() - t0 < SLICE_MS) {
        const next = sheets.next();
        if (next.done) {
          done = true;
          break;
        }
        html += next.value;
        count++;
        made++;
      }
      add(html);
      if (done) return finish();
      progress();
      // The first pages paint before anything more is made; a large document's other sheets are
      // made by a worker, a small one's here in slices.
      if (first) requestAnimationFrame(() => (timer = window.setTimeout(() => stopped || startWorker() || fill(), 0)));
      else timer = window.setTimeout(fill, 0);
    };
    /** The rest of a large document's sheets from a worker; false when there is none to start. */
    const startWorker = (): boolean => {
      if (!isLarge(store.document) || typeof Worker === 'undefined') return false;
      try {
        worker = new Worker(new URL('./packet-sheets.worker.ts', import.meta.url), { type: 'module' });
      } catch {
        return false;
      }
      const fallBack = () => {
        worker?.terminate();
        worker = null;
        if (!stopped) fill();
      };
      worker.onmessage = (e: MessageEvent<PacketSheetsReply>) => {
        const m = e.data;
        if (stopped) return;
        if (!m.ok) return fallBack();
        add(m.html, m.into);
        count = m.count;
        if (!m.done) return progress();
        worker?.terminate();
        worker = null;
        finish();
      };
      worker.onerror = fallBack;
      // The document itself (structured clone), not JSON written on this thread first.
      const request: PacketSheetsRequest = { doc: store.document, from: count };
      try {
        worker.postMessage(request);
      } catch {
        // A document the clone refuses (it never should: plain data): the sheets are made here.
        worker.terminate();
        worker = null;
        return false;
      }
      return true;
    };
    // The srcdoc may have loaded before this effect ran: then fill at once.
    const doc = frame.contentDocument;
    if (doc?.URL === 'about:srcdoc' && doc.readyState === 'complete') fill();
    else frame.addEventListener('load', fill, { once: true });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      worker?.terminate();
      frame.removeEventListener('load', fill);
      setBusy(null);
    };
  }, [pieces, store]);

  /** The findings for the 公开前检查 (made now if the preview has not finished yet). */
  const check = async (what: 'print' | 'export') => {
    if (!findings) setFindings(await whileBusy('正在进行公开前检查…', () => store.findings()));
    setChecking(what);
  };

  const print = async () => {
    setChecking(null);
    setPrinting(true);
    // Main lays the packet out in its worker thread (with progress and 取消) and prints it.
    const r = await invoke('packet:pdf', { docText: documentText(store.document) });
    setPrinting(false);
    if (r.ok) message('info', `已打印公开文件：${r.path}`);
    else if (!r.canceled) message('error', r.error);
  };
  const exportXlsx = () => {
    setChecking(null);
    return exportWorkbook(store, message, { findingsSheet, formulas });
  };

  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  return (
    <section className="packet-page" aria-label="打印预览">
      <header className="table-head">
        <h2>打印预览</h2>
        <div className="table-meta">
          {findings === null ? <span className="hint">正在检查…</span> : errors > 0 && <span className="count-error">错误 {errors}</span>}
          <button type="button" disabled={busy} onClick={() => void check('print')}>
            {busy ? '正在生成 PDF…' : '打印为 PDF…'}
          </button>
          <button type="button" onClick={() => void check('export')}>
            导出 Excel…
          </button>
        </div>
      </header>
      {/* Same origin (to add the sheets), never scripts: the packet is plain HTML and CSS. */}
      {/* The frame sits in a box of its own (display: contents), so that leaving it (this page, or this
          revision: the key) can take the frame out before React removes the box (retireFrame). */}
      <div key={docRevision} className="packet-frame-box">
        <iframe
          ref={frameMounted}
          className="packet-frame"
          title="公开文件预览"
          sandbox="allow-same-origin"
          srcDoc={`${pieces.head}${pieces.tail}`}
        />
      </div>
      {checking && findings && (
        <PrePublishDialog
          findings={findings}
          action={checking === 'print' ? '打印' : '导出'}
          options={
            checking === 'export' ? (
              <>
                <FindingsSheetOption checked={findingsSheet} onChange={setFindingsSheet} />
                <FormulasOption checked={formulas} onChange={setFormulas} />
              </>
            ) : undefined
          }
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
