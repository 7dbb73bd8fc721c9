import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newDocument, serializeDocument } from '../../../shared/model';
import type { DialogOptions, HandlerDeps } from '../../../electron/ipc/deps';
import { createHandlers } from '../../../electron/ipc/handlers';

export async function tempDir(prefix = 'desk-'): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), prefix));
}

/** A small real document: one function row with table 2/3 amounts, in 万元. */
export function sampleDocText(department = '某某市财政局', amount = '3146.54'): string {
  const doc = newDocument(department, 2024, '万元');
  doc.functionRows.push({ code: '2010601', name: '行政运行', values: { '2.3': amount, '3.2': amount } });
  return serializeDocument(doc);
}

/** Handlers with scripted dialogs; records what the dialogs and window were asked. */
export async function makeHandlers(overrides: Partial<HandlerDeps> = {}) {
  const userDataDir = await tempDir('desk-user-');
  const asked: { open: DialogOptions[]; save: DialogOptions[]; confirm: string[]; opened: string[]; state: Array<{ fileName?: string; dirty: boolean }> } = {
    open: [],
    save: [],
    confirm: [],
    opened: [],
    state: [],
  };
  const answers: { open?: string; save?: string; confirm: boolean } = { confirm: true };
  const deps: HandlerDeps = {
    userDataDir,
    appVersion: '0.1.0',
    dialogs: {
      open: async (o) => {
        asked.open.push(o);
        return answers.open;
      },
      save: async (o) => {
        asked.save.push(o);
        return answers.save;
      },
    },
    confirmExternal: async (url) => {
      asked.confirm.push(url);
      return answers.confirm;
    },
    openExternal: async (url) => {
      asked.opened.push(url);
    },
    setWindowState: (s) => asked.state.push(s),
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
  return { h: createHandlers(deps), asked, answers, userDataDir, deps };
}
