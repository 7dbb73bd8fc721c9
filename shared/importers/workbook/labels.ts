import type { FixedRowDef } from '../../templates/types';
import { norm } from './grid';

/** A line label without its numbering (`一、` `1、` `1.` `其中：`), so `1. 单位资金` = `5、单位资金`. */
export function bareLabel(text: string): string {
  let t = norm(text);
  for (let i = 0; i < 3; i++) t = t.replace(/^(?:[一二三四五六七八九十]+[、.]|\d+[、.．]|其中:?)/, '');
  return t;
}

/**
 * Match printed line labels to a fixed table's rows in order: the same words can name two lines
 * (`一般公共预算拨款` is both an income line and a 其中 line of 结转), so the search starts after
 * the last line matched, and only then looks anywhere.
 */
export class LineMatcher {
  private cursor = 0;
  private readonly taken = new Set<string>();
  private readonly bare: string[];

  constructor(private readonly rows: readonly FixedRowDef[]) {
    this.bare = rows.map((r) => bareLabel(r.label));
  }

  match(label: string): FixedRowDef | undefined {
    const want = bareLabel(label);
    if (!want) return undefined;
    const code = /^(\d{3})\D/.exec(`${norm(label)} `)?.[1];
    if (code) {
      const r = this.rows.find((x) => x.key === `out.${code}`);
      if (r) return this.take(this.rows.indexOf(r));
    }
    const tests: ((b: string) => boolean)[] = [(b) => b === want, (b) => want.length >= 2 && (b.includes(want) || want.includes(b))];
    for (const test of tests) {
      for (const from of [this.cursor, 0]) {
        for (let i = from; i < this.rows.length; i++) {
          if (!this.taken.has(this.rows[i]!.key) && test(this.bare[i]!)) return this.take(i);
        }
      }
    }
    return undefined;
  }

  private take(i: number): FixedRowDef {
    const r = this.rows[i]!;
    this.taken.add(r.key);
    this.cursor = i + 1;
    return r;
  }
}
