import { INPUT_BOUNDS } from './input-bounds';

/**
 * Warnings as an importer collects them: every one is counted, only the first `max` are kept, so
 * a file with 400,000 problems costs a counter, not 400,000 strings in a dialog.
 */
export class WarningList {
  private readonly kept: string[] = [];
  private total = 0;

  constructor(private readonly max: number = INPUT_BOUNDS.maxWarnings) {}

  push = (message: string): void => {
    this.total++;
    if (this.kept.length < this.max) this.kept.push(message);
  };

  /** All warnings found, listed or not. */
  get count(): number {
    return this.total;
  }

  /** The listed warnings, and one line counting the rest when some were left out. */
  list(): string[] {
    const rest = this.total - this.kept.length;
    return rest > 0 ? [...this.kept, `另有 ${rest} 条提示未列出`] : [...this.kept];
  }
}
