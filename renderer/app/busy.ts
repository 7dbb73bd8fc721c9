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

/**
 * While work that pauses between tasks replaces the document (a large one opened in steps), the
 * window paints and takes input: it is made inert, and commands are not taken, so nothing reaches
 * the document being let go.
 */
let blocking = 0;
const blockListeners = new Set<() => void>();

export function isBlocking(): boolean {
  return blocking > 0;
}

export function useBlocking(): boolean {
  return useSyncExternalStore(
    (l) => {
      blockListeners.add(l);
      return () => blockListeners.delete(l);
    },
    () => blocking > 0,
  );
}

/** `work` with the window inert until it settles. */
export async function whileBlocking<T>(work: () => Promise<T>): Promise<T> {
  blocking++;
  for (const l of blockListeners) l();
  try {
    return await work();
  } finally {
    blocking--;
    for (const l of blockListeners) l();
  }
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
