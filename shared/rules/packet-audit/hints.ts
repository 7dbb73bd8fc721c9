/**
 * Words added to a finding that say what a difference probably is: one cent that rounding
 * each figure separately can produce, or two digits printed in the wrong order.
 */

/** “…可能是尾差” for a difference of 0.01 万元 (still an error: a printed total must add up). */
export function roundingNote(diffCents: number): string {
  return Math.abs(diffCents) === 1 ? '；相差 0.01 万元，可能是各数分别四舍五入造成的尾差，但印制数仍应与其组成部分相符' : '';
}

/** Digits of a printed amount that, with two neighbours swapped, give the expected one. */
export function transposedNote(actualText: string, expectedText: string): string {
  const a = actualText.replace(/[,\s-]/g, '');
  const e = expectedText.replace(/[,\s-]/g, '');
  if (a.length !== e.length || a === e) return '';
  const digits = (s: string) => s.replace('.', '');
  const da = digits(a);
  const de = digits(e);
  if (da.length !== de.length || a.indexOf('.') !== e.indexOf('.')) return '';
  for (let i = 0; i + 1 < da.length; i++) {
    if (da[i] !== da[i + 1] && da[i] === de[i + 1] && da[i + 1] === de[i] && da.slice(0, i) === de.slice(0, i) && da.slice(i + 2) === de.slice(i + 2)) {
      return `；${actualText} 与 ${expectedText} 只是相邻两位数字顺序不同，疑为录入时数字颠倒`;
    }
  }
  return '';
}
