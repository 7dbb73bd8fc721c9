/**
 * Column widths in Excel's units (about one Latin digit): a CJK or full-width character takes
 * two, so a column sized from characters alone would cut Chinese names in half.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f) ? 2 : 1;
  }
  return w;
}

/** Width for a column that shows these texts, clamped so one long name cannot dominate. */
export function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let w = min;
  for (const t of texts) w = Math.max(w, displayWidth(t) + 2);
  return Math.min(w, max);
}
