import { BudgetSession } from '../../shared/engine/session';
import { packetPieces } from '../../shared/exporters/packet';
import { loadDocument } from '../../shared/model';

/**
 * Makes the 打印预览 sheets of a large document off the window's thread: a table of thousands of
 * lines takes the better part of a second to lay out into sheets, which the window would freeze
 * for. The window shows the first sheets itself (`from` of them) and adds these as they come.
 */
export interface PacketSheetsRequest {
  docText: string;
  /** Sheets the window already shows. */
  from: number;
}
export type PacketSheetsReply = { ok: true; html: string; count: number; done: boolean } | { ok: false; error: string };

/**
 * Most HTML sent at once (characters) and longest wait between two sends (ms): the window parses
 * each batch on its own thread, ~0.2 ms per KB, so a batch stays within a frame or two there.
 */
const BATCH_CHARS = 150_000;
const BATCH_MS = 30;

const scope = self as unknown as { onmessage: ((e: MessageEvent<PacketSheetsRequest>) => void) | null; postMessage(m: PacketSheetsReply): void };

scope.onmessage = (e) => {
  const { docText, from } = e.data;
  try {
    const r = loadDocument(docText);
    if (!r.ok) throw new Error(r.error);
    const sheets = packetPieces(BudgetSession.open(r.doc), { traced: true }).sheets();
    let count = 0;
    let html = '';
    let t0 = performance.now();
    for (const sheet of sheets) {
      if (count++ < from) continue;
      html += sheet;
      if (html.length >= BATCH_CHARS || performance.now() - t0 >= BATCH_MS) {
        scope.postMessage({ ok: true, html, count, done: false });
        html = '';
        t0 = performance.now();
      }
    }
    scope.postMessage({ ok: true, html, count, done: true });
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
