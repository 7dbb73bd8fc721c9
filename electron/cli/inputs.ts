import { extname } from 'node:path';
import type { BudgetDocument } from '../../shared/model';
import type { FormatTemplate } from '../../shared/templates/types';
import { checkInput } from './files';
import { InputError } from './input-error';

/**
 * Readers by file extension. Importers (packet text/PDF, workbooks) register here, so every
 * command that takes a FILE accepts them (`check` on a packet imports it in memory first).
 */
export interface InputOptions {
  /** Read or lay the input out in this format (`--format FILE`) instead of its own. */
  format?: FormatTemplate;
}

/** What a reader found: a packet reader also says how many tables and rows it recognised (`import` prints them). */
export interface InputRead {
  doc: BudgetDocument;
  warnings: string[];
  summary?: { tables: number; rows: number };
}

export type InputReader = (file: string, opts: InputOptions) => Promise<InputRead>;

const readers = new Map<string, InputReader>();

export function registerInputReader(extensions: string[], reader: InputReader): void {
  for (const e of extensions) readers.set(e.toLowerCase(), reader);
}

export async function readInputDocument(file: string, opts: InputOptions = {}): Promise<InputRead> {
  const reader = readers.get(extname(file).toLowerCase());
  // Every reader gets a regular file within the size bound: a FIFO or /dev/zero never blocks the command.
  await checkInput(file);
  const r = reader ? await reader(file, opts) : { doc: await savedDocument(file), warnings: [] };
  if (!opts.format) return r;
  const { withFormat } = await import('../../shared/formats/apply');
  return { ...r, doc: withFormat(r.doc, opts.format) };
}

async function savedDocument(file: string): Promise<BudgetDocument> {
  // Loaded here, not above: the document reader (its schema and migrations) is not needed to import a packet.
  const { readDocumentFile } = await import('./io');
  const r = await readDocumentFile(file);
  if (!r.ok) throw new InputError(r.error);
  return r.doc;
}
