import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditInputs } from '../../../electron/audit/inputs';

const root = mkdtempSync(join(tmpdir(), 'audit-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('audit DIR: the files it audits', () => {
  it('follows links (they were skipped in silence): a linked packet, a linked folder once, a broken link reported by name; a loop read once', async () => {
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, '甲.txt'), 'x');
    writeFileSync(join(elsewhere, '乙.pdf'), 'x');
    const dir = join(root, 'dir');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'x');
    writeFileSync(join(dir, 'notes.md'), 'x');
    symlinkSync(join(elsewhere, '甲.txt'), join(dir, 'b-link.txt'));
    symlinkSync(elsewhere, join(dir, 'c-folder'));
    symlinkSync(join(root, 'gone.txt'), join(dir, 'd-broken.txt'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    symlinkSync(join(elsewhere, '甲.txt'), join(dir, 'e-link.md'));
    // A shared folder not mounted: reported (it was passed over, the audit exiting 0).
    symlinkSync(join(root, 'unmounted-share'), join(dir, 'f-单位共享文件夹'));
    symlinkSync(join(root, 'gone.md'), join(dir, 'g-broken.md'));
    expect((await auditInputs([dir])).map((p) => p.slice(dir.length + 1))).toEqual([
      'a.txt',
      'b-link.txt',
      'c-folder/甲.txt',
      'c-folder/乙.pdf',
      'd-broken.txt',
      'f-单位共享文件夹',
    ]);
  });
});
