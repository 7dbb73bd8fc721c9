import { isCellToken } from './amounts';

/** One printed line of a coded table: its code (digits only), name and amount tokens in order. */
export interface CodedLine {
  code?: string;
  total?: boolean;
  name: string;
  amounts: string[];
  line: number;
}

const HEADER = /项目|功能分类|经济分类|科目编码|科目名称|^类|编码|预算支出|收入预算|支出预算|经营收入|人员经费|公用经费|基本支出|编制(部门|单位)/;
/** An amount, or a dash printed for a zero (it holds its column like `0.00`). */
const isAmount = isCellToken;

/**
 * Codes as printed: split in 类/款/项 columns (`201 03 01`), as one string (`2010301`), or with
 * an unpadded 款 (`301 2` = 30102). `tokens` is the line without its amounts. Returns the digits
 * and how many tokens they took.
 */
export function leadingCode(tokens: readonly string[], economic: boolean, nameMayBeElsewhere = false): { code: string; used: number } | undefined {
  const t0 = tokens[0] ?? '';
  // The tokens after the code are the name, unless the name is wrapped around the line.
  const nameFollows = (i: number) => nameMayBeElsewhere || i < tokens.length;
  if (/^\d{5}$|^\d{7}$/.test(t0) && nameFollows(1)) return { code: t0, used: 1 };
  if (!/^\d{3}$/.test(t0) || !nameFollows(1)) return undefined;
  let code = t0;
  let used = 1;
  const maxParts = economic ? 1 : 2;
  while (used <= maxParts && /^\d{1,2}$/.test(tokens[used] ?? '') && nameFollows(used + 1)) {
    code += tokens[used]!.padStart(2, '0');
    used++;
  }
  return { code, used };
}

interface Split {
  head: string[];
  amounts: string[];
}

/** Code tokens at the start of a line: they are never amounts, even when a whole-元 amount looks the same. */
function codeTokens(tokens: readonly string[], economic: boolean): number {
  if (/^\d{5}$|^\d{7}$/.test(tokens[0] ?? '')) return 1;
  if (!/^\d{3}$/.test(tokens[0] ?? '')) return 0;
  let n = 1;
  while (n <= (economic ? 1 : 2) && /^\d{1,2}$/.test(tokens[n] ?? '')) n++;
  return n;
}

function split(text: string, economic: boolean): Split {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const c = codeTokens(tokens, economic);
  let k = tokens.length;
  while (k > c && isAmount(tokens[k - 1]!)) k--;
  return { head: tokens.slice(0, k), amounts: tokens.slice(k) };
}

/**
 * The lines of a coded table: headers repeated on a new page are skipped, wrapped names joined
 * (a name may wrap after its line, or around a line that prints only the code and amounts).
 */
export function codedLines(lines: ReadonlyArray<{ text: string; line: number }>, economic: boolean): CodedLine[] {
  const out: CodedLine[] = [];
  const coded = (s: Split) => (s.head.length > 0 ? leadingCode(s.head, economic, s.amounts.length > 0) : undefined);
  const src = lines.map((l) => ({ ...l }));
  src.forEach(({ text, line }, i) => {
    const s = split(text, economic);
    const { head, amounts } = s;
    if (head.length === 0 && amounts.length === 0) return;
    if (/^注[:：]/.test(head[0] ?? '')) return;
    if (head.join('') === '合计' || head.join('') === '总计') {
      out.push({ total: true, name: '合计', amounts, line });
      return;
    }
    const code = coded(s);
    if (code) {
      out.push({ code: code.code, name: head.slice(code.used).join(''), amounts, line });
      return;
    }
    if (head.length > 0 && HEADER.test(head.join(''))) return;
    const prev = out.at(-1);
    // The first half of a name printed above a line with only the code and amounts.
    const next = src[i + 1] ? split(src[i + 1]!.text, economic) : undefined;
    const nextCode = next ? coded(next) : undefined;
    if (amounts.length === 0 && next && nextCode && nextCode.used === next.head.length) {
      src[i + 1]!.text = `${next.head.join(' ')} ${head.join('')} ${next.amounts.join(' ')}`;
      return;
    }
    // A name wrapped onto the next line (with the amounts, or without).
    if (prev && !prev.total && head.length > 0 && (prev.amounts.length === 0 || amounts.length === 0)) {
      prev.name += head.join('');
      if (prev.amounts.length === 0) prev.amounts = amounts;
    }
  });
  return out;
}
