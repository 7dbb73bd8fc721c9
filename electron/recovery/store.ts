import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryEntry } from '../../shared/ipc/contract';
import { type FileOps, queuedOnFile, writeFileAtomicWhenReady } from '../files/atomic-write';

export const RECOVERY_DIR = 'recovery';

/** What one recovery file holds: the draft plus enough to list it without parsing the draft. */
interface RecoveryFile extends RecoveryEntry {
  format: 'budget-desk-recovery';
  docText: string;
}

/** The content of a recovery file: the draft as the window sent it, with its entry. */
export function recoveryFileText(entry: RecoveryEntry, docText: string): string {
  const body: RecoveryFile = { format: 'budget-desk-recovery', ...entry, docText };
  return JSON.stringify(body);
}

/**
 * Drafts of unsaved documents, one file per editing session key, in `<userData>/recovery`.
 * Written atomically so a crash during autosave leaves the previous draft; deleted when the
 * document is saved or closed, so whatever is here at start-up is work a crash interrupted.
 */
export class RecoveryStore {
  readonly dir: string;
  constructor(
    userDataDir: string,
    private readonly ops?: FileOps,
  ) {
    this.dir = join(userDataDir, RECOVERY_DIR);
  }

  /** File name from the key: hashed, so any key is a safe name and cannot point outside the folder. */
  fileFor(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  /**
   * A recovery file's content as `recoveryFileText` wrote it in the documents thread (autosave),
   * or undefined when there is nothing to write: queued now, written when ready.
   */
  writeWhenReady(key: string, ready: Promise<{ bytes: Uint8Array; sha256: string } | undefined>): Promise<void> {
    return writeFileAtomicWhenReady(this.fileFor(key), ready, { mkdir: true, ...(this.ops ? { ops: this.ops } : {}) });
  }

  /**
   * Delete a draft, in the same queue as its writes: an autosave still in flight when the
   * document is saved finishes first and is then removed, never resurrected after the discard.
   */
  async discard(key: string): Promise<void> {
    const file = this.fileFor(key);
    await queuedOnFile(file, 'discard', () => fs.rm(file, { force: true }));
  }

  /** Every readable draft, newest first; damaged files (a crash mid-write of an old version) are skipped. */
  async list(): Promise<RecoveryEntry[]> {
    const files = await this.readAll();
    return files
      .map(({ key, path, savedAt, department, year }) => (path === undefined ? { key, savedAt, department, year } : { key, path, savedAt, department, year }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async read(key: string): Promise<RecoveryFile | undefined> {
    return this.parse(await fs.readFile(this.fileFor(key), 'utf8').catch(() => ''));
  }

  private async readAll(): Promise<RecoveryFile[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const out: RecoveryFile[] = [];
    for (const n of names) {
      if (!/^[0-9a-f]{32}\.json$/.test(n)) continue;
      const f = this.parse(await fs.readFile(join(this.dir, n), 'utf8').catch(() => ''));
      if (f) out.push(f);
    }
    return out;
  }

  private parse(text: string): RecoveryFile | undefined {
    try {
      const r = JSON.parse(text) as Partial<RecoveryFile>;
      if (r.format !== 'budget-desk-recovery' || typeof r.key !== 'string' || typeof r.docText !== 'string') return undefined;
      if (typeof r.savedAt !== 'string' || typeof r.department !== 'string' || typeof r.year !== 'number') return undefined;
      return r as RecoveryFile;
    } catch {
      return undefined;
    }
  }
}
