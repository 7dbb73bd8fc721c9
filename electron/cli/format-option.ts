import { readFormatFile } from '../formats/read-format-file';
import type { FormatTemplate } from '../../shared/templates/types';
import type { ParsedArgs } from './args';
import { InputError } from './io';

/** `--format FILE`: a format file every command can be given; undefined when not given. */
export async function formatOption(a: ParsedArgs): Promise<{ format?: FormatTemplate }> {
  const file = a.options.get('--format');
  if (file === undefined) return {};
  const r = await readFormatFile(file);
  if (!r.ok) throw new InputError(r.error);
  return { format: r.format };
}
