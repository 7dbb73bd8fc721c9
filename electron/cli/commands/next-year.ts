import { formatOption } from '../format-option';
import { serializeDocument } from '../../../shared/model';
import { nextYearDocument } from '../../../shared/next-year/next-year';
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
    const p = next.priorYear;
    io.out(`已生成 ${next.department} ${next.year} 年度预算草稿（上年基本支出 ${p.basic ?? '0.00'}、项目支出 ${p.project ?? '0.00'}，${next.projectRows.length} 个项目）→ ${out}\n`);
    return 0;
  },
};
