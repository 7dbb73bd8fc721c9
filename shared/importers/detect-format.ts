import { importedRowsError } from '../model/load';
import { INPUT_BOUNDS } from '../limits/input-bounds';
import { importFinalAccountsText } from './final-accounts/import';
import { importPacketText, type PacketImportResult } from './packet/import-text';
import { importShanghaiText } from './shanghai/import';

/**
 * Import a published packet in whichever built-in format it is: the format is recognised from
 * the packet itself (部门决算 and its table titles, the Shanghai table titles), the Xinjiang
 * reader being the default.
 */
export function importAnyPacketText(raw: string, layout?: string): PacketImportResult {
  // A text beyond the bound is refused by the packet reader at once, before any format is looked for.
  if (raw.length > INPUT_BOUNDS.maxPacketChars) return importPacketText(raw);
  // `layout`: the same text with positions kept (a PDF's reading), for readers that place by position.
  const r = importFinalAccountsText(raw, layout) ?? importShanghaiText(raw) ?? importPacketText(raw);
  const tooMany = r.ok ? importedRowsError(r.doc) : null;
  return tooMany ? { ok: false, error: tooMany } : r;
}
