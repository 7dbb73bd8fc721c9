import { ZOOM_STEPS, zoomLabel } from './zoom';

/** − 100% + in the status bar; clicking the percentage goes back to 100%. */
export function ZoomControl({ zoom, onStep, onReset }: { zoom: number; onStep(dir: 1 | -1): void; onReset(): void }) {
  return (
    <span className="zoom-control" data-testid="zoom-control">
      <button type="button" aria-label="缩小" title="缩小（Ctrl+-，或 Ctrl+滚轮）" disabled={zoom <= ZOOM_STEPS[0]} onClick={() => onStep(-1)}>
        −
      </button>
      <button type="button" className="zoom-value" data-testid="zoom-value" title="恢复 100%（Ctrl+0）" onClick={onReset}>
        {zoomLabel(zoom)}
      </button>
      <button type="button" aria-label="放大" title="放大（Ctrl+=，或 Ctrl+滚轮）" disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!} onClick={() => onStep(1)}>
        +
      </button>
    </span>
  );
}
