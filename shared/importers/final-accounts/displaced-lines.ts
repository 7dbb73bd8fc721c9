/**
 * `pdftotext -layout` sometimes prints a wrapped line one line too high: a line that starts with an
 * amount in 万元 (its digits sit on a slightly different baseline) comes out above the line it continues,
 * after a blank gap (Putuo 2024 决算: “603.14万元，占20.51%；” above “…项目支出”). Read as printed, the
 * amount attaches to the wrong words and the audit reports figures the packet never stated.
 * A line is put back when: it starts with an amount in 万元, a blank line precedes it, and the line right
 * after it breaks off mid-phrase (ends in a word, not punctuation or a number) — so it is moved below
 * that line. A correctly wrapped continuation never follows a blank line, so PDF-position text is unchanged.
 */
const STARTS_WITH_AMOUNT = /^[\d,]+(?:\.\d+)?\s*万元/;
const ENDS_MID_PHRASE = /[\u4e00-\u9fff]$/;

export function restoreDisplacedLines(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 1; i + 1 < out.length; i++) {
    const line = out[i]!;
    const next = out[i + 1]!;
    if (out[i - 1] !== '' || !STARTS_WITH_AMOUNT.test(line)) continue;
    if (!next || STARTS_WITH_AMOUNT.test(next) || !ENDS_MID_PHRASE.test(next)) continue;
    out[i] = next;
    out[i + 1] = line;
    i++;
  }
  return out;
}
