import { useBusy } from './busy';

/** A spinner with what is being done, over the top of the page (never blocks the clicks around it). */
export function BusyIndicator() {
  const label = useBusy();
  if (!label) return null;
  return (
    <output className="busy-indicator" data-testid="busy" aria-live="polite">
      <span className="busy-spinner" aria-hidden="true" />
      {label}
    </output>
  );
}
