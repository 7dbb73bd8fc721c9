import { importPacketText, type PacketImportResult } from './packet/import-text';
import { importShanghaiText } from './shanghai/import';

/**
 * Import a published packet in whichever built-in format it is: the format is recognised from
 * the packet itself (its table titles), the Xinjiang reader being the default.
 */
export function importAnyPacketText(raw: string): PacketImportResult {
  return importShanghaiText(raw) ?? importPacketText(raw);
}
