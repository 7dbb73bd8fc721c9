import { formatOption } from '../format-option';
import { serializeDocument } from '../../../shared/model';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { nextYearSummary } from '../../../shared/next-year/summary';
import { parseArgs, UsageError } from '../args';
import { checkOutput, writeOutput } from '../files';
import { readInputDocument } from '../inputs';
import type { Command } from '../registry';

export const nextYearCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['-o', '--out', '--format']);
    const file = a.positionals[0];
    const out = a.options.get('-o') ?? a.options.get('--out');
    if (!file) throw new UsageError('需要本年度的预算文档或已公开文件');
    if (!out) throw new UsageError('需要用 -o 指定下一年度文档');
    await checkOutput(out);
    const { doc } = await readInputDocument(file, await formatOption(a));
    const next = nextYearDocument(doc);
    await writeOutput(out, serializeDocument(next));
    io.out(`已生成 ${next.department} ${nextYearSummary(next)} → ${out}\n`);
    return 0;
  },
};
