import { INPUT_BOUNDS } from '../limits/input-bounds';
import { importPacketText, type PacketImportResult } from './packet/import-text';
import { importShanghaiText } from './shanghai/import';

/**
 * Import a published packet in whichever built-in format it is: the format is recognised from
 * the packet itself (its table titles), the Xinjiang reader being the default.
 */
export function importAnyPacketText(raw: string): PacketImportResult {
  // A text beyond the bound is refused by the packet reader at once, before any format is looked for.
  if (raw.length > INPUT_BOUNDS.maxPacketChars) return importPacketText(raw);
  return importShanghaiText(raw) ?? importPacketText(raw);
}
