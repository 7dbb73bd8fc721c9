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
/**
 * Sheets for the window to add (`count`: how many sheets it then shows); with `into`, more
 * elements of the last sheet instead (a long 第三部分 comes a part at a time).
 */
export type PacketSheetsReply = { ok: true; html: string; count: number; done: boolean; into?: true } | { ok: false; error: string };

/**
 * Most HTML sent at once (characters) and longest wait between two sends (ms): the window parses
 * each batch on its own thread, ~0.2 ms per KB, so a batch stays within a frame or two there.
 */
const BATCH_CHARS = 150_000;
const BATCH_MS = 30;

/** The sheets after the first `from`, in batches to `send`; the last says `done` (or the reason it failed). */
export function sendPacketSheets({ doc, from }: PacketSheetsRequest, send: (m: PacketSheetsReply) => void): void {
  try {
    const parts = packetPieces(BudgetSession.open(doc), { traced: true }).sheetParts(BATCH_CHARS);
    let count = 0;
    let html = '';
    let into = false;
    let t0 = performance.now();
    const flush = (done: boolean) => {
      send(into ? { ok: true, html, count, done, into: true } : { ok: true, html, count, done });
      html = '';
      t0 = performance.now();
    };
    for (const part of parts) {
      // A part of a sheet the window already shows is passed over with it.
      if (!part.into) count++;
      if (count <= from) continue;
      // Sheets and the elements of the last one go in different answers, each within BATCH_CHARS (or one part).
      if (html && (part.into !== into || html.length + part.html.length > BATCH_CHARS)) flush(false);
      // Elements of one sheet apart by a line, as the whole sheet has them.
      html += html && part.into ? `\n${part.html}` : part.html;
      into = part.into;
      if (performance.now() - t0 >= BATCH_MS) flush(false);
    }
    flush(true);
  } catch (err) {
    send({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
