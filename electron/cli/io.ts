import { BudgetSession } from '../../shared/engine/session';
import { loadDocument } from '../../shared/model';
import { readInputText } from './files';
import { type InputOptions, readInputDocument } from './inputs';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export { InputError } from './input-error';

/** Read a document (or anything an importer accepts) into a session, or throw InputError with the reason. */
export async function openInput(file: string, opts: InputOptions = {}): Promise<{ session: BudgetSession; warnings: string[] }> {
  const r = await readInputDocument(file, opts);
  return { session: BudgetSession.open(r.doc), warnings: r.warnings };
}

/** A saved document file (.json / .budget): a regular file within the size bound. */
export async function readDocumentFile(file: string): Promise<ReturnType<typeof loadDocument>> {
  return loadDocument((await readInputText(file)).replace(/^\uFEFF/, ''));
}
