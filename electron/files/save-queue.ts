/**
 * One queue per file: a job waits for the one before it on the same file, so two saves (a
 * double 保存, autosave beside a discard) never interleave. A request identical to the last one
 * queued or running on that file joins it instead of writing again.
 */
export class SaveQueue {
  private readonly tails = new Map<string, { fingerprint: string; done: Promise<void> }>();

  run(key: string, fingerprint: string, job: () => Promise<void>): Promise<void> {
    const tail = this.tails.get(key);
    if (tail && tail.fingerprint === fingerprint) return tail.done;
    const previous = tail ? tail.done.catch(() => {}) : Promise.resolve();
    const done = previous.then(job);
    const entry = { fingerprint, done };
    this.tails.set(key, entry);
    const clear = () => {
      if (this.tails.get(key) === entry) this.tails.delete(key);
    };
    done.then(clear, clear);
    return done;
  }

  /**
   * A job whose data is still being made (in the documents thread): its place in the queue is
   * taken now, in the order requests arrive, so a later request never lands before it. When its
   * turn comes, `ready` gives its fingerprint and job, or undefined to write nothing; a job with
   * the fingerprint of the one just done before it joins that one (it is not written again).
   */
  runWhenReady(key: string, ready: Promise<{ fingerprint: string; job: () => Promise<void> } | undefined>): Promise<void> {
    const tail = this.tails.get(key);
    const entry = { fingerprint: `pending:${++this.pendingCount}`, done: Promise.resolve() };
    entry.done = (async () => {
      // The request before it, done or failed: this one waits for its turn either way.
      const before = tail
        ? await tail.done.then(
            (): { ok: boolean; error?: unknown } => ({ ok: true }),
            (error: unknown) => ({ ok: false, error }),
          )
        : undefined;
      const r = await ready;
      if (!r) return;
      entry.fingerprint = r.fingerprint;
      if (tail && before && tail.fingerprint === r.fingerprint) {
        if (!before.ok) throw before.error;
        return;
      }
      await r.job();
    })();
    this.tails.set(key, entry);
    const clear = () => {
      if (this.tails.get(key) === entry) this.tails.delete(key);
    };
    entry.done.then(clear, clear);
    return entry.done;
  }

  private pendingCount = 0;

  /** Files with a job queued or running (for tests and diagnostics). */
  get busy(): number {
    return this.tails.size;
  }
}
