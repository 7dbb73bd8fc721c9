import { extname } from 'node:path';
import type { BudgetDocument } from '../../shared/model';
import { InputError, readDocumentFile } from './io';

/**
 * Readers by file extension. Importers (packet text/PDF, workbooks) register here, so every
 * command that takes a FILE accepts them (`check` on a packet imports it in memory first).
 */
export type InputReader = (file: string) => Promise<{ doc: BudgetDocument; warnings: string[] }>;

const readers = new Map<string, InputReader>();

export function registerInputReader(extensions: string[], reader: InputReader): void {
  for (const e of extensions) readers.set(e.toLowerCase(), reader);
}

export async function readInputDocument(file: string): Promise<{ doc: BudgetDocument; warnings: string[] }> {
  const reader = readers.get(extname(file).toLowerCase());
  if (reader) return reader(file);
  const r = readDocumentFile(file);
  if (!r.ok) throw new InputError(r.error);
  return { doc: r.doc, warnings: [] };
}
