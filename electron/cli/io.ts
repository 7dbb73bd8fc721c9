import { readFileSync } from 'node:fs';

import { BudgetSession } from '../../shared/engine/session';
import { loadDocument } from '../../shared/model';
import { type InputOptions, readInputDocument } from './inputs';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export class InputError extends Error {}

/** Read a document (or anything an importer accepts) into a session, or throw InputError with the reason. */
export async function openInput(file: string, opts: InputOptions = {}): Promise<{ session: BudgetSession; warnings: string[] }> {
  const r = await readInputDocument(file, opts);
  return { session: BudgetSession.open(r.doc), warnings: r.warnings };
}

/** A saved document file (.json / .budget). */
export function readDocumentFile(file: string): ReturnType<typeof loadDocument> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(e)}）`);
  }
  return loadDocument(text);
}
