import { BudgetSession } from '../../shared/engine/session';
import { packetPieces } from '../../shared/exporters/packet';
import type { BudgetDocument } from '../../shared/model';

/** What the window asks the sheets worker (packet-sheets.worker.ts): the 打印预览 sheets after its first `from`. */
export interface PacketSheetsRequest {
  /** The window's document, structured-cloned (already validated: the window opened it). */
  doc: BudgetDocument;
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

/** The sheets after the first `from`, in batches to `send`; the last says `done` (or the reason it failed). */
export function sendPacketSheets({ doc, from }: PacketSheetsRequest, send: (m: PacketSheetsReply) => void): void {
  try {
    const sheets = packetPieces(BudgetSession.open(doc), { traced: true }).sheets();
    let count = 0;
    let html = '';
    let t0 = performance.now();
    for (const sheet of sheets) {
      if (count++ < from) continue;
      html += sheet;
      if (html.length >= BATCH_CHARS || performance.now() - t0 >= BATCH_MS) {
        send({ ok: true, html, count, done: false });
        html = '';
        t0 = performance.now();
      }
    }
    send({ ok: true, html, count, done: true });
  } catch (err) {
    send({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
