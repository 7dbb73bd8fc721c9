import { crc32, inflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-directory';

const LOCAL = 0x04034b50;

export type EntryBytes = { ok: true; data: Uint8Array } | { ok: false; reason: string };

/**
 * The entry's uncompressed bytes. The caller has already checked the declared size against a
 * bound; inflating stops at that size, so an entry that lies about it (a zip bomb) costs no more
 * than the bound. The checksum is verified: a flipped bit must not become a different amount.
 */
export function entryBytes(bytes: Uint8Array, e: ZipEntry): EntryBytes {
  if (e.encrypted) return { ok: false, reason: `部件 ${e.name} 已加密` };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localHeaderOffset;
  if (at + 30 > v.byteLength || v.getUint32(at, true) !== LOCAL) return { ok: false, reason: `部件 ${e.name} 的位置不对` };
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + e.compressedSize > v.byteLength) return { ok: false, reason: `部件 ${e.name} 不完整` };
  const raw = bytes.subarray(start, start + e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      // One byte more than declared: getting it means the entry is bigger than it says.
      data = inflateRawSync(raw, { maxOutputLength: e.uncompressedSize + 1 });
    } catch {
      return { ok: false, reason: `部件 ${e.name} 无法解压` };
    }
  } else return { ok: false, reason: `部件 ${e.name} 使用了不支持的压缩方式（${e.method}）` };
  if (data.length !== e.uncompressedSize) return { ok: false, reason: `部件 ${e.name} 的大小与目录不符` };
  if (crc32(data) >>> 0 !== e.crc32) return { ok: false, reason: `部件 ${e.name} 校验失败` };
  return { ok: true, data };
}
