import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { readWorkbookBuffer, readWorkbookFile } from '../../../electron/xlsx/read-workbook';
import { workbookBuffer } from '../../../electron/xlsx/workbook-file';
import { packetDoc } from './helpers';

/**
 * A compound (OLE) file with the given stream names in its directory: what Excel writes for a
 * password-protected workbook (`EncryptionInfo` + `EncryptedPackage`) or an old .xls (`Workbook`).
 */
function oleFile(streams: string[]): Uint8Array {
  const b = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24); // minor version
  b.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  b.writeUInt16LE(0xfffe, 28); // little-endian
  b.writeUInt16LE(9, 30);
  b.writeUInt16LE(6, 32);
  b.writeUInt32LE(1, 44); // one FAT sector
  b.writeUInt32LE(1, 48); // directory starts at sector 1
  b.writeUInt32LE(4096, 56);
  b.writeUInt32LE(0xfffffffe, 60);
  b.writeUInt32LE(0xfffffffe, 68);
  b.writeUInt32LE(0, 76); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = 512;
  b.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  b.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  for (let i = 2; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 1024 + i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(b, at);
    b.writeUInt16LE(utf16.length, at + 64);
    b[at + 66] = i === 0 ? 5 : 2; // root storage / stream
    b.writeUInt32LE(0xffffffff, at + 68);
    b.writeUInt32LE(i + 1 < streams.length + 1 && i > 0 ? i + 1 : 0xffffffff, at + 72);
    b.writeUInt32LE(i === 0 ? 1 : 0xffffffff, at + 76);
  });
  return new Uint8Array(b);
}

async function workbookWith(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Sheet1'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function refused(bytes: Uint8Array): Promise<string> {
  const r = await readWorkbookBuffer(bytes);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
}

describe('workbooks that cannot be imported get a clear Chinese message and no document', () => {
  it('zero bytes', async () => {
    expect(await refused(new Uint8Array())).toBe('文件是空的（0 字节），不是 Excel 工作簿。');
  });

  it('password-protected (encrypted) workbook', async () => {
    expect(await refused(oleFile(['EncryptionInfo', 'EncryptedPackage']))).toMatch(/^工作簿设置了打开密码（已加密），无法读取。请在 Excel 中打开后取消密码/);
  });

  it('old .xls workbook', async () => {
    expect(await refused(oleFile(['Workbook', 'SummaryInformation']))).toMatch(/旧版 Excel 97-2003 工作簿（\.xls），请在 Excel 或 WPS 中另存为 \.xlsx/);
  });

  it('not a workbook at all, and a corrupt (truncated) one', async () => {
    expect(await refused(new TextEncoder().encode('编制部门：某局\n单位：万元\n'))).toMatch(/^文件不是 Excel 工作簿（\.xlsx）/);
    const good = await workbookBuffer(packetDoc('003_d8581a66e967af08'));
    expect(await refused(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/^工作簿已损坏，无法读取（.+）。请在 Excel 中打开并另存为 \.xlsx 后再试。$/);
  });

  it('a workbook that is not a budget workbook', async () => {
    const bytes = await workbookWith((ws) => {
      ws.addRow(['日期', '客户', '金额']);
      ws.addRow(['2024-01-02', '甲公司', 1200.5]);
    });
    expect(await refused(bytes)).toBe(
      '这不是部门预算公开工作簿：没有在任何工作表中找到公开表的表名（如“部门收支总体情况表”“部门收入总体情况表”）。',
    );
    expect(await refused(await workbookWith(() => {}))).toMatch(/^这不是部门预算公开工作簿/);
  });

  it('a table of contents only (titles, no tables)', async () => {
    const bytes = await workbookWith((ws) => {
      ws.addRow(['目录']);
      ws.addRow(['一、部门收支总体情况表']);
      ws.addRow(['二、部门收入总体情况表']);
    });
    expect(await refused(bytes)).toMatch(/没有“编制部门：……”一行|只找到了公开表的表名/);
  });

  it('readWorkbookFile and the CLI say which file and why; nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-err-'));
    const empty = join(dir, '空.xlsx');
    writeFileSync(empty, '');
    await expect(readWorkbookFile(empty)).rejects.toThrow(/^文件是空的（0 字节），不是 Excel 工作簿。$/);
    await expect(readWorkbookFile(join(dir, '没有.xlsx'))).rejects.toThrow('找不到文件');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await main(['import', empty, '-o', join(dir, 'doc.json')], io)).toBe(2);
    expect(err.join('')).toContain('文件是空的（0 字节）');
    expect(await main(['check', empty], io)).toBe(2);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dir, 'doc.json'))).toBe(false);
  });
});
