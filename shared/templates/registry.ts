import { budget2024 } from './budget-2024';
import type { FormatTemplate } from './types';

/** Every format the app knows, by id. A document names its format. */
export const TEMPLATES: Record<string, FormatTemplate> = { [budget2024.id]: budget2024 };

export function templateById(id: string): FormatTemplate | undefined {
  return TEMPLATES[id];
}
