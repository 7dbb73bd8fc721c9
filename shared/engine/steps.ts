/**
 * Work that can stop between steps: a generator that yields where it may pause and returns its
 * result. Run at once (`runSteps`) it is the plain function; the window runs a large document's
 * build a step per task, so 打开 never holds its thread for the whole build.
 */
export type Steps<T> = Generator<void, T, void>;

/** Every step at once: the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Every step, awaiting `pause` before each (the caller's own work in its task comes first): the result. */
export async function runStepsPaused<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    await pause();
    const r = steps.next();
    if (r.done) return r.value;
  }
}
