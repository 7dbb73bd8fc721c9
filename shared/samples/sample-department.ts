import { type BudgetDocument, documentSchema } from '../model';
import sample from './sample-department.json';

/**
 * The built-in 示例 department shown on first run: the 2024 budget of 昌吉回族自治州人民政府驻北京联络处
 * from its published packet, with the packet's printed defects corrected (see derive-sample.ts).
 */
export function sampleDocument(): BudgetDocument {
  return documentSchema.parse(sample);
}
