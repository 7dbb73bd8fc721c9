/** Something the importer could not read or had to guess, with where it is in the file. */
export interface ImportWarning {
  table?: number;
  line?: number;
  message: string;
}

export function warningText(w: ImportWarning): string {
  const where = [w.table !== undefined ? `表${w.table}` : '', w.line !== undefined ? `第 ${w.line} 行` : ''].filter(Boolean).join(' ');
  return where ? `${where}：${w.message}` : w.message;
}

/**
 * Warnings of one import, at most `max` listed one by one; the rest are only counted, in a
 * last warning, so a broken file cannot produce a dialog of 100,000 lines.
 */
export class WarningList {
  private readonly items: ImportWarning[] = [];
  private more = 0;
  constructor(private readonly max: number) {}

  add(w: ImportWarning): void {
    if (this.items.length < this.max) this.items.push(w);
    else this.more++;
  }

  list(): ImportWarning[] {
    return this.more > 0 ? [...this.items, { message: `另有 ${this.more} 条提示未列出` }] : this.items.slice();
  }
}
