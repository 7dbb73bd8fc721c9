/**
 * Column widths in Excel's units (about one Latin digit): a CJK or full-width character takes
 * two, so a column sized from characters alone would cut Chinese names in half. The grid's
 * headers (renderer/grid/header-fit.ts) count a character wide by it too.
 */
export function displayWidth(text: string): number {
  // By UTF-16 unit (every export measures each name): a surrogate pair is one wide character.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2010) w += 1;
    else if (c >= 0x2e80 || c <= 0x201f) {
      w += 2;
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    } else w += 1;
  }
  return w;
}

/** Width for a column that shows these texts, clamped so one long name cannot dominate. */
export function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let w = min;
  for (const t of texts) w = Math.max(w, displayWidth(t) + 2);
  return Math.min(w, max);
}
