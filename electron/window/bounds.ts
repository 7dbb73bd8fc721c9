export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };

/**
 * Where to open the window from the remembered bounds: the same size (shrunk to the screen) and
 * position if enough of the title bar is on some display, else centred (no position), so a window
 * remembered on a monitor that is no longer attached never opens off-screen.
 */
export function restoreBounds(saved: { width: number; height: number; x?: number; y?: number } | undefined, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const largest = workAreas.reduce<Rect | undefined>((a, b) => (!a || b.width * b.height > a.width * a.height ? b : a), undefined);
  const width = largest ? Math.min(saved.width, largest.width) : saved.width;
  const height = largest ? Math.min(saved.height, largest.height) : saved.height;
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const { x, y } = saved;
  // At least 100 px of the top edge (where the title bar is) must be on one display.
  const visible = workAreas.some((a) => {
    const overlap = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    return overlap >= 100 && y >= a.y && y <= a.y + a.height - 40;
  });
  return visible ? { x, y, width, height } : { width, height };
}
