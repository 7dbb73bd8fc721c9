import { type TextFindingsReply, type TextFindingsRequest, TextMirror, type TextViewEarly } from './text-findings';

/**
 * Writes the explanation text of a large document and checks it (the text part of the one
 * findings list) off the window's thread: at 10,000 lines that is seconds of work the window
 * would otherwise freeze for after every pause in typing. It keeps its own session of the
 * window's document, given once and then the changes made to it (TextMirror).
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<TextFindingsRequest>) => void) | null; postMessage(m: TextFindingsReply | TextViewEarly): void };
const mirror = new TextMirror();

scope.onmessage = (e) => scope.postMessage(mirror.reply(e.data, (m) => scope.postMessage(m)));
