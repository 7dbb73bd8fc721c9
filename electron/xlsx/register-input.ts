import { registerInputReader } from '../cli/inputs';
import { InputError } from '../cli/io';
import { readFile } from 'node:fs/promises';

/** `import`/`check`/`tables` accept a workbook: it is read in memory first (an old .xls gets a message saying how to convert it). */
registerInputReader(['.xlsx', '.xlsm', '.xls'], async (file, opts) => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(e)}）`);
  }
  // exceljs is loaded only when a workbook is read (it costs more start-up time than any other command needs).
  const { readWorkbookBuffer } = await import('./read-workbook');
  const r = await readWorkbookBuffer(bytes, undefined, opts.format);
  if (!r.ok) throw new InputError(`${file}：${r.error}`);
  return { doc: r.doc, warnings: r.warnings, summary: r.counts };
});
