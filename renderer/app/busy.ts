import { useSyncExternalStore } from 'react';

/**
 * What the window is busy with (“正在打开表7…”), shown by <BusyIndicator> while a page of a large
 * document is being laid out. Work started through whileBusy waits for the indicator to be painted
 * first, so it shows even while the work holds the main thread.
 */
let label: string | null = null;
const listeners = new Set<() => void>();

export function setBusy(next: string | null): void {
  if (label === next) return;
  label = next;
  for (const l of listeners) l();
}

/** Takes `what` down, unless the indicator says something else by now. */
export function clearBusy(what: string): void {
  if (label === what) setBusy(null);
}

export function useBusy(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => label,
  );
}

/** Resolves after the next frame has been painted. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Show `what`, let it paint, run `work`, then clear the indicator unless the work put up another:
 * opening a large document ends with its table showing its first rows and saying it is loading the rest.
 */
export async function whileBusy<T>(what: string, work: () => T | Promise<T>): Promise<T> {
  setBusy(what);
  await afterPaint();
  try {
    return await work();
  } finally {
    clearBusy(what);
  }
}
