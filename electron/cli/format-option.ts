import type { FormatTemplate } from '../../shared/templates/types';
import type { ParsedArgs } from './args';
import { InputError } from './input-error';

/**
 * `--format FILE|ID`: a format file (or a built-in format's id) every command can be given; undefined
 * when not given. The format registry and the format-file reader (its schema) load only when it is.
 */
export async function formatOption(a: ParsedArgs): Promise<{ format?: FormatTemplate }> {
  const file = a.options.get('--format');
  if (file === undefined) return {};
  const [{ builtinFormat }, { readFormatFile }] = await Promise.all([import('../../shared/formats/registry'), import('../formats/read-format-file')]);
  // A built-in format may be named by its id (e.g. `shanghai-budget`) instead of a file.
  const builtin = builtinFormat(file);
  if (builtin) return { format: builtin };
  const r = await readFormatFile(file);
  if (!r.ok) throw new InputError(r.error);
  return { format: r.format };
}
