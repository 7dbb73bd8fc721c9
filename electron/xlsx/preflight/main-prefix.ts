import { ByteEdits } from '../xml/byte-edits';

const MAIN_NS = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main["']/;

/**
 * A part written with a prefix for SpreadsheetML's namespace (`<x:worksheet xmlns:x="…/main">`,
 * `<x:row>`: the Open XML SDK writes them so) with that prefix taken off its element names.
 * exceljs matches element names as written: such a workbook failed (“Cannot set properties of
 * undefined”) or read as holding no table. The root declares the prefix, so its first bytes tell;
 * a part without one is returned as it is. A `<` in XML text is always escaped, so every
 * `<x:` and `</x:` is a tag.
 */
export function withoutMainPrefix(b: Buffer): Buffer {
  const m = MAIN_NS.exec(b.subarray(0, Math.min(b.length, 4096)).toString('latin1'));
  if (!m) return b;
  const open = Buffer.from(`<${m[1]}:`, 'latin1');
  const close = Buffer.from(`</${m[1]}:`, 'latin1');
  const edits = new ByteEdits(b);
  for (let i = b.indexOf(0x3c); i >= 0; i = b.indexOf(0x3c, i + 1)) {
    const closing = b[i + 1] === 0x2f;
    const tag = closing ? close : open;
    if (b.compare(tag, 0, tag.length, i, i + tag.length) !== 0) continue;
    edits.replace(i + (closing ? 2 : 1), i + tag.length);
  }
  return edits.result();
}
