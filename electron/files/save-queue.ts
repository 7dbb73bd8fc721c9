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

  /** Files with a job queued or running (for tests and diagnostics). */
  get busy(): number {
    return this.tails.size;
  }
}
