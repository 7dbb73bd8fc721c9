import { registerInputReader } from '../cli/inputs';
import { InputError } from '../cli/io';
import { warningText } from '../../shared/importers/packet/warnings';
import { importPacketFile } from './read-packet';

/** `check`/`tables` accept a published packet directly: it is imported in memory first. */
registerInputReader(['.txt', '.pdf', '.docx'], async (file) => {
  const r = await importPacketFile(file);
  if (!r.ok) throw new InputError(r.error);
  return { doc: r.doc, warnings: r.warnings.map(warningText), summary: { tables: r.summary.tables.length, rows: r.summary.rows } };
});
