/**
 * “与上年预算持平” (how the app, and some packets, write an unchanged figure) read back as the
 * zero change the other readers understand, so last year's figure is recovered from it like
 * from “增加0.00万元，增长0.00%”. Only where it follows a figure or a 三公 item: the same words
 * inside a stated reason are left alone.
 */
const ZERO = '增加0.00万元，增长0.00%';

export function flatAsZeroChange(text: string): string {
  return text
    .replace(/(万元|%)([，,])与上年(?:预算)?持平/g, `$1$2比上年预算${ZERO}`)
    .replace(/(“?三公”?经费(?:财政拨款)?预算)与上年(?:预算)?持平/g, `$1比上年预算${ZERO}`)
    .replace(/(因公出国（境）费|因公出国\(境\)费|公务用车购置及运行(?:维护)?费|公务用车购置费|公务用车运行(?:维护)?费|公务接待费)与上年(?:预算)?持平/g, `$1${ZERO}`);
}
