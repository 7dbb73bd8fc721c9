import { formatOption } from '../format-option';
import { importPacketFile } from '../../import/read-packet';
import { serializeDocument } from '../../../shared/model/serialize';
import { warningText } from '../../../shared/importers/packet/warnings';
import { parseArgs, UsageError } from '../args';
import { checkInput, checkOutput, writeOutput } from '../files';
import { type InputOptions, readInputDocument } from '../inputs';
import { InputError } from '../input-error';
import type { CliIo } from '../io';
import type { Command } from '../registry';

export const importCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['-o', '--out', '--format']);
    const opts = await formatOption(a);
    const file = a.positionals[0];
    const out = a.options.get('-o') ?? a.options.get('--out');
    if (!file) throw new UsageError('需要要导入的文件名');
    if (!out) throw new UsageError('需要用 -o 指定输出文档');
    await checkOutput(out);
    if (!/\.(txt|pdf)$/i.test(file) || opts.format) return importOther(file, out, a.flags.has('--warnings'), io, opts);
    const t0 = performance.now();
    await checkInput(file);
    const r = await importPacketFile(file);
    if (!r.ok) throw new InputError(r.error);
    const ms = performance.now() - t0;
    await writeOutput(out, serializeDocument(r.doc));
    const s = r.summary;
    io.out(`已导入 ${r.doc.department} ${r.doc.year} 年：找到 ${s.tables.length} 张表，${s.rows} 行，${r.warnings.length} 条警告（${ms.toFixed(0)} ms）→ ${out}\n`);
    if (a.flags.has('--warnings')) for (const w of r.warnings) io.out(`  警告 ${warningText(w)}\n`);
    return 0;
  },
};

/** Workbooks and other registered formats (.xlsx …) go through their input reader. */
async function importOther(file: string, out: string, showWarnings: boolean, io: CliIo, opts: InputOptions): Promise<number> {
  const t0 = performance.now();
  const r = await readInputDocument(file, opts);
  const ms = performance.now() - t0;
  await writeOutput(out, serializeDocument(r.doc));
  // A packet (.docx, or any with --format) says what it found, as the .txt/.pdf line does; a workbook does not.
  const found = r.summary ? `找到 ${r.summary.tables} 张表，${r.summary.rows} 行，` : '';
  io.out(`已导入 ${r.doc.department} ${r.doc.year} 年：${found}${r.warnings.length} 条警告（${ms.toFixed(0)} ms）→ ${out}\n`);
  if (showWarnings) for (const w of r.warnings) io.out(`  警告 ${w}\n`);
  return 0;
}
