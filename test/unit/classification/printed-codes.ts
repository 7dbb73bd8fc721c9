/**
 * An independent reading of the codes a packet prints in its tables (not the importer's): a
 * 功能分类 (201–234) or 经济分类 (301–399) 类 code at the start of a line or after an amount (the
 * two-sided tables print a second row to the right, after an amount or a name), its 款/项 digits after it (`201 03 01`,
 * `201\t03\t01`, joined `2010301`, or on the next line as some PDFs' text has it), and the name
 * printed after the code — joined with the lines below when it wraps (a line holding only the rest
 * of a name).
 */
export interface PrintedCode {
  code: string;
  name: string;
  /** 1-based line of the code. */
  line: number;
}

const AMOUNT = /^[-−]?[\d,]+\.\d{1,2}$/;
const CLASS = /^(?:2(?:0[1-9]|[12]\d|3[0-4])|3\d\d)$/;
const NAME = /^[\u4e00-\u9fff（）()、“”]+$/u;

interface Token {
  text: string;
  line: number;
  /** The token is alone on its line. */
  alone: boolean;
  /** First token of its line. */
  first: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    let parts = l.trim().split(/[ \t\u3000]+/).filter(Boolean);
    // A letter-spaced name (`因 公 出 国 （ 境 ） 费`) is one word.
    if (parts.length > 2 && parts.every((p) => p.length === 1 && NAME.test(p))) parts = [parts.join('')];
    parts.forEach((p, k) => {
      out.push({ text: p, line: i + 1, alone: parts.length === 1, first: k === 0 });
    });
  });
  return out;
}

export function printedCodes(text: string): PrintedCode[] {
  const t = tokenize(text);
  const out: PrintedCode[] = [];
  let pairEnd = -1; // index just past the last code and name read
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    const joined = /^\d{5}$|^\d{7}$/.test(tok.text) && CLASS.test(tok.text.slice(0, 3));
    if (!CLASS.test(tok.text) && !joined) continue;
    if (!tok.first && i !== pairEnd && !AMOUNT.test(t[i - 1]!.text)) continue;
    let code = tok.text;
    let j = i + 1;
    if (!joined) {
      const levels = code.startsWith('3') ? 1 : 2;
      for (let k = 0; k < levels && j < t.length && /^\d{1,2}$/.test(t[j]!.text); k++, j++) code += t[j]!.text.padStart(2, '0');
    }
    const first = t[j];
    if (!first || !NAME.test(first.text)) continue;
    let name = first.text;
    // A long name wraps onto lines of its own (a line 人员经费合计 under the table is no part of it).
    const wraps = (x: Token | undefined, prev: Token) => x?.alone && x.line > prev.line && NAME.test(x.text) && !/[合小总]计$/.test(x.text);
    for (j++; j < t.length && wraps(t[j], t[j - 1]!); j++) name += t[j]!.text;
    out.push({ code, name, line: tok.line });
    pairEnd = j;
    i = j - 1;
  }
  return out;
}
