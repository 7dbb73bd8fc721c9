import type { ImportWarning } from './packet/warnings';

/** A text file's text, the encoding it was read in, and where bytes had no character in it. */
export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-16' | 'GB18030';
  /** Places whose bytes the encoding has no character for (each became U+FFFD “�”): how many, and on which lines. */
  undecodable?: { count: number; firstLine: number; lines: number };
}

/**
 * A text file's bytes as text, in whichever encoding Chinese Windows tools save it: UTF-8 (with or
 * without a BOM), UTF-16 (Notepad's “Unicode”, with a BOM, or without one when every ASCII
 * character has its zero byte), else GB18030, the superset of GBK/GB2312 that Notepad's “ANSI”
 * and Excel/WPS CSV use. Decoding never throws: bytes that are no text come out as replacement
 * characters, which the readers refuse as unreadable.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextChecked(bytes).text;
}

/** As decodeText, also saying where bytes could not be decoded (a packet's import warns of them: a name may read “一般�行政”). */
export function decodeTextChecked(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeIn(bytes, 'utf-8', 'UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeIn(bytes, 'utf-16le', 'UTF-16');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeIn(bytes, 'utf-16be', 'UTF-16');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeIn(bytes, utf16, 'UTF-16');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: GB18030 (a runtime without it decodes as UTF-8, leaving the bad bytes to be refused).
    try {
      return decodeIn(bytes, 'gb18030', 'GB18030');
    } catch {
      return decodeIn(bytes, 'utf-8', 'UTF-8');
    }
  }
}

/** Decode strictly first: only a text with bytes the encoding cannot read is decoded again, loosely, and its “�” counted. */
function decodeIn(bytes: Uint8Array, label: string, encoding: DecodedText['encoding']): DecodedText {
  const strict = new TextDecoder(label, { fatal: true });
  try {
    return { text: strict.decode(bytes), encoding };
  } catch {
    const text = new TextDecoder(label).decode(bytes);
    return { text, encoding, undecodable: replacements(text) };
  }
}

/** How many U+FFFD a loose decoding put in, on how many lines, the first on which (lines counted as the packet reader counts them: \n, \r\n or \r). */
function replacements(text: string): DecodedText['undecodable'] {
  let count = 0;
  let line = 1;
  let firstLine = 0;
  let lines = 0;
  let lastLine = 0;
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    for (let i = from; i < at; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
    }
    from = at;
    count++;
    if (firstLine === 0) firstLine = line;
    if (line !== lastLine) lines++;
    lastLine = line;
  }
  return count > 0 ? { count, firstLine, lines } : undefined;
}

/** The import warning for bytes a packet's text could not be decoded from: how many, and the first line they are on. */
export function undecodableWarning(d: DecodedText): ImportWarning | undefined {
  const u = d.undecodable;
  if (!u) return undefined;
  const where = u.lines > 1 ? `（分布在 ${u.lines} 行中，第一处在本行）` : '';
  const check = u.lines > 1 ? '请核对这些行的名称和数字' : '请核对该行名称和数字';
  return { line: u.firstLine, message: `有 ${u.count} 处无法按 ${d.encoding} 解码的字节${where}，已显示为“�”，${check}` };
}

/** UTF-16 without a BOM: a packet's digits, spaces and line breaks put a zero byte beside most of their bytes. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 64 * 1024);
  if (n < 64) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.2 && evenZero < pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.2 && oddZero < pairs * 0.02) return 'utf-16be';
  return undefined;
}
