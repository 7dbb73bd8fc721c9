/** Zoom levels of the window (as Excel/WPS step them); 1 is 100%. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

export const isZoom = (v: unknown): v is number => typeof v === 'number' && v >= ZOOM_STEPS[0] && v <= ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** The next step up (dir 1) or down (dir -1) from any zoom, clamped at the ends. */
export function stepZoom(z: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > z + 1e-6) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((s) => s < z - 1e-6) ?? ZOOM_STEPS[0];
}

export const zoomLabel = (z: number) => `${Math.round(z * 100)}%`;
