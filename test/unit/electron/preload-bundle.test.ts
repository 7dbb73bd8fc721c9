import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskApi, JOB_PROGRESS_CHANNEL, type JobProgress, MENU_CHANNEL, type MenuCommand, OPEN_FILE_CHANNEL, type OpenedFile } from '../../../shared/ipc/contract';

/**
 * Runs the BUILT preload (dist/electron/preload.cjs) the way a sandboxed renderer does: a bare
 * context whose `require` offers only `electron` (contextBridge + ipcRenderer stand-ins).
 */
const root = join(import.meta.dirname, '..', '..', '..');
const outDir = join(root, 'test', 'artifacts', 'tmp', `preload-bundle-${process.pid}`);
let api: DeskApi;
const invoked: Array<[string, unknown]> = [];
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: async (channel: string, request: unknown) => {
    invoked.push([channel, request]);
    return { ok: true };
  },
});
const required: string[] = [];

beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [join(root, 'build', 'build-electron.mjs'), outDir], { stdio: 'pipe' });
  const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  const exposed: Record<string, unknown> = {};
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) }, ipcRenderer };
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
      return electron;
    },
  });
  api = exposed.desk as DeskApi;
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('built preload in a sandbox-like context', () => {
  it('requires nothing but electron and exposes exactly invoke/onMenu/onOpenFile/onJobProgress as window.desk', () => {
    expect([...new Set(required)]).toEqual(['electron']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onJobProgress', 'onMenu', 'onOpenFile']);
  });

  it('passes well-formed job progress only, and stops when unsubscribed', () => {
    const got: JobProgress[] = [];
    const off = api.onJobProgress((p) => got.push(p));
    const good: JobProgress = { jobId: 'j1', title: '导入“a.txt”', stage: 'recognize', fraction: 0.4 };
    ipcRenderer.emit(JOB_PROGRESS_CHANNEL, {}, good);
    ipcRenderer.emit(JOB_PROGRESS_CHANNEL, {}, { ...good, stage: 'format-disk' });
    ipcRenderer.emit(JOB_PROGRESS_CHANNEL, {}, { ...good, fraction: '40%' });
    ipcRenderer.emit(JOB_PROGRESS_CHANNEL, {}, null);
    off();
    ipcRenderer.emit(JOB_PROGRESS_CHANNEL, {}, { ...good, done: true });
    expect(got).toEqual([good]);
  });

  it('forwards contract channels and refuses any other', async () => {
    await api.invoke('settings:get', {});
    expect(invoked).toEqual([['settings:get', {}]]);
    const anyApi = api as unknown as { invoke(c: string, r: unknown): Promise<unknown> };
    await expect(anyApi.invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow('未知的请求“fs:readFile”');
    await expect(anyApi.invoke('__proto__', {})).rejects.toThrow();
    expect(invoked).toHaveLength(1);
  });

  it('passes menu commands of the contract only, and stops when unsubscribed', () => {
    const got: MenuCommand[] = [];
    const off = api.onMenu((c) => got.push(c));
    ipcRenderer.emit(MENU_CHANNEL, {}, 'file:save');
    ipcRenderer.emit(MENU_CHANNEL, {}, 'shell:rm-rf');
    off();
    ipcRenderer.emit(MENU_CHANNEL, {}, 'file:open');
    expect(got).toEqual(['file:save']);
  });

  it('keeps a file that arrives before the page listens (launch with a file) and hands it over', () => {
    ipcRenderer.emit(OPEN_FILE_CHANNEL, {}, { path: '/a/甲局.budget', docText: '{}' });
    ipcRenderer.emit(OPEN_FILE_CHANNEL, {}, { path: 5 });
    const got: OpenedFile[] = [];
    const off = api.onOpenFile((f) => got.push(f));
    expect(got).toEqual([{ path: '/a/甲局.budget', docText: '{}' }]);
    ipcRenderer.emit(OPEN_FILE_CHANNEL, {}, { path: '/b.txt', docText: '{}', imported: true });
    expect(got).toHaveLength(2);
    off();
  });
});
