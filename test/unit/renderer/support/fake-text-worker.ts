import { type TextFindingsReply, type TextFindingsRequest, TextMirror } from '../../../../renderer/state/text-findings';

/**
 * A stand-in for the text worker (text-findings.worker.ts): the real TextMirror on structured
 * clones, as postMessage hands them, answering after the current task. Stub it as the global
 * `Worker` and the window's store (DocStore) talks to it as to the real one.
 */
export class FakeWorker {
  static last: FakeWorker | undefined;
  mirror = new TextMirror();
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  requests: TextFindingsRequest[] = [];
  /** What it posted back, in order: `early` (a view before the findings) or `reply`. */
  posted: Array<'early' | 'reply'> = [];
  /** Its answers (the replies, not the early views), in order. */
  answers: TextFindingsReply[] = [];
  /** Terminated: as the real one, it posts nothing more. */
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: TextFindingsRequest): void {
    const req = structuredClone(m);
    this.requests.push(req);
    // The answer 1 ms after the view posted early, as the real worker checks the text after posting it.
    const send = (data: unknown, kind: 'early' | 'reply') =>
      setTimeout(
        () => {
          if (this.terminated) return;
          this.posted.push(kind);
          this.onmessage?.({ data: structuredClone(data) });
        },
        kind === 'early' ? 0 : 1,
      );
    const answer = this.mirror.reply(req, (m) => send(m, 'early'));
    this.answers.push(answer);
    send(answer, 'reply');
  }
  terminate(): void {
    this.terminated = true;
  }
}
