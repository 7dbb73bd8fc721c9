/**
 * The central directory of a zip file, read without inflating anything: names, methods and the
 * sizes the writer declared, so a workbook's parts can be checked against the input bounds
 * before a byte is decompressed.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused by the reader. */
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Entries of the zip's central directory (at most `maxEntries`), or why they cannot be read. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEocd(v);
  if (end < 0) return { ok: false, reason: '找不到 ZIP 目录，文件可能不完整' };
  let count = v.getUint16(end + 10, true);
  let dirSize = v.getUint32(end + 12, true);
  let dirOffset = v.getUint32(end + 16, true);
  if (count === MAX16 || dirSize === MAX32 || dirOffset === MAX32) {
    const z64 = zip64End(v, end);
    if (!z64) return { ok: false, reason: 'ZIP64 目录不完整' };
    ({ count, dirSize, dirOffset } = z64);
  }
  if (count > maxEntries) return { ok: false, reason: `包含 ${count} 个部件，超过上限 ${maxEntries}` };
  if (dirOffset + dirSize > v.byteLength) return { ok: false, reason: 'ZIP 目录超出文件末尾，文件可能不完整' };
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > v.byteLength || v.getUint32(p, true) !== CENTRAL) return { ok: false, reason: 'ZIP 目录已损坏' };
    const flags = v.getUint16(p + 8, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > v.byteLength) return { ok: false, reason: 'ZIP 目录已损坏' };
    const e: ZipEntry = {
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: v.getUint16(p + 10, true),
      encrypted: (flags & 1) !== 0,
      crc32: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      uncompressedSize: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
    };
    if (!applyZip64Extra(v, e, p + 46 + nameLen, extraLen)) return { ok: false, reason: 'ZIP64 目录项已损坏' };
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** The last end-of-central-directory record (a comment of up to 64 KB may follow it). */
function findEocd(v: DataView): number {
  const last = v.byteLength - 22;
  for (let p = last; p >= 0 && p >= last - MAX16; p--) {
    if (v.getUint32(p, true) === EOCD && p + 22 + v.getUint16(p + 20, true) <= v.byteLength) return p;
  }
  return -1;
}

function zip64End(v: DataView, eocd: number): { count: number; dirSize: number; dirOffset: number } | null {
  const loc = eocd - 20;
  if (loc < 0 || v.getUint32(loc, true) !== EOCD64_LOCATOR) return null;
  const at = safeNumber(v, loc + 8);
  if (at === null || at + 56 > v.byteLength || v.getUint32(at, true) !== EOCD64) return null;
  const count = safeNumber(v, at + 32);
  const dirSize = safeNumber(v, at + 40);
  const dirOffset = safeNumber(v, at + 48);
  return count === null || dirSize === null || dirOffset === null ? null : { count, dirSize, dirOffset };
}

/** Sizes and offset saturated at 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order. */
function applyZip64Extra(v: DataView, e: ZipEntry, from: number, len: number): boolean {
  const wanted = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((k) => e[k] === MAX32);
  if (wanted.length === 0) return true;
  for (let p = from; p + 4 <= from + len; ) {
    const id = v.getUint16(p, true);
    const size = v.getUint16(p + 2, true);
    if (id === 1) {
      if (size < wanted.length * 8) return false;
      for (let i = 0; i < wanted.length; i++) {
        const n = safeNumber(v, p + 4 + i * 8);
        if (n === null) return false;
        e[wanted[i]!] = n;
      }
      return true;
    }
    p += 4 + size;
  }
  return false;
}

function safeNumber(v: DataView, at: number): number | null {
  if (at + 8 > v.byteLength) return null;
  const n = v.getBigUint64(at, true);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(n);
}
