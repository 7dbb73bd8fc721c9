import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { decodeText } from '../../../shared/importers/decode-text';
import { importAnyPacketText } from '../../../shared/importers/detect-format';

const FILE = new URL('../../fixtures/003_d8581a66e967af08.txt', import.meta.url);
const text = readFileSync(FILE, 'utf8');

/** The text in each encoding Chinese Windows tools save a .txt in (Notepad ANSI = GBK, Notepad Unicode = UTF-16LE …). */
function encodings(t: string): Record<string, Uint8Array> {
  const utf16le = Buffer.from(t, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const gb18030 = new Uint8Array(Buffer.from(readFileSync(new URL('../../fixtures/003_d8581a66e967af08.gb18030.txt', import.meta.url))));
  return {
    'UTF-8': Buffer.from(t, 'utf8'),
    'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
    GB18030: gb18030,
    'UTF-16LE with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
    'UTF-16LE without BOM': utf16le,
    'UTF-16BE with BOM': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    'UTF-16BE without BOM': utf16be,
  };
}

describe('a packet’s .txt in the encodings Chinese Windows saves it in', () => {
  it('decodes UTF-8 (with or without BOM), GB18030/GBK and UTF-16 (with or without BOM) to the same text', () => {
    for (const [name, bytes] of Object.entries(encodings(text))) expect(decodeText(bytes), name).toBe(text);
  });

  it('imports 003 saved as GBK (Notepad’s “ANSI”) as it imports the UTF-8 file: it was refused as 乱码', async () => {
    const want = importAnyPacketText(text);
    if (!want.ok) throw new Error(want.error);
    const dir = mkdtempSync(join(tmpdir(), 'decode-'));
    try {
      const file = join(dir, '003-gbk.txt');
      writeFileSync(file, encodings(text).GB18030!);
      const r = await importPacketFile(file);
      if (!r.ok) throw new Error(r.error);
      expect(r.doc).toEqual(want.doc);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still refuses bytes that are no text, saying so', () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const r = importAnyPacketText(decodeText(binary));
    expect(r.ok).toBe(false);
  });
});
