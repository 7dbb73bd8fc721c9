import { BUILTIN_FORMATS, builtinFormat } from '../formats/registry';
import type { FormatTemplate } from './types';

/** Every built-in format, by id (shared/formats/registry.ts holds them). */
export const TEMPLATES: Record<string, FormatTemplate> = BUILTIN_FORMATS;

export function templateById(id: string): FormatTemplate | undefined {
  return builtinFormat(id);
}
