import { TagCursor } from '../xml/tag-cursor';

/**
 * The shared-string table cut after the last string a cell uses: strings nobody references
 * (junk appended by a tool, or by an attacker) are never parsed. Returns the part and how many
 * strings it keeps; null when the part is not a well-formed table.
 */
export function trimSharedStrings(b: Buffer, keep: number): { kept: Buffer; count: number } | null {
  const t = new TagCursor(b);
  let depth = 0;
  let count = 0;
  while (t.next()) {
    if (t.special) continue;
    if (t.close) {
      if (--depth === 0) return { kept: b, count };
      continue;
    }
    if (depth === 1 && t.is('si')) {
      if (count === keep) {
        const close = b.lastIndexOf('</');
        return close > t.start ? { kept: Buffer.concat([b.subarray(0, t.start), b.subarray(close)]), count } : null;
      }
      count++;
    }
    if (!t.selfClose) depth++;
    else if (depth === 0) return { kept: b, count: 0 };
  }
  return null;
}
