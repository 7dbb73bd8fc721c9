/** An amount as tables print it: grouped by thousands (`1,554,220.00`, `4,614`) or with two decimals (`28.50`). */
const AMOUNT = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{2})(?![\d,])/;
/** What labels a table line: a name (CJK) or a code leading it (类 201, 款 03, 科目 2010301). */
const LABEL = /[\u4e00-\u9fff]|^\s*\d{2,7}(?=\s|$)/;

/**
 * True when a text's table lines hold their cells one per line: amounts stand on lines of their
 * own, apart from the names and codes of their rows (text copied out of a PDF viewer, or pdftotext
 * without -layout, follows the PDF's drawing order, not its rows). No reader can put such a table
 * back together reliably, so an importer refuses it rather than read rows that are not there.
 * `lines`: the lines of the tables only (the explanation text labels every amount it states).
 */
export function cellsOnOwnLines(lines: readonly string[]): boolean {
  let amounts = 0;
  let labelled = 0;
  for (const l of lines) {
    if (!AMOUNT.test(l)) continue;
    amounts++;
    if (LABEL.test(l)) labelled++;
  }
  return amounts >= 12 && labelled < amounts * 0.4;
}

/** Why such a text is refused, for the 导入 message. */
export const CELLS_ON_OWN_LINES_ERROR =
  '文件中表格的各栏不在同一行：科目名称、编码与金额分散在不同的行里（从 PDF 复制出的文字，或用 pdftotext 转换时未加 -layout 参数，常是这样），无法可靠地还原各表。请直接导入原 PDF 文件，或用“pdftotext -layout”重新转换后再导入。未导入。';
