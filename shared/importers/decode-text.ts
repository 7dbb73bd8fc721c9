/**
 * A text file's bytes as text, in whichever encoding Chinese Windows tools save it: UTF-8 (with or
 * without a BOM), UTF-16 (Notepad's “Unicode”, with a BOM, or without one when every ASCII
 * character has its zero byte), else GB18030, the superset of GBK/GB2312 that Notepad's “ANSI”
 * and Excel/WPS CSV use. Decoding never throws: bytes that are no text come out as replacement
 * characters, which the readers refuse as unreadable.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: GB18030 (a runtime without it decodes as UTF-8, leaving the bad bytes to be refused).
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
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
