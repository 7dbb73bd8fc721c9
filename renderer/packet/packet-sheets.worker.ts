import { type PacketSheetsReply, type PacketSheetsRequest, sendPacketSheets } from './packet-sheets';

/**
 * Makes the 打印预览 sheets of a large document off the window's thread: a table of thousands of
 * lines takes the better part of a second to lay out into sheets, which the window would freeze
 * for. The window shows the first sheets itself (`from` of them) and adds these as they come.
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<PacketSheetsRequest>) => void) | null; postMessage(m: PacketSheetsReply): void };

scope.onmessage = (e) => sendPacketSheets(e.data, (m) => scope.postMessage(m));
