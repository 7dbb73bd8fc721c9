/**
 * Page footers in a packet's text (Shanghai budgets, 部门决算): `- 5 -`, `— 5 —`, `第 5 页`,
 * `第5页 共30页`, `共30页 第5页`, `5 / 30` are footers wherever they stand. A bare number is one
 * only at the foot of a page (a blank line above, nothing but blank lines before the next page):
 * inside a table a line of `302` is the 类 code of a wrapped 经济分类 row, not a page number.
 */
const MARKED =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[，,/／]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4})$/;
const BARE = /^\d{1,4}$/;

/** Whether each line is a page footer, to be left out (the other lines keep their numbers, for warnings). */
export function pageFooters(texts: readonly string[]): boolean[] {
  const out = texts.map(() => false);
  const blank = (i: number) => i < 0 || i >= texts.length || texts[i]!.trim() === '';
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!.replace(/\f/g, '').trim();
    out[i] = MARKED.test(t) || (BARE.test(t) && blank(i - 1) && atPageEnd(texts, i));
  }
  return out;
}

/** Only blank lines between line `i` and the next page (a form feed) or the end of the text. */
function atPageEnd(texts: readonly string[], i: number): boolean {
  for (let k = i + 1; k < texts.length; k++) {
    if (texts[k]!.startsWith('\f')) return true;
    if (texts[k]!.trim() !== '') return false;
  }
  return true;
}
