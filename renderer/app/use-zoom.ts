import { useCallback, useEffect } from 'react';
import { usePersisted } from './use-persisted';
import { isZoom, stepZoom } from './zoom';

/**
 * The window's zoom (remembered): Ctrl+= / Ctrl+- / Ctrl+0 and Ctrl+wheel, anywhere in the page
 * (also inside cell editors, as in Excel/WPS). Applied as CSS zoom on the app root by the shell.
 */
export function useZoom() {
  const [zoom, setZoom] = usePersisted('desk.zoom', 1, isZoom);
  const step = useCallback((dir: 1 | -1) => setZoom((z) => stepZoom(z, dir)), [setZoom]);
  const reset = useCallback(() => setZoom(1), [setZoom]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const dir = e.key === '=' || e.key === '+' ? 1 : e.key === '-' || e.key === '_' ? -1 : e.key === '0' ? 0 : null;
      if (dir === null) return;
      e.preventDefault();
      if (dir === 0) reset();
      else step(dir);
    };
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      step(e.deltaY < 0 ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    // Not passive: the browser's own Ctrl+wheel zoom must not run as well.
    document.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('wheel', onWheel);
    };
  }, [step, reset]);
  return { zoom, step, reset };
}
