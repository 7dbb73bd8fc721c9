import { type TextFindingsReply, type TextFindingsRequest, textFindingsReply } from './text-findings';

/**
 * Writes the explanation text of a large document and checks it (the text part of the one
 * findings list) off the window's thread: at 10,000 lines that is seconds of work the window
 * would otherwise freeze for after every pause in typing.
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<TextFindingsRequest>) => void) | null; postMessage(m: TextFindingsReply): void };

scope.onmessage = (e) => scope.postMessage(textFindingsReply(e.data));
