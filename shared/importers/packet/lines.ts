import { INPUT_BOUNDS } from '../../limits/input-bounds';

/**
 * Text as it comes out of a PDF: normalise line endings and odd spaces, and tell a packet
 * from garbage before anything else looks at it.
 */
export interface SourceLine {
  /** 1-based line number in the file, for warnings. */
  no: number;
  text: string;
  /** Cells when the line is tab-separated (the text keeps empty cells), else undefined. */
  cells?: string[];
}

/** Share of characters that are neither CJK, ASCII printable, common punctuation nor whitespace. */
function garbageShare(text: string): number {
  let bad = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    const ok =
      (c >= 0x20 && c < 0x7f) ||
      c === 0x09 ||
      c === 0x0a ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0xa0 ||
      c === 0xb7 ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x2190 && c <= 0x22ff) ||
      c === 0x203b;
    if (!ok) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

export type LinesResult = { ok: true; lines: SourceLine[]; cut: number[] } | { ok: false; error: string };

/**
 * PDF fonts often map CJK glyphs to Kangxi radicals (⾃ U+2F83) or radical supplements (⺠ U+2EA0)
 * that look the same as the ideographs; map them back so words match.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⼾': '户',
  '⾻': '骨',
  '⺠': '民', '⻔': '门', '⻓': '长', '⻅': '见', '⻆': '角', '⻋': '车', '⻢': '马', '⻛': '风', '⻜': '飞', '⻄': '西',
  '⻘': '青', '⻝': '食', '⻚': '页', '⻥': '鱼', '⻦': '鸟', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
  '⺟': '母', '⺒': '巳', '⺁': '厂', '⺇': '几', '⺌': '小', '⺍': '小', '⺐': '尢', '⺓': '幺', '⺛': '旡', '⺝': '月',
  '⺢': '水', '⺫': '目', '⺬': '示', '⺮': '竹', '⺶': '羊', '⺼': '肉', '⻁': '虎', '⻂': '衣', '⻇': '言', '⻉': '贝',
  '⻊': '足', '⻌': '辶', '⻍': '辶', '⻏': '阝', '⻑': '長', '⻒': '镸', '⻕': '門', '⻖': '阝', '⻗': '雨', '⻙': '韦',
};

export function normaliseGlyphs(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

/** End of `t` without trailing spaces/CR, then without trailing tabs (a loop: `/\t+$/` is quadratic on a run of tabs). */
function cellsEnd(t: string): number {
  let end = t.length;
  while (end > 0 && (t.charCodeAt(end - 1) === 0x20 || t.charCodeAt(end - 1) === 0x0d)) end--;
  while (end > 0 && t.charCodeAt(end - 1) === 0x09) end--;
  return end;
}

/**
 * Lines of a packet's text, refused when the text or its line count is beyond INPUT_BOUNDS;
 * a line longer than `maxLineChars` is cut there (`cut` lists their numbers for warnings).
 */
const CONTINUED = /^表\s*\d{1,2}\s*[（(]\s*续\s*[）)]$/;

/** The heading of a continued table page (`表6（续）`), as our printed packets and others write it. */
export const isContinuedHeading = (text: string): boolean => CONTINUED.test(text);

/** The same as the packets of other regions write it: `表六（续）`, `附表6（续）`, `续表6`. */
const PACKET_CONTINUED = /^(?:(?:附)?表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[（(]\s*续\s*[）)]|续表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))$/;

export function splitLines(raw: string): LinesResult {
  if (raw.length > INPUT_BOUNDS.maxPacketChars) {
    return { ok: false, error: `文件有 ${raw.length.toLocaleString('en-US')} 个字符，超过了可导入的上限（${INPUT_BOUNDS.maxPacketChars.toLocaleString('en-US')} 个字符），不像是部门预算公开文件，未导入。` };
  }
  const text = normaliseGlyphs(raw.replace(/^\uFEFF/, ''));
  if (text.trim() === '') return { ok: false, error: '文件是空的，不是预算公开文件。' };
  if (text.includes('\u0000')) return { ok: false, error: '文件含有二进制内容，不是可读取的预算公开文本（如为 PDF，请使用 .pdf 扩展名）。' };
  if (garbageShare(text.slice(0, 200_000)) > 0.05) return { ok: false, error: '文件内容无法识别为文字（可能是乱码，或编码不是 UTF-8、GBK/GB18030、UTF-16 之一），不是可读取的预算公开文件。' };
  const unix = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // Count before splitting: a refused file costs one scan.
  let count = 1;
  for (let at = unix.indexOf('\n'); at >= 0 && count <= INPUT_BOUNDS.maxPacketLines; at = unix.indexOf('\n', at + 1)) count++;
  if (count > INPUT_BOUNDS.maxPacketLines) {
    return { ok: false, error: `文件超过 ${INPUT_BOUNDS.maxPacketLines.toLocaleString('en-US')} 行（可导入的上限），不像是部门预算公开文件，未导入。` };
  }
  const raws = unix.split('\n');
  const lines: SourceLine[] = [];
  const cut: number[] = [];
  for (let i = 0; i < raws.length; i++) {
    let r = raws[i]!;
    if (r.length > INPUT_BOUNDS.maxLineChars) {
      r = r.slice(0, INPUT_BOUNDS.maxLineChars);
      cut.push(i + 1);
    }
    const t = r.includes('\u00a0') || r.includes('\u3000') ? r.replace(/[\u00a0\u3000]/g, ' ') : r;
    const trimmed = t.trim();
    // “表6（续）” over a continued table page is a heading, never part of the row above it.
    const line: SourceLine = { no: i + 1, text: CONTINUED.test(trimmed) || PACKET_CONTINUED.test(trimmed) ? '' : trimmed };
    if (t.includes('\t')) line.cells = t.slice(0, cellsEnd(t)).split('\t').map((c) => c.trim());
    lines.push(line);
  }
  return { ok: true, lines, cut };
}

/** Remove all whitespace: for comparing Chinese words that a PDF split with spaces (`收 入 总 计`). */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}
