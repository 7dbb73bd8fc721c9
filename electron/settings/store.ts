import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../shared/ipc/contract';
import { type FileOps, writeFileAtomic } from '../files/atomic-write';

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

export function defaultSettings(): Settings {
  return { recentFiles: [], defaultUnit: '万元' };
}

const finite = (x: unknown, min: number, max: number): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max ? Math.round(x) : undefined;

/** A stored code list, kept only when every entry is a code of digits and a name. */
function codeEntries(x: unknown): Array<{ code: string; name: string }> | undefined {
  if (!Array.isArray(x) || x.length === 0 || x.length > 100_000) return undefined;
  const ok = x.every(
    (e) => typeof e === 'object' && e !== null && typeof e.code === 'string' && /^\d{3,7}$/.test(e.code) && typeof e.name === 'string' && e.name.length <= 200,
  );
  return ok ? x.map((e: { code: string; name: string }) => ({ code: e.code, name: e.name })) : undefined;
}

/**
 * Take whatever a settings file holds and keep each field only if it is sound, so a damaged or
 * hand-edited file never stops the app from starting: bad fields fall back to defaults.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return s;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.recentFiles)) {
    const seen = new Set<string>();
    for (const f of r.recentFiles) {
      if (typeof f === 'string' && f.length > 0 && f.length <= 4096 && !seen.has(f)) seen.add(f);
    }
    s.recentFiles = [...seen].slice(0, MAX_RECENT);
  }
  if (r.defaultUnit === '万元' || r.defaultUnit === '元') s.defaultUnit = r.defaultUnit;
  if (typeof r.lastFolder === 'string' && r.lastFolder.length > 0 && r.lastFolder.length <= 4096) s.lastFolder = r.lastFolder;
  const lists = r.codeLists as Record<string, unknown> | undefined;
  if (typeof lists === 'object' && lists !== null) {
    for (const kind of ['function', 'economic'] as const) {
      const entries = codeEntries(lists[kind]);
      if (entries) s.codeLists = { ...s.codeLists, [kind]: entries };
    }
  }
  const b = r.windowBounds as Record<string, unknown> | undefined;
  if (typeof b === 'object' && b !== null) {
    const width = finite(b.width, 400, 20000);
    const height = finite(b.height, 300, 20000);
    if (width !== undefined && height !== undefined) {
      s.windowBounds = { width, height };
      const x = finite(b.x, -20000, 20000);
      const y = finite(b.y, -20000, 20000);
      if (x !== undefined && y !== undefined) Object.assign(s.windowBounds, { x, y });
    }
  }
  return s;
}

/** Per-user settings in the user-data folder; reads tolerate a damaged file, writes are atomic and serialised. */
export class SettingsStore {
  private cache: Settings | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(s: Settings) => void>();
  readonly file: string;

  constructor(
    userDataDir: string,
    private readonly ops?: FileOps,
  ) {
    this.file = join(userDataDir, SETTINGS_FILE);
  }

  async get(): Promise<Settings> {
    if (!this.cache) this.cache = await this.read();
    return structuredClone(this.cache);
  }

  /** Apply a change and persist it. A failed write keeps the change in memory for this session. */
  update(change: (s: Settings) => void): Promise<Settings> {
    const run = this.queue.then(async () => {
      const next = await this.get();
      change(next);
      this.cache = sanitizeSettings(next);
      await writeFileAtomic(this.file, `${JSON.stringify(this.cache, null, 1)}\n`, { mkdir: true, ...(this.ops ? { ops: this.ops } : {}) });
      for (const l of this.listeners) l(structuredClone(this.cache));
      return structuredClone(this.cache);
    });
    this.queue = run.catch(() => {});
    return run;
  }

  addRecent(path: string): Promise<Settings> {
    return this.update((s) => {
      s.recentFiles = [path, ...s.recentFiles.filter((f) => f !== path)].slice(0, MAX_RECENT);
    });
  }

  onChange(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async read(): Promise<Settings> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return defaultSettings();
    }
    try {
      return sanitizeSettings(JSON.parse(text));
    } catch {
      // Keep the damaged file aside for diagnosis; start from defaults.
      await fs.copyFile(this.file, `${this.file}.damaged`).catch(() => {});
      return defaultSettings();
    }
  }
}
