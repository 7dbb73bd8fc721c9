/**
 * Work that can stop between steps: a generator that yields where it may pause and returns its
 * result. Run at once (`runSteps`) it is the plain function; the window runs a large document's
 * build in slices of steps (`runStepsPaused`), so 打开 never holds its thread for the whole build.
 */
export type Steps<T> = Generator<void, T, void>;

/** Every step at once: the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Every step, in slices of about `sliceMs` (steps run on until a slice has taken that long), awaiting
 * `pause` before each slice (the caller's own work in its task comes first): the result. A pause per
 * step made a 10,000-item open, whose steps take a few ms each, a fifth slower.
 */
export async function runStepsPaused<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs = 40, now: () => number = () => performance.now()): Promise<T> {
  for (;;) {
    await pause();
    const start = now();
    do {
      const r = steps.next();
      if (r.done) return r.value;
    } while (now() - start < sliceMs);
  }
}
