import { builtinFormat } from '../../../shared/formats/registry';
import { formatOption } from '../format-option';
import { newDocument, serializeDocument } from '../../../shared/model';
import { parseArgs, UsageError } from '../args';
import { writeOutput } from '../files';
import type { Command } from '../registry';

export const newCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--dept', '--year', '--unit', '-o', '--out', '--format']);
    const dept = a.options.get('--dept');
    const yearText = a.options.get('--year');
    const out = a.options.get('-o') ?? a.options.get('--out');
    const { format } = await formatOption(a);
    const unit = a.options.get('--unit') ?? format?.entryUnit ?? '万元';
    if (!dept || !yearText || !out) throw new UsageError('需要 --dept、--year 和 -o');
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new UsageError(`年度“${yearText}”无效`);
    if (unit !== '万元' && unit !== '元') throw new UsageError('金额单位只能是 万元 或 元');
    // A built-in format is named; one from a file travels with the document.
    const doc = format ? newDocument(dept, year, unit, format.id, builtinFormat(format.id) === format ? undefined : format) : newDocument(dept, year, unit);
    await writeOutput(out, serializeDocument(doc));
    io.out(`已新建 ${dept} ${year} 年预算文档${format ? `（格式：${format.name}）` : ''}：${out}\n`);
    return 0;
  },
};
