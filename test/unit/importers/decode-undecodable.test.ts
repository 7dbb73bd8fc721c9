import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { importPacketFile } from '../../../electron/import/read-packet';
import { decodeTextChecked, undecodableWarning } from '../../../shared/importers/decode-text';
import { warningText } from '../../../shared/importers/packet/warnings';

const gb18030 = readFileSync(new URL('../../fixtures/003_d8581a66e967af08.gb18030.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'decode-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The GB18030 packet with 0xFF (no GB18030 byte) put into the name of the n-th 一般行政管理事务 row: “一般�行政管理事务”. */
function withBadByte(n: number, bytes: Buffer = gb18030): Buffer {
  const name = new Uint8Array([0xd2, 0xbb, 0xb0, 0xe3]); // 一般
  let at = -1;
  for (let i = 0; i < n; i++) at = bytes.indexOf(Buffer.from([...name, 0xd0, 0xd0, 0xd5, 0xfe]), at + 1); // 一般行政
  return Buffer.concat([bytes.subarray(0, at + 4), Buffer.from([0xff]), bytes.subarray(at + 4)]);
}

describe('bytes a GB18030 packet cannot be decoded from are a warning with their line (they silently became “�” in a name)', () => {
  it('one bad byte in a table row: the import warns first, naming the line', async () => {
    const file = join(dir, 'one-bad-byte.txt');
    writeFileSync(file, withBadByte(1));
    const r = await importPacketFile(file);
    if (!r.ok) throw new Error(r.error);
    expect(warningText(r.warnings[0]!)).toBe('第 125 行：有 1 处无法按 GB18030 解码的字节，已显示为“�”，请核对该行名称和数字');
    // The CLI's `import --warnings` lists it as the app's import summary does.
    let out = '';
    const code = await main(['import', file, '-o', join(dir, 'one.budget'), '--warnings'], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    expect(out).toContain('\n  警告 第 125 行：有 1 处无法按 GB18030 解码的字节，已显示为“�”，请核对该行名称和数字\n');
    expect(out).toMatch(/^已导入 昌吉回族自治州人民政府驻北京联络处 2024 年：找到 11 张表，107 行，2 条警告/);
  });

  it('bad bytes on several lines are counted, the first line named', () => {
    const d = decodeTextChecked(withBadByte(3, withBadByte(1)));
    expect(d.undecodable).toEqual({ count: 2, firstLine: 125, lines: 2 });
    expect(warningText(undecodableWarning(d)!)).toBe('第 125 行：有 2 处无法按 GB18030 解码的字节（分布在 2 行中，第一处在本行），已显示为“�”，请核对这些行的名称和数字');
    // Lines as the packet reader counts them, whatever the line breaks.
    expect(decodeTextChecked(new Uint8Array([0xd2, 0xbb, 0x0d, 0x0a, 0x41, 0x0d, 0xff, 0x0a, 0xff, 0xff])).undecodable).toEqual({ count: 3, firstLine: 3, lines: 2 });
  });

  it('a packet every byte of which decodes gives no such warning', async () => {
    const d = decodeTextChecked(gb18030);
    expect(d).toMatchObject({ encoding: 'GB18030' });
    expect(d.undecodable).toBeUndefined();
    const file = join(dir, 'clean.txt');
    writeFileSync(file, gb18030);
    const r = await importPacketFile(file);
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map(warningText).join('\n')).not.toContain('解码');
  });
});
